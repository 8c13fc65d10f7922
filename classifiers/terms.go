package classifiers

import (
	"strconv"
	"strings"

	"jobminer/classifiers/lang"
)

// Term is a content word or a two-word phrase of a sentence, for tag
// clouds and for comparing sentences. Key folds case and inflection
// ("Batteries" and "battery" share the key "battery"); Surface is the
// words as written, lower-cased.
type Term struct {
	Key     string
	Surface string
}

// Terms returns the sentence's content words (no stop words, numbers or
// punctuation), and, with phrases, every pair of content words that stand
// next to each other ("battery life", "fall asleep").
func (c *Classifier) Terms(sentence string, phrases bool) []Term {
	if c.zh != nil && lang.LooksChinese(sentence) {
		return c.zh.Terms(sentence, phrases)
	}
	toks := tokenize(nil, sentence)
	out := make([]Term, 0, len(toks))
	prev := -1 // index in out of the previous token's word, -1 after a break
	for _, t := range toks {
		if t.punct || c.stops[t.text] || len(t.text) < 2 || strings.HasSuffix(t.text, "n't") || isNumber(t.text) {
			prev = -1
			continue
		}
		w := Term{Key: Fold(t.text), Surface: t.text}
		if phrases && prev >= 0 {
			p := out[prev]
			out = append(out, Term{Key: p.Key + " " + w.Key, Surface: p.Surface + " " + w.Surface})
		}
		out = append(out, w)
		prev = len(out) - 1
	}
	return out
}

// HasVerdictWord reports whether a term (a folded word or two-word key
// from Terms) holds a sentiment word: praise or blame, not content.
func (c *Classifier) HasVerdictWord(term string) bool {
	for _, w := range strings.Fields(term) {
		toks := []token{{text: w}}
		c.ix.annotate(toks)
		if p, _ := c.valence.longest(toks, 0); p != nil && p.value != 0 {
			return true
		}
		// The folded key may have lost an ending the lexicon has.
		for _, full := range []string{w + "s", w + "ed", w + "ing", w + "e", w + "y"} {
			toks[0] = token{text: full}
			c.ix.annotate(toks)
			if p, _ := c.valence.longest(toks, 0); p != nil && p.value != 0 && Fold(full) == w {
				return true
			}
		}
	}
	return false
}

func isNumber(s string) bool {
	if s == "" {
		return false
	}
	// Words are the common case: only a digit, sign or point can start a number.
	if c := s[0]; !(c >= '0' && c <= '9' || c == '.' || c == '-' || c == '+') {
		return false
	}
	_, err := strconv.ParseFloat(s, 64)
	return err == nil
}

// Fold reduces an English word to a stem shared by its inflections:
// plurals, -ing, -ed, -ly. It is deliberately light (no dictionary), so
// that a folded key still reads as the word.
func Fold(w string) string {
	n := len(w)
	switch {
	case n > 4 && strings.HasSuffix(w, "ies"):
		return w[:n-3] + "y"
	case n > 5 && (strings.HasSuffix(w, "alves") || strings.HasSuffix(w, "elves")):
		return w[:n-3] + "f" // calves → calf, shelves → shelf
	case n > 4 && (strings.HasSuffix(w, "sses") || strings.HasSuffix(w, "shes") || strings.HasSuffix(w, "ches") || strings.HasSuffix(w, "xes")):
		return w[:n-2]
	case n > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us") && !strings.HasSuffix(w, "is"):
		return w[:n-1]
	case n > 5 && strings.HasSuffix(w, "ing"):
		return restoreE(w[:n-3])
	case n > 4 && strings.HasSuffix(w, "ed") && !strings.HasSuffix(w, "eed"):
		return restoreE(w[:n-2])
	}
	return w
}

// restoreE finishes a stem whose -ing or -ed was cut (Porter's step 1b):
// a doubled last consonant is undone ("stopp" → "stop"), and a short stem
// ending consonant-vowel-consonant gets its e back ("shav" → "shave",
// "fad" → "fade"; not "open", which is not short).
func restoreE(s string) string {
	if u := undouble(s); u != s {
		return u
	}
	if measure(s) == 1 && cvc(s) {
		return s + "e"
	}
	return s
}

func isVowelAt(s string, i int) bool {
	switch s[i] {
	case 'a', 'e', 'i', 'o', 'u':
		return true
	case 'y':
		return i > 0 && !isVowelAt(s, i-1)
	}
	return false
}

// measure is Porter's m: the number of vowel-consonant runs.
func measure(s string) int {
	m := 0
	prevVowel := false
	for i := range len(s) {
		v := isVowelAt(s, i)
		if prevVowel && !v {
			m++
		}
		prevVowel = v
	}
	return m
}

// cvc reports whether s ends consonant-vowel-consonant, the last not w, x
// or y.
func cvc(s string) bool {
	n := len(s)
	if n < 3 || strings.ContainsRune("wxy", rune(s[n-1])) {
		return false
	}
	return !isVowelAt(s, n-3) && isVowelAt(s, n-2) && !isVowelAt(s, n-1)
}

// undouble drops the doubled last consonant of a stem ("stopp" → "stop").
func undouble(s string) string {
	n := len(s)
	if n >= 3 && s[n-1] == s[n-2] && !strings.ContainsRune("aeiouls", rune(s[n-1])) {
		return s[:n-1]
	}
	return s
}
