package classifiers

import (
	"fmt"
	"math/rand/v2"
	"slices"

	"jobminer/classifiers/lang"
)

// TrainOptions sets how TrainPolarity fits the sentence model.
type TrainOptions struct {
	L2       float64 // weight decay on every dense weight but the bias (default 0.01)
	WordL2   float64 // weight decay on word weights (default 0.003)
	MinCount int     // a word needs this many training samples (a rated sentence and its rating-free copy are two); 0: no word features
	Epochs   int     // full passes of gradient descent (default 400)
	// Balance weighs each sentence of class k by (n/(3 n_k))^Balance: 0
	// weighs every sentence alike, 1 every class alike (macro-F1 is what
	// is judged), between them a part of the way.
	Balance float64
	// KeepRatings trains on each sentence as labelled only; by default a
	// rated sentence is also seen once without its rating, so that the
	// model holds for texts that have none.
	KeepRatings bool
	// Lang is the language whose sentences are trained on: "en" (the
	// default) by the English rules, "zh" by the attached Chinese ones.
	Lang string
}

// MinTrainSentences is the fewest labelled sentences a model is fitted to.
const MinTrainSentences = 50

// sample is one labelled sentence as the sentence model sees it.
type sample struct {
	f     features
	words []string // its words, a repeated word as often as it occurs
	y     int      // index in polarityClasses; -1: no polarity label
	w     float64  // weight in the fit
	// outcome says per dimension (Dimensions order) whether the sentence
	// is labelled with it: 1 yes, 0 no, -1 not labelled for outcomes.
	outcome [3]int8
	backed  [3]bool // the sentence has a term of the dimension or a content word
}

// samples turns labelled sentences into model inputs: those of the
// language opt.Lang (Chinese ones by the attached Chinese classifier),
// labelled for polarity or outcomes.
func (c *Classifier) samples(set []Labelled, opt TrainOptions) []sample {
	return flatten(c.sampleGroups(set, opt))
}

func flatten(groups [][]sample) []sample {
	var out []sample
	for _, g := range groups {
		out = append(out, g...)
	}
	return out
}

// sampleGroups is samples grouped by labelled sentence: the sentence as
// labelled first, then its rating-free copy (unless opt.KeepRatings).
func (c *Classifier) sampleGroups(set []Labelled, opt TrainOptions) [][]sample {
	zh := opt.Lang == "zh"
	if zh && c.zh == nil {
		return nil
	}
	sc := new(scratch)
	sc.wantFeatures = true
	var out [][]sample
	for _, l := range set {
		y := classIndex(l.Polarity)
		if y < 0 && l.Outcomes == nil || lang.LooksChinese(l.Text) != zh {
			continue
		}
		ratings := []float64{l.Rating}
		if l.Rating > 0 && !opt.KeepRatings {
			ratings = append(ratings, 0)
		}
		var group []sample
		for _, r := range ratings {
			s := sample{y: y, w: 1, outcome: outcomeLabels(l)}
			if zh {
				c.zh.classify(l.Text, r, &s.f)
				if opt.MinCount > 0 {
					s.words = c.zh.modelWords(l.Text)
				}
			} else {
				s.f, s.words, s.backed = c.englishFindings(sc, l.Text, r)
			}
			s.f[0] = 1
			group = append(group, s)
		}
		out = append(out, group)
	}
	return out
}

// englishFindings classifies an English sentence for training: its
// features, its words (repeats included: the model weighs each
// occurrence) and what outcomeSays needs.
func (c *Classifier) englishFindings(sc *scratch, text string, rating float64) (features, []string, [3]bool) {
	sc.feat = features{}
	c.classify(sc, text, rating)
	var words []string
	for _, t := range sc.toks {
		if !t.punct {
			words = append(words, t.text)
		}
	}
	return sc.feat, words, sc.backed
}

// outcomeLabels says per dimension whether a sentence is labelled with it:
// 1 yes, 0 no, -1 not labelled for outcomes.
func outcomeLabels(l Labelled) [3]int8 {
	outcome := [3]int8{-1, -1, -1}
	if l.Outcomes != nil {
		for k, d := range Dimensions {
			outcome[k] = int8(b2f(slices.Contains(l.Outcomes, d)))
		}
	}
	return outcome
}

// split returns fold f of n of the sample groups, taken in a seeded
// order: the other folds' samples to train on, and this fold's sentences
// as labelled (no rating-free copies) to test on.
func split(groups [][]sample, f, n int, seed uint64) (train, test []sample) {
	for i, p := range rand.New(rand.NewPCG(seed, 1)).Perm(len(groups)) {
		if i%n == f {
			test = append(test, groups[p][0])
		} else {
			train = append(train, groups[p]...)
		}
	}
	return train, test
}

// TrainPolarity fits a sentence model to labelled sentences (their
// polarity column). The rules' findings are computed by c, which should
// be built from the lexicons the model will be used with.
func (c *Classifier) TrainPolarity(set []Labelled, opt TrainOptions) (*PolarityModel, error) {
	data := withPolarity(c.samples(set, opt))
	if len(data) < MinTrainSentences {
		return nil, fmt.Errorf("%d %s sentences with a polarity label; at least %d are needed", len(data), lang.Name(opt.Lang), MinTrainSentences)
	}
	return fit(data, opt), nil
}

// CrossValidate estimates how the sentence model does on sentences it was
// not fitted to: the labelled sentences are split into folds at random
// (seeded; the copies of a sentence without its rating stay in its fold),
// a model is fitted on all folds but one, and the predictions on the
// held-out folds are pooled. It returns their macro-F1 and that of the
// rules' thresholds on the same sentences.
func (c *Classifier) CrossValidate(set []Labelled, opt TrainOptions, folds int, seed uint64) (model, rules float64) {
	groups := c.sampleGroups(set, opt)
	var gold, byModel, byRules []int
	for f := range folds {
		train, test := split(groups, f, folds, seed)
		m := fit(withPolarity(train), opt)
		for _, s := range withPolarity(test) {
			gold = append(gold, s.y)
			byModel = append(byModel, argmax(m.logitsOf(&s)))
			byRules = append(byRules, rulesVerdict(&s.f))
		}
	}
	return macroF1(gold, byModel), macroF1(gold, byRules)
}

// rulesVerdict reads the rules' own verdict off a sentence's features.
func rulesVerdict(f *features) int {
	switch {
	case f[fRulesPain] == 1:
		return classIndex(Pain)
	case f[fRulesPain+1] == 1:
		return classIndex(Gain)
	}
	return classIndex(Neutral)
}

// withPolarity keeps the samples that have a polarity label.
func withPolarity(data []sample) []sample {
	return slices.DeleteFunc(data, func(s sample) bool { return s.y < 0 })
}

func (m *PolarityModel) logitsOf(s *sample) [3]float64 {
	return m.logits(&s.f, len(s.words), func(i int) string { return s.words[i] })
}

func macroF1(gold, pred []int) float64 {
	sum := 0.0
	for k := range polarityClasses {
		var tp, fp, fn int
		for i := range gold {
			switch {
			case gold[i] == k && pred[i] == k:
				tp++
			case pred[i] == k:
				fp++
			case gold[i] == k:
				fn++
			}
		}
		sum += score("", tp, fp, fn).F1
	}
	return sum / float64(len(polarityClasses))
}
