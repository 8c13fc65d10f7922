package classifiers

import (
	"strings"
	"unicode/utf8"
)

// Small rules of the Chinese classifier (chinese.go): clause breaks, the
// words a negation reaches over, 好 and 推 as verdicts (the social rules
// are in chinese_social.go, facts of time and comparison in
// chinese_facts.go).

// breakBetween reports whether a clause break (punctuation, a space, an
// emoji) stands between runes from and to.
func breakBetween(text string, off []int, from, to int) bool {
	for k := from; k < to; k++ {
		r, _ := utf8.DecodeRuneInString(text[off[k]:])
		if isBreakRune(r) {
			return true
		}
	}
	return false
}

// chineseQuantifiers may stand between a negation and the word it denies
// ("沒什麼", "沒其他", "沒任何"), in both scripts.
var chineseQuantifiers = map[string]bool{"什麼": true, "什么": true, "甚麼": true, "其他": true, "任何": true, "啥": true}

// outcomesOf lists the dimensions whose score is 1 or more (none for a
// question).
func outcomesOf(scores Scores, question bool) []string {
	if question {
		return nil
	}
	var out []string
	for _, d := range Dimensions {
		if scores.Of(d) >= 1 {
			out = append(out, d)
		}
	}
	return out
}

// goodPredicate is the valence of 好 as a sentence's verdict: 好 alone is
// no valence word (it is a degree adverb in 「好累」, a greeting in 「大家好」,
// a verb's result in 「說好了」), but at the end of a clause it says
// "good": 「包裝好」, 「服務也好」, 「好！」.
const goodPredicate = 1.8

// notGoodBefore are the runes before a clause-final 好 that make it no
// verdict: a greeting (你好, 您好, 大家好, 哈囉們好), a verb's result (說好,
// 約好, 弄好, 選好, 訂好, 想好), "had better" or "had to" (最好, 只好),
// "just right" (剛好, 正好, 恰好: words of their own when listed), a wish
// or advice (會更好, 比較好, 就好), "watch out" (看好), and the words the
// lexicons hold (不好, 還好, 很好; 也好 is kept).
var notGoodBefore = map[rune]bool{
	'你': true, '妳': true, '您': true, '家': true, '們': true, '们': true, '位': true, '師': true, '师': true,
	'學': true, '学': true, '上': true, '午': true, // 各位好, 老師好, 同學好, 早上好, 下午好
	'說': true, '说': true, '講': true, '讲': true, '約': true, '约': true, '談': true, '谈': true,
	'弄': true, '做': true, '收': true, '選': true, '选': true, '訂': true, '订': true, '排': true,
	'定': true, '想': true, '準': true, '准': true, '備': true, '备': true, '修': true, '搞': true,
	'只': true, '最': true, '剛': true, '刚': true, '正': true, '恰': true, '幸': true,
	'友': true, '愛': true, '爱': true, '喜': true, '要': true,
	'更': true, '較': true, '较': true, '就': true, '看': true,
}

// finalParticles may follow a clause-final 好 (「好喔」, 「好啦」); not 的
// (「好的」 is "OK") nor 了 (「裝好了」 is done, 「退貨好了」 "I'd rather
// return it").
const finalParticles = "啊呀喔哦耶啦嘛吧唷呦欸哈"

// goodAtClauseEnd reports a 好 at rune i that ends its clause as a verdict
// (goodPredicate).
func goodAtClauseEnd(text string, off []int, i int) bool {
	if r, _ := utf8.DecodeRuneInString(text[off[i]:]); r != '好' {
		return false
	}
	if i > 0 {
		if prev, _ := utf8.DecodeRuneInString(text[off[i-1]:]); notGoodBefore[prev] || prev == '好' {
			return false
		}
	}
	return clauseEndsAfter(text, off, i)
}

// clauseEndsAfter reports that rune i ends its clause, but for final
// particles (「好喔」, 「推啦」).
func clauseEndsAfter(text string, off []int, i int) bool {
	runes := len(off) - 1
	j := i + 1
	for j < runes {
		r, _ := utf8.DecodeRuneInString(text[off[j]:])
		if !strings.ContainsRune(finalParticles, r) {
			break
		}
		j++
	}
	if j == runes {
		return true
	}
	r, _ := utf8.DecodeRuneInString(text[off[j]:])
	return isBreakRune(r) || r == '^'
}

// recommendPredicate is the valence of 推 as a sentence's verdict: 推 alone
// is no word (推出, 推開, 推文), but ending a clause it says "recommended",
// a social result: 「推！」, 「大大的推」, 「品質好推」 (推薦, 很推, 超推, 不推
// are words of their own).
const recommendPredicate = 2.2

// notRecommendBefore are the runes before a clause-final 推 that make it
// "put off", no recommendation: 「出貨日期一直往後推」, 「又再往前推」, 「延推」.
var notRecommendBefore = map[rune]bool{'後': true, '后': true, '前': true, '往': true, '再': true, '延': true}

// recommendAtClauseEnd reports a 推 at rune i that ends its clause.
func recommendAtClauseEnd(text string, off []int, i int) bool {
	if r, _ := utf8.DecodeRuneInString(text[off[i]:]); r != '推' {
		return false
	}
	if i > 0 {
		if prev, _ := utf8.DecodeRuneInString(text[off[i-1]:]); notRecommendBefore[prev] {
			return false
		}
	}
	return clauseEndsAfter(text, off, i)
}

// negatedVerbBefore reports a negation one to three runes before rune i
// within its clause: a verb's result denied, 「沒車好」, 「沒處理好」,
// 「沒有包裝好」 (a negation right before i is the usual negation's).
func (c *Chinese) negatedVerbBefore(text string, off []int, i int) bool {
	for back := 1; back <= 3 && i-back > 0; back++ {
		if breakBetween(text, off, i-back, i) {
			return false
		}
		if endsWith(c.negations, text, off, i-back, c.maxLen) > 0 {
			return true
		}
	}
	return false
}

// mildContrast are the contrast words (contrast.txt) that add a caveat
// rather than answer what came before: opening a sentence, they leave the
// sentence before it alone (「房間很乾淨。就是早餐一般」). Both scripts
// write them alike.
var mildContrast = map[string]bool{"就是": true, "只是": true}

// productInView reports a word of product.txt in the text: a product, a
// shop or its use in view, so that a feeling in text without a rating is
// about it (「買了很開心」), not about the writer's life on a forum
// (「我好擔心確診」: no outcome).
func (c *Chinese) productInView(text string, off []int) bool {
	for i := 0; i < len(off)-1; i++ {
		if _, n := longestIn(c.product, text, off, i, c.maxLen); n > 0 {
			return true
		}
	}
	return false
}
