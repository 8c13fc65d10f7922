package classifiers

import (
	"bufio"
	"fmt"
	"io"
	"slices"
	"strconv"
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

// decide sets the dimensions the model is used for. A dimension it adds
// where the rules found no term of it gets the sentence's content words
// (what the sentence speaks of) as its evidence, from terms; with none,
// it is not added.
func (m *OutcomeModel) decide(res *Result, f *features, terms func(n int) []string) {
	changed := false
	var want [3]bool
	for k, d := range Dimensions {
		want[k] = slices.Contains(res.Outcomes, d)
		if !m.use[k] {
			continue
		}
		z := 0.0
		for j, x := range f {
			if x != 0 {
				z += m.w[k][j] * x
			}
		}
		if (z > 0) != want[k] {
			want[k], changed = z > 0, true
		}
	}
	if !changed {
		return
	}
	outcomes := make([]string, 0, len(Dimensions)) // the rules' slice stays as it was
	for k, d := range Dimensions {
		if !want[k] {
			continue
		}
		if !slices.ContainsFunc(res.Evidence, func(e string) bool { return strings.HasPrefix(e, d+":") }) {
			words := terms(3)
			if len(words) == 0 {
				continue // nothing to show for it: not added
			}
			for _, t := range words {
				res.Evidence = append(res.Evidence, d+":"+t)
			}
		}
		outcomes = append(outcomes, d)
	}
	res.Outcomes = outcomes
}

// loadOutcomeModel reads outcome_model.tsv: feature, then its weight for
// functional, emotional and social, and a row "use" saying with 1 or 0
// which dimensions the model decides. No rows, or a row "off", leave
// every dimension to the rules.
func (c *Classifier) loadOutcomeModel(set *lexicons.Set) error {
	rows, err := set.Table("outcome_model.tsv", 1)
	if err != nil || len(rows) == 0 {
		return err
	}
	m := &OutcomeModel{}
	for _, r := range rows {
		if r.Fields[0] == "off" {
			return nil
		}
		if len(r.Fields) < 4 {
			return fmt.Errorf("lexicons %s line %d: want 4 tab-separated fields (feature, functional, emotional, social) or \"off\", got %d", r.File, r.Line, len(r.Fields))
		}
		var w [3]float64
		for k := range w {
			if w[k], err = weight(r, k+1); err != nil {
				return err
			}
		}
		if r.Fields[0] == "use" {
			for k := range w {
				m.use[k] = w[k] != 0
			}
			continue
		}
		j := slices.Index(featureNames[:], r.Fields[0])
		if j < 0 {
			return fmt.Errorf("lexicons %s line %d: %q is no feature of the outcome model (features: %s, and \"use\")", r.File, r.Line, r.Fields[0], strings.Join(featureNames[:], ", "))
		}
		for k := range w {
			m.w[k][j] = w[k]
		}
	}
	if m.use != [3]bool{} {
		c.outcome = m
	}
	return nil
}

// WriteTSV writes the model as outcome_model.tsv, after header lines
// (each written as a comment).
func (m *OutcomeModel) WriteTSV(w io.Writer, header []string) error {
	bw := bufio.NewWriter(w)
	for _, h := range header {
		fmt.Fprintf(bw, "# %s\n", h)
	}
	fmt.Fprintf(bw, "# feature\tfunctional\temotional\tsocial\n")
	fmt.Fprintf(bw, "use\t%d\t%d\t%d\n", int(b2f(m.use[0])), int(b2f(m.use[1])), int(b2f(m.use[2])))
	for j, name := range featureNames {
		bw.WriteString(name)
		for k := range m.w {
			bw.WriteByte('\t')
			bw.WriteString(strconv.FormatFloat(m.w[k][j], 'f', 4, 64))
		}
		bw.WriteByte('\n')
	}
	return bw.Flush()
}

// Uses reports whether the model decides a dimension.
func (m *OutcomeModel) Uses(dim string) bool {
	k := slices.Index(Dimensions, dim)
	return k >= 0 && m.use[k]
}
