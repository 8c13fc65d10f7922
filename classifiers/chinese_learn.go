package classifiers

import (
	"strings"
	"unicode"
)

// Ngrams calls yield with each word n-gram (one to max words) of a Chinese
// text that a learned layer may hold, words as the segmenter cuts them,
// joined by single spaces (so that a phrase's words can be told; the
// Chinese classifier drops the spaces when it loads the layer, since it
// matches words in unspaced text).
// It is the Chinese side of the seam with "jobminer lexicon learn", with
// the English rules (Classifier.Ngrams):
//   - n-grams do not cross punctuation;
//   - a word right after a negation ("好" in "不好") is not counted alone,
//     the n-gram that holds the negation is;
//   - operators alone (negations, contrast and condition words, degree
//     adverbs: the rules apply them), stop words alone, numbers and Latin-only words alone, and n-grams
//     that begin or end with a stop word are left out;
//   - a single word the segmenter's dictionary calls a noun ("襯衫",
//     "房間") names what a review is about, and its lean in the ratings is
//     that product's, not a verdict: left out alone.
//
// A segmenter that cannot load yields nothing.
func (c *Chinese) Ngrams(text string, max int, yield func(gram string)) {
	seg, err := segmenter(c.simplified(text))
	if err != nil {
		return
	}
	var clause []string
	flush := func() {
		for i := range clause {
			for n := 1; n <= max && i+n <= len(clause); n++ {
				first, last := clause[i], clause[i+n-1]
				if c.stops[first] || c.stops[last] {
					continue
				}
				if n == 1 {
					if c.negations[first] || c.contrast[first] || c.conditions[first] || c.boosters[first] != 0 ||
						i > 0 && c.negations[clause[i-1]] || !hasHan(first) || c.noun(seg, first) {
						continue
					}
				}
				yield(strings.Join(clause[i:i+n], " "))
			}
		}
		clause = clause[:0]
	}
	for _, w := range cut(seg, strings.ToLower(text)) {
		w = strings.TrimSpace(w)
		if w == "" || strings.IndexFunc(w, func(r rune) bool { return unicode.IsLetter(r) }) < 0 {
			flush()
			continue
		}
		clause = append(clause, w)
	}
	flush()
}

// simplified reports whether a text uses more Simplified-only than
// Traditional-only characters.
func (c *Chinese) simplified(text string) bool {
	hans, hant := 0, 0
	for _, r := range text {
		if c.hansOnly[r] {
			hans++
		} else if c.hantOnly[r] {
			hant++
		}
	}
	return hans > hant
}

func hasHan(w string) bool {
	return strings.IndexFunc(w, func(r rune) bool { return unicode.Is(unicode.Han, r) }) >= 0
}
