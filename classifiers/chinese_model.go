package classifiers

import (
	"strings"
	"unicode/utf8"

	"jobminer/lexicons"
)

// The Chinese sentence model: the same features and weights table as the
// English one (sentence_model.go), filled from what the Chinese rules find
// (chinese.go), in lexicons/zh/polarity_model.tsv. Features Chinese has no
// rule for (cues, about product, journey stage, lapsed praise) stay 0.

// featurize fills f from the Chinese findings; text is the lower-cased
// sentence, runes its length in characters.
func (c *Chinese) featurize(f *features, in *polarityInputs, text string, runes int) {
	in.words = runes
	in.firstPerson = strings.Contains(text, "我")
	in.secondPerson = strings.Contains(text, "你") || strings.Contains(text, "妳")
	featurize(f, in)
}

// loadPolarityModel reads the zh set's polarity_model.tsv.
func (c *Chinese) loadPolarityModel(set *lexicons.Set) (err error) {
	c.polarity, err = readPolarityModel(set)
	return err
}

// The Chinese model's words are the pairs of adjacent characters of a
// sentence within a clause (「品質」, 「質很」, 「很好」): Chinese writes no
// spaces, and pairs need no segmenter, so training and classifying read the
// same units at the cost of a map lookup a character.

// pairWords returns the character pairs of the lower-cased sentence text
// with rune offsets off, as training reads them (repeats included).
func pairWords(text string, off []int) []string {
	var out []string
	forPairs(text, off, func(p string) { out = append(out, p) })
	return out
}

// forPairs calls fn with each pair of adjacent characters that holds no
// clause break (punctuation, a space, an emoji).
func forPairs(text string, off []int, fn func(string)) {
	prevOK := false
	for i := 0; i+1 < len(off); i++ {
		r, _ := utf8.DecodeRuneInString(text[off[i]:])
		ok := !isBreakRune(r)
		if ok && prevOK {
			fn(text[off[i-1]:off[i+1]])
		}
		prevOK = ok
	}
}

// pairLogits is the model's logits over the findings f and the weights of
// the sentence's character pairs.
func (m *PolarityModel) pairLogits(f *features, text string, off []int) [3]float64 {
	z := m.logits(f, 0, nil)
	if len(m.words) == 0 {
		return z
	}
	forPairs(text, off, func(p string) {
		if w, ok := m.words[p]; ok {
			z[0] += w[0]
			z[1] += w[1]
			z[2] += w[2]
		}
	})
	return z
}

// modelWords returns the character pairs of a sentence, as the sentence
// model weighs them.
func (c *Chinese) modelWords(sentence string) []string {
	text := strings.ToLower(sentence)
	off := make([]int, 0, len(text)+1)
	for i := range text {
		off = append(off, i)
	}
	return pairWords(text, append(off, len(text)))
}
