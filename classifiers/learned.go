package classifiers

import (
	"math"
	"strings"

	"jobminer/lexicons"
)

// loadLearned adds the learned layer (learned.tsv, written by
// "jobminer lexicon learn" from star-rated reviews) under the curated
// tables: a single word joins the valence words, a phrase of two or three
// words the idioms, so that its words are not scored again inside it.
// Curated tables are loaded after it and win for the same term.
func (c *Classifier) loadLearned(set *lexicons.Set) error {
	rows, err := set.Table("learned.tsv", 2)
	if err != nil {
		return err
	}
	for _, r := range rows {
		v, err := weight(r, 1)
		if err != nil {
			return err
		}
		if strings.Contains(strings.TrimSpace(r.Fields[0]), " ") {
			c.idioms.add(r.Fields[0], v, "")
		} else {
			c.valence.add(r.Fields[0], v, "")
		}
	}
	return nil
}

// minBaseValence is the weakest entry of the base layer (VADER) that is
// used: its weak entries ("amazon" 0.7, "original" 1.3) name things, not
// verdicts, in product reviews.
const minBaseValence = 1.0

// addValence adds a word of the base valence layer.
func (c *Classifier) addValence(term string, v float64) {
	if math.Abs(v) >= minBaseValence {
		c.valence.add(term, v, "")
	}
}

// Ngrams calls yield with each word n-gram (one to max words) of a text
// that a learned layer may hold, as often as it occurs, lower-cased and joined by single
// spaces, exactly as the classifier's matchers will see them. It is the
// seam between the classifier and "jobminer lexicon learn":
//   - n-grams do not cross punctuation;
//   - a word governed by a negation outside the n-gram ("work" in "doesn't
//     work") is not counted, since the classifier flips it by rule; the
//     n-gram that holds the negation ("doesn't work") is counted;
//   - negation words alone, stop words alone, numbers, and n-grams that
//     begin or end with a stop word are left out ("the battery").
//
// scratch may be nil; passing the previous call's value reuses its memory.
func (c *Classifier) Ngrams(text string, max int, scratch []string, yield func(gram string)) []string {
	toks := c.ix.tokenize(nil, text)
	scope := make([]bool, len(toks)) // governed by a negation before it
	for i := range toks {
		if !toks[i].punct && toks[i].is(isNegation) {
			for k := i + 1; k < len(toks) && k <= i+3 && !toks[k].punct; k++ {
				scope[k] = true
			}
		}
	}
	edge := func(t *token) bool { return t.is(isNegation) || !t.is(isStop) }
	words := scratch[:0]
	for i := range toks {
		for n := 1; n <= max && i+n <= len(toks); n++ {
			last := &toks[i+n-1]
			if last.punct || isNumber(last.text) || len(last.text) < 2 && last.text != "i" {
				break
			}
			first := &toks[i]
			if scope[i] && !first.is(isNegation) {
				break
			}
			if n == 1 && (first.is(isNegation) || first.is(isStop)) {
				continue
			}
			if !edge(first) || !edge(last) {
				continue
			}
			words = words[:0]
			for k := i; k < i+n; k++ {
				words = append(words, toks[k].text)
			}
			yield(strings.Join(words, " "))
		}
	}
	return words
}

// IsStopWord reports whether w (lower case) is on the stop word list.
func (c *Classifier) IsStopWord(w string) bool { return c.stops[w] }
