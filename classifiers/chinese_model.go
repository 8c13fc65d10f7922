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
// sentence within a clause (「品质」, 「质很」, 「很好」): Chinese writes no
// spaces, and pairs need no segmenter, so training and classifying read the
// same units at the cost of a map lookup a character. Pairs are read in
// Simplified characters (oneScript), so that the weights learned from
// Traditional reviews serve Simplified ones alike.

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
	text := strings.Map(c.hansRune, strings.ToLower(sentence)) // as oneScript, model or none (training runs without one)
	off := make([]int, 0, len(text)+1)
	for i := range text {
		off = append(off, i)
	}
	return pairWords(text, append(off, len(text)))
}

// oneScript returns text with its Traditional characters in their
// Simplified form (script_pairs.tsv), byte for byte as long: a pair whose
// forms differ in length is left as written, so rune offsets still hold.
// Text with nothing to change is returned as is, with no copy.
func (c *Chinese) oneScript(text string) string {
	if c.polarity == nil || len(c.polarity.words) == 0 {
		return text // no pairs to read
	}
	return strings.Map(c.hansRune, text)
}

// The CJK block of a flat table for hansRune: most characters of a
// Chinese sentence fall in it, and a slice index is several times faster
// than a map lookup a character.
const hansFrom, hansTo = 0x3400, 0xA000

// hansRune returns r in Simplified form, r itself when it has none of the
// same UTF-8 length.
func (c *Chinese) hansRune(r rune) rune {
	if r >= hansFrom && r < hansTo && c.hansTable != nil {
		if h := c.hansTable[r-hansFrom]; h != 0 {
			return h
		}
		return r
	}
	if h, ok := c.toHans[r]; ok && utf8.RuneLen(h) == utf8.RuneLen(r) {
		return h
	}
	return r
}

// setHans fills toHans and the flat table from the character pairs.
func (c *Chinese) setHans(toHans map[rune]rune) {
	c.toHans = toHans
	c.hansTable = make([]rune, hansTo-hansFrom)
	for t, s := range toHans {
		if t >= hansFrom && t < hansTo && utf8.RuneLen(s) == utf8.RuneLen(t) {
			c.hansTable[t-hansFrom] = s
		}
	}
}
