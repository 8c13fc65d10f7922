package classifiers

import (
	"strings"
	"unicode/utf8"
)

// Jobs, situations and alternatives of Chinese sentences, from the cues of
// lexicons/zh/jobs.tsv.

// phrasesOf finds the job, the situation and the alternative of a Chinese
// sentence (lower-cased text, rune offsets) from the cues of jobs.tsv.
func (c *Chinese) phrasesOf(text string, off []int) (job, situation, alternative string) {
	runes := len(off) - 1
	clauseStart := 0
	after := func(i int) string { return c.phraseAfter(text, off, i) }
	for i := 0; i < runes; i++ {
		r, _ := utf8.DecodeRuneInString(text[off[i]:])
		if isBreakRune(r) {
			clauseStart = i + 1
			continue
		}
		w, n := longestIn(c.phrases, text, off, i, c.maxLen)
		if n == 0 {
			continue
		}
		switch c.phrases[w] {
		case "job":
			// "想要的是黑色的": the cue names a thing wanted, no purpose;
			// 「對於想要遮肉的人來說」 names people who want it.
			// 「想要黑色的」 wants a thing; 「買來要送男友穿的」 is a purpose.
			if p := after(i + n); job == "" && utf8.RuneCountInString(p) >= 2 && !strings.HasPrefix(p, "的") && !strings.HasPrefix(p, "是") &&
				!strings.Contains(p, "的人") && !startsPhraseEnd(p) && !(wantCue(w) && wantsAThing(p)) {
				job = strings.TrimSuffix(p, "的")
			}
		case "situation":
			if p := after(i + n); situation == "" && utf8.RuneCountInString(p) >= 2 {
				situation = p
			}
		case "situation-end":
			from := c.sceneStart(text, off, clauseStart, i)
			if p := text[off[from]:off[i]]; situation == "" && utf8.RuneCountInString(p) >= 2 {
				situation = text[off[from]:off[i+n]]
			}
		case "situation-fixed":
			if situation == "" {
				situation = w
			}
		case "alternative":
			// 「之前買了黑色」, 「之前用過別家的」: the particles 了 and 過 are no part of the thing.
			if p := strings.TrimLeft(after(i+n), "了過过"); alternative == "" && utf8.RuneCountInString(p) >= 2 {
				alternative = p
			}
		}
		i += n - 1
	}
	return job, situation, alternative
}

// phraseCap is the most runes a job, situation or alternative after its cue
// may have: a phrase that runs on past it is no phrase (「省錢有一次去面試一整天只」).
const phraseCap = 12

// phraseEnds are the words that end a phrase after its cue: a reason, a
// consequence or a contrast starts another thought (「想要因為表演要穿」).
var phraseEnds = []string{"因為", "因为", "所以", "但是", "但", "還是", "还是", "可是", "不過", "不过", "而且", "的話", "的话", "如果", "結果", "结果"}

// phraseAfter is the phrase after a cue at rune i: up to a clause break, a
// word of phraseEnds or a word of valence (the verdict that follows the
// purpose: 「拿來搭配衣服穿」 of 「拿來搭配衣服穿樣式也不錯」); "" when it
// runs past phraseCap runes.
func (c *Chinese) phraseAfter(text string, off []int, i int) string {
	runes := len(off) - 1
	for j := i; j < runes; j++ {
		r, _ := utf8.DecodeRuneInString(text[off[j]:])
		if isBreakRune(r) {
			return text[off[i]:off[j]]
		}
		if j-i >= phraseCap {
			return ""
		}
		if j > i {
			for _, e := range phraseEnds {
				if strings.HasPrefix(text[off[j]:], e) {
					return text[off[i]:off[j]]
				}
			}
			if _, n := longestIn(c.valence, text, off, j, c.maxLen); n > 0 && j > i+1 {
				return text[off[i]:off[j]]
			}
			if _, n := longestIn(c.boosters, text, off, j, c.maxLen); n > 0 && j > i+1 {
				return text[off[i]:off[j]] // 「非常滿意」 after it: the verdict
			}
		}
	}
	return text[off[i]:]
}

// startsPhraseEnd reports a phrase that opens with a word of phraseEnds: a
// reason or a contrast after the cue (「想要因為表演…」), no purpose.
func startsPhraseEnd(p string) bool {
	for _, e := range phraseEnds {
		if strings.HasPrefix(p, e) {
			return true
		}
	}
	return false
}

// wantCue reports a job cue of wanting (想要, 想找): what follows may be a
// thing wanted, 「想要黑色的」, not a purpose.
func wantCue(w string) bool { return strings.HasPrefix(w, "想") }

// wantsAThing reports a phrase after a cue of wanting that names a thing,
// not a purpose: one that ends in 的 (「想要黑色的」, 「想找便宜的」) or names a
// colour or a size (「想要黑色」, 「想要大一號」): a variant wanted.
func wantsAThing(p string) bool {
	return strings.HasSuffix(p, "的") || strings.HasSuffix(p, "色") || strings.Contains(p, "顏色") || strings.Contains(p, "颜色") ||
		strings.Contains(p, "尺寸") || strings.HasSuffix(p, "號") || strings.HasSuffix(p, "号")
}

// sceneStart is where the scene of a 「…的時候」 situation ending at rune end
// starts in its clause (from clauseStart): after the last word of valence
// or of phraseEnds before it (「但不用擔心活動的時候」 is 「活動的時候」).
func (c *Chinese) sceneStart(text string, off []int, clauseStart, end int) int {
	from := clauseStart
	for k := clauseStart; k < end; k++ {
		if _, n := longestIn(c.valence, text, off, k, c.maxLen); n > 0 && k+n < end {
			from, k = k+n, k+n-1
			continue
		}
		for _, e := range phraseEnds {
			if strings.HasPrefix(text[off[k]:], e) && k+utf8.RuneCountInString(e) < end {
				from = k + utf8.RuneCountInString(e)
			}
		}
	}
	return from
}

// segmentOf is the first word of a kind of customer in the text
// (segments.txt: 學生, 老公, 微胖), longest first, or "".
func (c *Chinese) segmentOf(text string, off []int) string {
	for i := 0; i < len(off)-1; i++ {
		if w, n := longestIn(c.segments, text, off, i, c.maxLen); n > 0 {
			return w
		}
	}
	return ""
}
