package classifiers

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"jobminer/lexicons"
)

// The outcome model decides, for the outcome dimensions it was trained to
// decide, whether a sentence states that kind of result: one logistic
// regression per dimension over the same findings the sentence model
// weighs (sentence_model.go), among them the rules' own outcomes. It is
// used only for a dimension where, on held-out labelled sentences, it did
// better than the rules (the "use" row of outcome_model.tsv, written by
// "jobminer lexicon train"); the other dimensions stay the rules'.

// OutcomeModel holds per dimension (in Dimensions order) the weights of
// its features and whether it decides that dimension. It is safe for
// concurrent use.
type OutcomeModel struct {
	w   [3]features
	use [3]bool
}

// decide sets the dimensions the model is used for (never called on a
// question, which states no outcome). A dimension it adds where the rules
// found no term of it gets the sentence's content words (what the
// sentence speaks of) as its evidence, from terms; with none, it is not
// added (outcomeSays). A dimension it removes loses its evidence terms,
// and its score is set to what the outcome now says (1 or 0), so that the
// stored outcomes, scores and evidence agree.
func (m *OutcomeModel) decide(res *Result, f *features, terms func(n int) []string) {
	for k, d := range Dimensions {
		if !m.use[k] {
			continue
		}
		had := slices.Contains(res.Outcomes, d)
		var words []string
		backed := slices.ContainsFunc(res.Evidence, evidenceOf(d))
		if !backed {
			words = terms(3)
			backed = len(words) > 0
		}
		want := outcomeSays(dot(&m.w[k], f), backed)
		if want == had {
			continue
		}
		if want {
			res.Outcomes = insertDimension(res.Outcomes, d)
			for _, t := range words {
				res.Evidence = append(res.Evidence, d+":"+t)
			}
			*res.OutcomeScores.at(d) = max(res.OutcomeScores.Of(d), 1)
		} else {
			res.Outcomes = slices.DeleteFunc(slices.Clone(res.Outcomes), func(o string) bool { return o == d })
			res.Evidence = slices.DeleteFunc(res.Evidence, evidenceOf(d))
			*res.OutcomeScores.at(d) = 0
		}
	}
}

// evidenceOf returns the test for a result's evidence entries of an
// outcome dimension ("functional:…").
func evidenceOf(dim string) func(string) bool {
	prefix := dim + ":"
	return func(e string) bool { return strings.HasPrefix(e, prefix) }
}

// outcomeSays is the outcome model's decision on a dimension of a
// sentence that is no question, from its weighted sum z: yes when z > 0
// and the sentence has something to show for it (a term of the dimension
// or a content word). Cross-validation scores the same rule.
func outcomeSays(z float64, backed bool) bool { return z > 0 && backed }

// insertDimension returns a copy of outcomes with d added in Dimensions
// order (the rules' slice is left as it was).
func insertDimension(outcomes []string, d string) []string {
	out := make([]string, 0, len(Dimensions))
	for _, x := range Dimensions {
		if x == d || slices.Contains(outcomes, x) {
			out = append(out, x)
		}
	}
	return out
}

// loadOutcomeModel reads outcome_model.tsv: feature, then its weight for
// functional, emotional and social, and a row "use" saying with 1 or 0
// which dimensions the model decides. No rows, or a row "off", leave
// every dimension to the rules.
func (c *Classifier) loadOutcomeModel(set *lexicons.Set) error {
	m := &OutcomeModel{}
	ok, err := readModelTable(set, "outcome_model.tsv", "functional, emotional, social", func(r lexicons.Row, name string, w [3]float64) error {
		if name == "use" {
			for k := range w {
				m.use[k] = w[k] != 0
			}
			return nil
		}
		j := slices.Index(featureNames[:], name)
		if j < 0 {
			return unknownFeature(r, "outcome model", `, and "use"`)
		}
		for k := range w {
			m.w[k][j] = w[k]
		}
		return nil
	})
	if ok && m.use != [3]bool{} {
		c.outcome = m
	}
	return err
}

// WriteTSV writes the model as outcome_model.tsv, after header lines
// (each written as a comment).
func (m *OutcomeModel) WriteTSV(w io.Writer, header []string) error {
	t := newModelTable(w, header, "functional\temotional\tsocial")
	fmt.Fprintf(t, "use\t%d\t%d\t%d\n", int(b2f(m.use[0])), int(b2f(m.use[1])), int(b2f(m.use[2])))
	for j, name := range featureNames {
		t.row(name, [3]float64{m.w[0][j], m.w[1][j], m.w[2][j]})
	}
	return t.Flush()
}

// Uses reports whether the model decides a dimension.
func (m *OutcomeModel) Uses(dim string) bool {
	k := slices.Index(Dimensions, dim)
	return k >= 0 && m.use[k]
}
