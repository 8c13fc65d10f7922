package classifiers

import (
	"fmt"
	"math"

	"jobminer/classifiers/lang"
)

// OutcomeFit is what TrainOutcomes found for one dimension.
type OutcomeFit struct {
	Dimension    string
	Sentences    int     // labelled for outcomes (rating-free copies not counted)
	Positive     int     // of them, labelled with this dimension
	Model, Rules float64 // cross-validated F1 of the model and of the rules
	Used         bool    // the model decides this dimension
}

// MinOutcomeGain is by how much the model's cross-validated F1 must beat
// the rules' for it to decide a dimension.
const MinOutcomeGain = 0.01

// positiveWeight weighs the sentences labelled with a dimension in its
// fit: F1 rewards finding them more than accuracy does.
const positiveWeight = 1.5

// TrainOutcomes fits one logistic regression per outcome dimension to the
// labelled sentences' outcomes column, cross-validates it against the
// rules over folds (seeded), and returns the model, which decides only the
// dimensions where it beat the rules by MinOutcomeGain, with the figures.
func (c *Classifier) TrainOutcomes(set []Labelled, opt TrainOptions, folds int, seed uint64) (*OutcomeModel, []OutcomeFit, error) {
	groups := c.sampleGroups(set, opt)
	data := withOutcomes(flatten(groups))
	if len(data) < MinTrainSentences {
		return nil, nil, fmt.Errorf("%d %s sentences with an outcomes label; at least %d are needed", len(data), lang.Name(opt.Lang), MinTrainSentences)
	}
	if folds < 2 {
		folds = 5
	}
	m := &OutcomeModel{}
	var fits []OutcomeFit
	for k, d := range Dimensions {
		m.w[k] = fitOutcome(data, k, opt)
		var mtp, mfp, mfn, rtp, rfp, rfn, n, pos int
		for f := range folds {
			train, test := split(groups, f, folds, seed)
			w := fitOutcome(withOutcomes(train), k, opt)
			for _, s := range withOutcomes(test) {
				gold, rules := s.outcome[k] == 1, s.f[fRulesOutcome+k] == 1
				model := rules // a question: the rules' (none)
				if s.f[fQuestion] == 0 {
					model = outcomeSays(dot(&w, &s.f), s.backed[k])
				}
				n++
				if gold {
					pos++
				}
				count(gold, model, &mtp, &mfp, &mfn)
				count(gold, rules, &rtp, &rfp, &rfn)
			}
		}
		fit := OutcomeFit{Dimension: d, Sentences: n, Positive: pos,
			Model: score("", mtp, mfp, mfn).F1, Rules: score("", rtp, rfp, rfn).F1}
		fit.Used = fit.Model >= fit.Rules+MinOutcomeGain
		m.use[k] = fit.Used
		fits = append(fits, fit)
	}
	return m, fits, nil
}

func count(gold, pred bool, tp, fp, fn *int) {
	switch {
	case gold && pred:
		*tp++
	case pred:
		*fp++
	case gold:
		*fn++
	}
}

func dot(w, f *features) float64 {
	z := 0.0
	for j, x := range f {
		z += w[j] * x
	}
	return z
}

// withOutcomes keeps the samples labelled for outcomes.
func withOutcomes(data []sample) []sample {
	var out []sample
	for _, s := range data {
		if s.outcome[0] >= 0 {
			out = append(out, s)
		}
	}
	return out
}

// fitOutcome fits the logistic regression of dimension k by full-batch
// Adam on standardized features and returns its weights on the raw scale.
func fitOutcome(data []sample, k int, opt TrainOptions) features {
	opt = opt.withDefaults()
	x, mean, scale := standardized(data)
	var w, g, decay features
	for j := 1; j < nFeatures; j++ {
		decay[j] = opt.L2
	}
	a := newAdam(nFeatures)
	n := float64(len(data))
	for epoch := 1; epoch <= opt.Epochs; epoch++ {
		g = features{}
		for i, s := range data {
			p := 1 / (1 + math.Exp(-dot(&w, &x[i])))
			y, cw := 0.0, s.w
			if s.outcome[k] == 1 {
				y, cw = 1, s.w*positiveWeight
			}
			for j, v := range x[i] {
				g[j] += cw * (p - y) * v / n
			}
		}
		a.step(w[:], g[:], decay[:], epoch)
	}
	return rawWeights(w, mean, scale)
}
