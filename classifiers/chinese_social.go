package classifiers

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// The social rules of the Chinese classifier (chinese.go): a person named
// is social only when something is done for, with or by them, a look when
// worn, the readers urged, a regret for not buying.

// socialBeyondPeople applies the rule that a person named is no social
// result by itself (「今天和朋友去逛街」, 「身邊朋友經歷過…」, 「大家罵他男友」;
// a gift, a recommendation, another's feeling 「老公很喜歡」 or a look when
// worn is): peopleOnly is the social weight of person words. Until the
// four dev sets it held only in sentences with no verdict; on them, social
// F1 0.630 that way, 0.667 this way (forum verdicts about people).
func socialBeyondPeople(scores Scores, peopleOnly float64) Scores {
	if scores.Social >= 1 && scores.Social-peopleOnly < 1 {
		scores.Social -= peopleOnly
	}
	return scores
}

// The outcomes.tsv kinds of the rule of looks: a word of kind look (好看,
// 可愛) in the clause after one of kind worn (穿起來, 穿上) is social; alone
// either is no outcome.
const (
	wornCue   = "worn"
	lookWord  = "look"
	withCue   = "with"
	forCue    = "for"
	urgeCue   = "urge"
	unlessCue = "unless"
)

// forBefore reports a word of kind for (outcomes.tsv: 給, 幫, 替, 送) right
// before the person word w at rune i: 「給孩子當外套」, 「幫姐姐選的」 are
// done for another, so social; not for the readers addressed (「幫大家整理」).
func (c *Chinese) forBefore(w, text string, off []int, i int) bool {
	n := endsWith(c.fors, text, off, i, c.maxLen)
	if n == 0 || c.audience[w] {
		return false
	}
	if at := i - n; at > 0 && text[off[at]:off[i]] == "給" {
		if r, _ := utf8.DecodeRuneInString(text[off[at-1]:]); notForBefore[r] {
			return false // 「推給老公處理」, 「交給同事」: handed over, nothing done for them
		}
	}
	return true
}

// notForBefore are the runes that make a following 給 part of a verb of
// handing over (推給, 交給, 丟給, 留給, 借給, 賣給, 傳給, 輸給, 嫁給, 分給),
// not "for". 還 is left out: 「還給孩子穿」 is "also, for the child" as
// often as "give back".
var notForBefore = map[rune]bool{'推': true, '交': true, '丟': true, '丢': true, '留': true,
	'借': true, '賣': true, '卖': true, '傳': true, '传': true, '輸': true, '输': true, '嫁': true, '分': true}

// withInClause reports a word of kind with (outcomes.tsv: 買的, 買給,
// 一起買, 都說) in the clause around rune i, where a person word stands:
// 「幫弟弟買的」, 「跟朋友一起買的」 are done for or with another, so social,
// where 「今天和朋友去逛街」 only names a person.
func (c *Chinese) withInClause(text string, off []int, i int) bool {
	from := i
	for from > 0 && !breakBetween(text, off, from-1, from) {
		from--
	}
	for k := from; k < len(off)-1; k++ {
		if k > i && breakBetween(text, off, k, k+1) {
			break
		}
		if _, n := longestIn(c.withs, text, off, k, c.maxLen); n > 0 {
			return true
		}
	}
	return false
}

// wearsAfter reports a wearing cue (kind worn) after the person word w, in
// its clause from rune from: another person wears it (「期待男友穿上去的樣子」,
// 「男友穿起來剛剛好」, 「拿給我爸穿」), bought or chosen for them, so
// social; not the readers addressed (「大家穿起來」 is advice).
func (c *Chinese) wearsAfter(w, text string, off []int, from int) bool {
	if c.audience[w] {
		return false
	}
	for k := from; k < len(off)-1; k++ {
		r, _ := utf8.DecodeRuneInString(text[off[k]:])
		if isBreakRune(r) {
			return false
		}
		if d, n := longestIn(c.outcomes, text, off, k, c.maxLen); n > 0 {
			if c.outcomes[d] == wornCue {
				return true
			}
			k += n - 1
		}
	}
	return false
}

// urgedAfter reports a word of urging (kind urge: 買看看, 逛逛, 可以去)
// after the readers' word w (an audience word: 大家, 你們, 水水) in its
// clause from rune from: 「大家來他的賣場逛逛」, 「你們買看看就知道了」
// recommend to others, where 「大家好」 only greets.
func (c *Chinese) urgedAfter(w, text string, off []int, from int) bool {
	if !c.audience[w] {
		return false
	}
	return firstInClause(c.urges, text, off, from, c.maxLen) != ""
}

// unlessReach is how many runes before a regret a word of not buying
// reaches, within its clause: 「不買真的會後悔」.
const unlessReach = 10

// regrets are the feelings a word of not buying turns into a
// recommendation: 「不買會後悔」, 「錯過可惜」; not 「不買了，很失望」.
var regrets = []string{"後悔", "后悔", "可惜", "惋惜"}

// unlessBefore reports a word of not buying (kind unless: 不買, 錯過) at
// most unlessReach runes before the regret w at rune i, in its clause: the
// regret others would feel for not buying (「不買你真的會後悔」), a
// recommendation, not the writer's. 「不買了」 and 「錯過了」 have happened:
// 「錯過了很可惜」 is the writer's own regret.
func (c *Chinese) unlessBefore(w, text string, off []int, i int) bool {
	if len(c.unless) == 0 || !slices.ContainsFunc(regrets, func(r string) bool { return strings.Contains(w, r) }) {
		return false
	}
	for k := i - 1; k >= 0 && i-k <= unlessReach; k-- {
		if r, _ := utf8.DecodeRuneInString(text[off[k]:]); isBreakRune(r) {
			return false
		}
		if _, n := longestIn(c.unless, text, off, k, c.maxLen); n > 0 && k+n <= i {
			return !strings.HasPrefix(text[off[k+n]:], "了")
		}
	}
	return false
}

// lookInClause returns the first word of looks at or after rune from and
// before the clause's end ("" for none): every position is tried, so that
// the look inside a valence word counts too (「穿上去很好看」: 很好 is the
// valence word, 好看 the look).
func (c *Chinese) lookInClause(text string, off []int, from int) string {
	return firstInClause(c.looks, text, off, from, c.maxLen)
}

// firstInClause returns the first word of m that starts at or after rune
// from and before the clause's end, trying every position ("" for none).
func firstInClause(m map[string]bool, text string, off []int, from, maxLen int) string {
	for k := from; k < len(off)-1; k++ {
		r, _ := utf8.DecodeRuneInString(text[off[k]:])
		if isBreakRune(r) {
			break
		}
		if w, n := longestIn(m, text, off, k, maxLen); n > 0 {
			return w
		}
	}
	return ""
}
