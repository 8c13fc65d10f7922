package classifiers

import (
	"strings"

	"jobminer/classifiers/lang"
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

// chineseSamples is sampleGroups for the Chinese sentences of a labelled
// set, classified by the attached Chinese classifier.
func (c *Classifier) chineseSamples(set []Labelled, opt TrainOptions) [][]sample {
	var out [][]sample
	if c.zh == nil {
		return nil
	}
	for _, l := range set {
		y := classIndex(l.Polarity)
		if y < 0 && l.Outcomes == nil || !lang.LooksChinese(l.Text) {
			continue
		}
		ratings := []float64{l.Rating}
		if l.Rating > 0 && !opt.KeepRatings {
			ratings = append(ratings, 0)
		}
		var group []sample
		for _, r := range ratings {
			s := sample{y: y, w: 1, outcome: outcomeLabels(l)}
			c.zh.classify(l.Text, r, &s.f)
			s.f[0] = 1
			group = append(group, s)
		}
		out = append(out, group)
	}
	return out
}
