package classifiers

import (
	"strings"

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
