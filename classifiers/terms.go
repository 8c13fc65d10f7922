package classifiers

import (
	"strconv"
	"strings"
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

func isNumber(s string) bool {
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
	case n > 4 && (strings.HasSuffix(w, "sses") || strings.HasSuffix(w, "shes") || strings.HasSuffix(w, "ches") || strings.HasSuffix(w, "xes")):
		return w[:n-2]
	case n > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us") && !strings.HasSuffix(w, "is"):
		return w[:n-1]
	case n > 5 && strings.HasSuffix(w, "ing"):
		return undouble(w[:n-3])
	case n > 4 && strings.HasSuffix(w, "ed") && !strings.HasSuffix(w, "eed"):
		return undouble(w[:n-2])
	}
	return w
}

// undouble drops the doubled last consonant of a stem ("stopp" → "stop").
func undouble(s string) string {
	n := len(s)
	if n >= 3 && s[n-1] == s[n-2] && !strings.ContainsRune("aeiouls", rune(s[n-1])) {
		return s[:n-1]
	}
	return s
}
