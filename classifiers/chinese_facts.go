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

// durationUnits end a span of time; zhNumerals count it (「半」, 「幾」 too;
// 「好」 only before 幾 or 多: 「好幾天」).
var (
	durationUnits = []string{"小時", "小时", "鐘頭", "钟头", "分鐘", "分钟", "個月", "个月", "星期", "禮拜", "礼拜", "天", "週", "周", "月", "年"}
	zhNumerals    = map[rune]bool{}
)

func init() {
	for _, r := range "0123456789０１２３４５６７８９一二兩两三四五六七八九十百半幾几多" {
		zhNumerals[r] = true
	}
}

// numeralAt reports a rune that counts at rune i: a numeral, or 好 that
// opens 好幾 or 好多.
func numeralAt(text string, off []int, i int) bool {
	r, n := utf8.DecodeRuneInString(text[off[i]:])
	if r == '好' {
		next, _ := utf8.DecodeRuneInString(text[off[i]+n:])
		return next == '幾' || next == '几' || next == '多'
	}
	return zhNumerals[r]
}

// spanStart reports whether a span of time may start at rune i: a numeral
// there and none right before it (not inside 「2019」 or 「十三」).
func spanStart(text string, off []int, i int) bool {
	return numeralAt(text, off, i) && (i == 0 || !numeralAt(text, off, i-1))
}

// durationAt returns the runes of a span of time at rune i (「三天」,
// 「20天」, 「半個小時」, 「好幾個月」), 0 for none; a calendar year
// (「2019年」: three digits or more before 年) is none.
func durationAt(text string, off []int, i int) int {
	runes := len(off) - 1
	k, digits := i, 0
	for k < runes && numeralAt(text, off, k) {
		if r, _ := utf8.DecodeRuneInString(text[off[k]:]); r >= '0' && r <= '9' || r >= '０' && r <= '９' {
			digits++
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
			if u == "年" && digits >= 3 {
				return 0
			}
			return k - i + utf8.RuneCountInString(u)
		}
	}
	return 0
}

// waitEnds are what may come after 才 in a wait: an arrival, a dispatch, a
// reply (「二十天才到貨」, 「兩週才回」); 「一年才穿一次」 (how often) and
// 「多年才有的好貨」 are no wait.
var waitEnds = []string{"到", "收到", "拿到", "寄", "出貨", "出货", "發貨", "发货", "送", "回", "有人", "處理", "处理", "退"}

// waitedAt returns the runes of a wait stated at rune i, 0 for none: 等 or
// 等了 before a span of time (「等了三天」; not 「等了兩天就收到了」, a quick
// arrival, nor 「等三天後再說」, an intention), or a span of time before 才
// and an arrival (「二十天才到貨」, 「兩週後才出貨」: only then).
func waitedAt(text string, off []int, i int) int {
	runes := len(off) - 1
	if strings.HasPrefix(text[off[i]:], "等") {
		k := i + 1
		if k < runes && strings.HasPrefix(text[off[k]:], "了") {
			k++
		}
		if k >= runes || !spanStart(text, off, k) {
			return 0
		}
		d := durationAt(text, off, k)
		if d == 0 || k+d < runes && strings.ContainsAny(text[off[k+d]:off[k+d+1]], "就後后") {
			return 0
		}
		return k - i + d
	}
	if !spanStart(text, off, i) {
		return 0
	}
	d := durationAt(text, off, i)
	if d == 0 {
		return 0
	}
	k := i + d
	if k < runes && (strings.HasPrefix(text[off[k]:], "後") || strings.HasPrefix(text[off[k]:], "后")) {
		k++
	}
	if k+1 >= runes || !strings.HasPrefix(text[off[k]:], "才") {
		return 0
	}
	for _, e := range waitEnds {
		if strings.HasPrefix(text[off[k+1]:], e) {
			return k + 1 - i
		}
	}
	return 0
}

// fastArrivals are what 就 after a span of time says came soon: 「三天就到了」,
// 「隔天就出貨」 (隔天 is a word of valence of its own). A bare 到 counts only
// before 了, 貨 or a clause's end: 「一個月就到處起毛球」, 「三天就到期」 are
// no arrival.
var fastArrivals = []string{"收到", "寄到", "送到", "出貨", "出货", "寄出", "發貨", "发货", "到"}

// arrivedAt returns the runes of a quick arrival at rune i (a span of time,
// 就, an arrival: 「三天就收到了」), 0 for none; 「三天就壞了」 is no arrival.
func arrivedAt(text string, off []int, i int) int {
	if !spanStart(text, off, i) {
		return 0
	}
	d := durationAt(text, off, i)
	runes := len(off) - 1
	if d == 0 || i+d+1 >= runes || !strings.HasPrefix(text[off[i+d]:], "就") {
		return 0
	}
	at := i + d + 1
	for _, a := range fastArrivals {
		if !strings.HasPrefix(text[off[at]:], a) {
			continue
		}
		n := utf8.RuneCountInString(a)
		if a == "到" && at+1 < runes {
			if next, _ := utf8.DecodeRuneInString(text[off[at+1]:]); next != '了' && next != '貨' && next != '货' && !isBreakRune(next) {
				return 0
			}
		}
		return d + 1 + n
	}
	return 0
}

// asMuch are the words of degree in a comparison 「A 沒有 B 那麼 X」 ("A is
// not as X as B"), in both scripts (這樣 is left out: 「沒關係這樣很好」).
var asMuch = map[string]bool{"那麼": true, "那么": true, "這麼": true, "这么": true, "那樣": true, "那样": true}

// notCompared are what after 沒 or 沒有 make no comparison: a surprise
// (沒想到, 沒料到), "never mind" (沒關係, 沒問題).
var notCompared = []string{"想", "料", "關係", "关系", "問題", "问题"}

// notAsMuch reports a comparison denied before rune j: a word of asMuch
// right before it and 沒有 or 沒 at most eight runes before that, in its
// clause: 「沒有想像的那麼好」, 「沒圖片這麼好看」 say the product falls short;
// 「沒想到這麼好用」 is a surprise and 「沒看過這麼漂亮的」 (沒…過, never
// before) praise.
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
			between := text[off[back+1]:off[j-k]]
			between = strings.TrimPrefix(between, "有")
			for _, w := range notCompared {
				if strings.HasPrefix(between, w) {
					return false
				}
			}
			return !strings.ContainsAny(between, "過过")
		}
	}
	return false
}
