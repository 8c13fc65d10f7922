package classifiers

import (
	"bytes"
	"slices"
	"strings"
	"testing"
)

// TestOutcomeModelCarriesOver: fitted to two real dev sets, the outcome
// model decides functional (its cross-validated F1 beat the rules') and,
// on two real sets it has not seen, finds functional results better than
// the rules; the dimensions it does not decide come out exactly as the
// rules say, and every functional sentence it adds names its evidence.
func TestOutcomeModelCarriesOver(t *testing.T) {
	c := rulesOnly(t)
	m, fits, err := c.TrainOutcomes(append(realLines(t, "real-dev.tsv"), realLines(t, "real-dev3.tsv")...), TrainOptions{}, 5, 1)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range fits {
		t.Logf("%s: cross-validated F1 model %.3f, rules %.3f, used %t", f.Dimension, f.Model, f.Rules, f.Used)
	}
	if !m.Uses(Functional) {
		t.Fatalf("the model does not decide functional: %+v", fits)
	}
	withModel := *c
	withModel.outcome = m
	held := realLines(t, "real-dev4.tsv", "real-dev5.tsv")
	rules, model := c.Evaluate(held).Outcomes, withModel.Evaluate(held).Outcomes
	for k, d := range Dimensions {
		r, mo := rules.Classes[k], model.Classes[k]
		t.Logf("%s on unseen real sentences: rules %.3f, model %.3f", d, r.F1, mo.F1)
		switch {
		case m.Uses(d) && mo.F1 < r.F1+0.02:
			t.Errorf("%s: the model's F1 %.3f is not above the rules' %.3f", d, mo.F1, r.F1)
		case !m.Uses(d) && (mo.TP != r.TP || mo.FP != r.FP):
			t.Errorf("%s is not decided by the model, yet its counts changed: %+v vs %+v", d, mo, r)
		}
	}
	for _, l := range held {
		a, b := c.Classify(l.Text, l.Rating), withModel.Classify(l.Text, l.Rating)
		if slices.Contains(b.Outcomes, Functional) && !slices.Contains(a.Outcomes, Functional) &&
			!slices.ContainsFunc(b.Evidence, func(e string) bool { return strings.HasPrefix(e, "functional:") }) {
			t.Errorf("%q: functional added with no evidence: %v", l.Text, b.Evidence)
		}
	}
}

// TestOutcomeModelTable: the model written and read back decides as
// before; a bad row names its file and line.
func TestOutcomeModelTable(t *testing.T) {
	c := rulesOnly(t)
	set := realLines(t, "real-dev3.tsv")
	m, _, err := c.TrainOutcomes(set, TrainOptions{Epochs: 100}, 3, 1)
	if err != nil {
		t.Fatal(err)
	}
	m.use = [3]bool{true, true, true} // all three, whatever the folds said
	var buf bytes.Buffer
	if err := m.WriteTSV(&buf, []string{"test"}); err != nil {
		t.Fatal(err)
	}
	loaded, _, err := withUserTable(t, "outcome_model.tsv", buf.String())
	if err != nil {
		t.Fatal(err)
	}
	if loaded.outcome == nil || loaded.outcome.use != m.use {
		t.Fatalf("loaded model %+v, want use %v", loaded.outcome, m.use)
	}
	inMemory := *c
	inMemory.outcome = m
	differ := 0
	for _, l := range set {
		a, b := inMemory.Classify(l.Text, l.Rating), loaded.Classify(l.Text, l.Rating)
		if !slices.Equal(a.Outcomes, b.Outcomes) {
			differ++ // four decimals in the file: a tie may fall the other way
		}
	}
	if differ > len(set)/100 {
		t.Errorf("the loaded model decides %d of %d sentences otherwise", differ, len(set))
	}

	for _, tc := range []struct{ row, want string }{
		{"contnet words\t1\t0\t0", `line 2: "contnet words" is no feature of the outcome model`},
		{"use\t1\tyes\t0", `line 2: "yes" is not a number`},
		{"use\t1", "want 4 tab-separated fields (feature, functional, emotional, social)"},
	} {
		if _, path, err := withUserTable(t, "outcome_model.tsv", "# a user's model\n"+tc.row+"\n"); err == nil || !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), path) {
			t.Errorf("row %q: error %v, want one naming %s and %q", tc.row, err, path, tc.want)
		}
	}
	if off, _, err := withUserTable(t, "outcome_model.tsv", "off\n"); err != nil || off.outcome != nil {
		t.Errorf("a table saying off: model %v, error %v; want the rules", off.outcome, err)
	}
}
