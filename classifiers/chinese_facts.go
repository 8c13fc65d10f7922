package classifiers

import (
	"strings"
	"unicode/utf8"
)

// Facts the Chinese classifier reads as pains and gains without a word of
// feeling: a wait, a quick arrival, a comparison denied.

// waitedValence is the valence of a wait the writer states: 「等了三天」,
// 「兩個禮拜才到」 are pains without a word of feeling, as "it took two
// weeks to arrive" is in English; arrivedValence that of a quick arrival,
// 「三天就收到了」.
const (
	waitedValence  = -1.5
	arrivedValence = 1.5
)

// durationUnits end a span of time; zhNumerals count it (「半」, 「幾」 and
// 「好」 of 「好幾天」 too).
var (
	durationUnits = []string{"小時", "小时", "鐘頭", "钟头", "分鐘", "分钟", "個月", "个月", "星期", "禮拜", "礼拜", "天", "週", "周", "月", "年"}
	zhNumerals    = map[rune]bool{}
)

func init() {
	for _, r := range "0123456789０１２３４５６７８９一二兩两三四五六七八九十百半幾几好多" {
		zhNumerals[r] = true
	}
}

// durationAt returns the runes of a span of time at rune i (「三天」,
// 「20天」, 「半個小時」, 「好幾個月」), 0 for none.
func durationAt(text string, off []int, i int) int {
	runes := len(off) - 1
	k := i
	for k < runes {
		r, _ := utf8.DecodeRuneInString(text[off[k]:])
		if !zhNumerals[r] {
			break
		}
		k++
	}
	if k == i {
		return 0
	}
	if k < runes {
		if r, _ := utf8.DecodeRuneInString(text[off[k]:]); r == '個' || r == '个' {
			if k+1 < runes && !strings.HasPrefix(text[off[k+1]:], "月") {
				k++ // 「半個小時」; 「三個月」 is the unit 個月
			}
		}
	}
	for _, u := range durationUnits {
		if strings.HasPrefix(text[off[k]:], u) {
			return k - i + utf8.RuneCountInString(u)
		}
	}
	return 0
}

// waitedAt returns the runes of a wait stated at rune i, 0 for none: 等 or
// 等了 before a span of time (「等了三天」), or a span of time before 才 (「二十
// 天才到貨」, 「兩週後才出貨」: only then).
func waitedAt(text string, off []int, i int) int {
	runes := len(off) - 1
	if strings.HasPrefix(text[off[i]:], "等") {
		k := i + 1
		if k < runes && strings.HasPrefix(text[off[k]:], "了") {
			k++
		}
		if k < runes {
			if d := durationAt(text, off, k); d > 0 {
				return k - i + d
			}
		}
		return 0
	}
	if i > 0 {
		if r, _ := utf8.DecodeRuneInString(text[off[i-1]:]); zhNumerals[r] {
			return 0 // inside a number: the span starts at its first digit
		}
	}
	d := durationAt(text, off, i)
	if d == 0 {
		return 0
	}
	k := i + d
	if k < runes && (strings.HasPrefix(text[off[k]:], "後") || strings.HasPrefix(text[off[k]:], "后")) {
		k++
	}
	if k < runes && strings.HasPrefix(text[off[k]:], "才") {
		return k + 1 - i
	}
	return 0
}

// fastArrivals are what 就 after a span of time says came soon: 「三天就到了」,
// 「隔天就出貨」 (隔天 is a word of valence of its own).
var fastArrivals = []string{"到", "收到", "寄到", "送到", "出貨", "出货", "寄出", "發貨", "发货"}

// arrivedAt returns the runes of a quick arrival at rune i (a span of time,
// 就, an arrival: 「三天就收到了」), 0 for none; 「三天就壞了」 is no arrival.
func arrivedAt(text string, off []int, i int) int {
	if i > 0 {
		if r, _ := utf8.DecodeRuneInString(text[off[i-1]:]); zhNumerals[r] {
			return 0
		}
	}
	d := durationAt(text, off, i)
	if d == 0 || i+d >= len(off)-1 || !strings.HasPrefix(text[off[i+d]:], "就") {
		return 0
	}
	for _, a := range fastArrivals {
		if strings.HasPrefix(text[off[i+d+1]:], a) {
			return d + 1 + utf8.RuneCountInString(a)
		}
	}
	return 0
}

// asMuch are the words of degree in a comparison 「A 沒有 B 那麼 X」 ("A is
// not as X as B"), in both scripts.
var asMuch = map[string]bool{"那麼": true, "那么": true, "這麼": true, "这么": true, "那樣": true, "那样": true, "這樣": true, "这样": true}

// notAsMuch reports a comparison denied before rune j: a word of asMuch
// right before it and 沒有 or 沒 at most eight runes before that, in its
// clause: 「沒有想像的那麼好」, 「沒圖片這麼好看」 say the product falls short.
func notAsMuch(text string, off []int, j int) bool {
	k := endsWith(asMuch, text, off, j, 2)
	if k == 0 {
		return false
	}
	for back := j - k - 1; back >= 0 && j-k-back <= 8; back-- {
		if breakBetween(text, off, back, j-k) {
			return false
		}
		if r, _ := utf8.DecodeRuneInString(text[off[back]:]); r == '沒' || r == '没' {
			after := text[off[back+1]:off[j-k]]
			return !strings.HasPrefix(after, "想") && !strings.HasPrefix(after, "料") // 「沒想到這麼好用」 is a surprise, no denial
		}
	}
	return false
}
