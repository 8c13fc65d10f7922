package classifiers

import (
	"bytes"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"jobminer/lexicons"
)

// rulesOnly returns the built-in classifier with the sentence and outcome
// models left out: the verdict is the rules' thresholds, the outcomes the
// rules' own.
func rulesOnly(t testing.TB) *Classifier {
	t.Helper()
	c := newTest(t)
	c.setPolarity(nil)
	c.outcome = nil
	return c
}

// withUserTable builds a classifier from the built-in lexicons and a
// user's table DIR/en/<name> holding content, and returns the table's
// path with New's result.
func withUserTable(t testing.TB, name, content string) (*Classifier, string, error) {
	t.Helper()
	dir := t.TempDir()
	path := filepath.Join(dir, "en", name)
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	lex, err := lexicons.Load("en", dir)
	if err != nil {
		t.Fatal(err)
	}
	c, err := New(lex)
	return c, path, err
}

// TestPolarityModelRoundTrip trains on a real labelled set, writes the
// model as a lexicon table and loads it back through --lexicons: the
// loaded classifier decides every sentence as the trained model does.
func TestPolarityModelRoundTrip(t *testing.T) {
	c := rulesOnly(t)
	set := realLines(t, "real-dev3.tsv")
	m, err := c.TrainPolarity(set, TrainOptions{Balance: 0.5, MinCount: 3, Epochs: 100})
	if err != nil {
		t.Fatal(err)
	}
	if len(m.words) == 0 {
		t.Fatal("no word weights trained with MinCount 3")
	}
	var buf bytes.Buffer
	if err := m.WriteTSV(&buf, []string{"test model"}); err != nil {
		t.Fatal(err)
	}
	loaded, _, err := withUserTable(t, "polarity_model.tsv", buf.String())
	if err != nil {
		t.Fatal(err)
	}
	differ := 0
	inMemory := *c
	inMemory.setPolarity(m)
	for _, l := range set {
		a, b := inMemory.Classify(l.Text, l.Rating), loaded.Classify(l.Text, l.Rating)
		if a.Polarity != b.Polarity {
			differ++ // the file holds weights to 4 decimals: a tie may fall the other way
		}
	}
	if differ > len(set)/100 {
		t.Errorf("the loaded model decides %d of %d sentences otherwise than the trained one", differ, len(set))
	}
}

// TestPolarityModelErrors: a bad row of a user's model names its file and
// line and the real value.
func TestPolarityModelErrors(t *testing.T) {
	for _, tc := range []struct{ row, want string }{
		{"compund\t1\t0\t0", `line 2: "compund" is no feature`},
		{"bias\t1\tx\t0", `line 2: "x" is not a number`},
		{"bias\t1\t0", "want 4 tab-separated fields (feature, pain, gain, neutral) or \"off\", got 3"},
	} {
		_, path, err := withUserTable(t, "polarity_model.tsv", "# a user's model\n"+tc.row+"\n")
		if err == nil || !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), path) {
			t.Errorf("row %q: error %v, want one naming %s and %q", tc.row, err, path, tc.want)
		}
	}
}

// TestPolarityModelCarriesOver: fitted on two real dev sets, the model
// does at least as well as the rules' thresholds on a third real set it
// has not seen, with and without the star ratings. The rules were tuned
// on the first two as well, so the third is the fair comparison.
func TestPolarityModelCarriesOver(t *testing.T) {
	c := rulesOnly(t)
	train := append(realLines(t, "real-dev.tsv"), realLines(t, "real-dev3.tsv")...)
	m, err := c.TrainPolarity(train, TrainOptions{Balance: 0.5})
	if err != nil {
		t.Fatal(err)
	}
	withModel := *c
	withModel.setPolarity(m)
	held := realLines(t, "real-dev4.tsv")
	unrated := make([]Labelled, len(held))
	for i, l := range held {
		unrated[i] = l
		unrated[i].Rating = 0
	}
	for name, set := range map[string][]Labelled{"rated": held, "unrated": unrated} {
		rules, model := c.Evaluate(set).Polarity.MacroF1, withModel.Evaluate(set).Polarity.MacroF1
		t.Logf("%s: rules %.3f, model %.3f", name, rules, model)
		if model < rules {
			t.Errorf("%s: the model's macro-F1 %.3f is under the rules' %.3f on unseen real sentences", name, model, rules)
		}
	}
}

// TestCrossValidate: the folds' pooled score is a real estimate, between
// chance and perfect, and the same seed gives the same figure.
func TestCrossValidate(t *testing.T) {
	c := rulesOnly(t)
	set := realLines(t, "real-dev3.tsv")
	opt := TrainOptions{Balance: 0.5, Epochs: 100}
	m1, r1 := c.CrossValidate(set, opt, 4, 7)
	m2, r2 := c.CrossValidate(set, opt, 4, 7)
	if m1 != m2 || r1 != r2 {
		t.Errorf("same seed, different figures: %.4f/%.4f then %.4f/%.4f", m1, r1, m2, r2)
	}
	if m1 < 0.4 || m1 > 0.95 || r1 < 0.4 || r1 > 0.95 {
		t.Errorf("cross-validated macro-F1 model %.3f, rules %.3f: not a plausible estimate", m1, r1)
	}
}

// TestFeaturePositions: the positions the trainers and the models read
// name the features they mean, and featurize puts each input there.
func TestFeaturePositions(t *testing.T) {
	for _, tc := range []struct {
		pos  int
		name string
	}{{fRuleScore, "rule score"}, {fQuestion, "question"}, {fRulesPain, "rules pain"}, {fRulesPain + 1, "rules gain"},
		{fRulesOutcome, "rules functional"}, {fRulesOutcome + 2, "rules social"}, {8, "rating 1"}, {12, "rating 5"}} {
		if featureNames[tc.pos] != tc.name {
			t.Errorf("position %d is %q, want %q", tc.pos, featureNames[tc.pos], tc.name)
		}
	}
	var f features
	featurize(&f, &polarityInputs{score: -0.5, rules: verdict(-0.5, false), question: false, rating: 4.6, outcomes: []string{Social}, words: 3})
	at := func(name string) float64 { return f[slices.Index(featureNames[:], name)] }
	for name, want := range map[string]float64{"bias": 1, "rule score": -0.5, "rating 5": 1, "rating 4": 0,
		"rules pain": 1, "rules gain": 0, "rules social": 1, "rules functional": 0, "words": math.Log1p(3)} {
		if got := at(name); got != want {
			t.Errorf("feature %q = %v, want %v", name, got, want)
		}
	}
}

// TestUserModelReplacesBuiltin: a user's polarity table is the whole
// model (the built-in rows do not stay under it), and "off" gives the
// rules back.
func TestUserModelReplacesBuiltin(t *testing.T) {
	// Only a bias for neutral: every sentence is neutral, whatever the
	// built-in weights of the other features say.
	c, _, err := withUserTable(t, "polarity_model.tsv", "bias\t0\t0\t1\n")
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{"It broke after a day and I want a refund.", "I love it, it is perfect!"} {
		if r := c.Classify(s, 5); r.Polarity != Neutral {
			t.Errorf("%q: %s under a neutral-only user model", s, r.Polarity)
		}
	}
	if c, _, err = withUserTable(t, "polarity_model.tsv", "off\n"); err != nil || c.polarity != nil {
		t.Errorf("off: model %v, error %v", c.polarity, err)
	}
}

// TestWordWeightsFromSlots holds the classifier's way of reading the
// model's word weights (from the tokens' index slots) to the training
// code's (a map lookup per word) on real labelled sentences.
func TestWordWeightsFromSlots(t *testing.T) {
	c := newTest(t)
	m := c.polarity
	if m == nil || len(m.words) == 0 {
		t.Fatal("the built-in sentence model weighs no words")
	}
	sc := new(scratch)
	sc.wantFeatures = true
	moved := 0
	lines := realLines(t, "real-dev.tsv", "real-dev9.tsv")
	for _, l := range lines {
		f, words, _ := c.englishFindings(sc, l.Text, l.Rating)
		want := m.logits(&f, len(words), func(i int) string { return words[i] })
		got := m.tokenLogits(&f, sc.toks)
		for k := range want {
			if math.Abs(got[k]-want[k]) > 1e-9 {
				t.Fatalf("%q: logits from slots %v, from the words %v", l.Text, got, want)
			}
		}
		if dense := m.logits(&f, 0, nil); dense != want {
			moved++
		}
	}
	if moved < len(lines)/2 {
		t.Errorf("the words moved the scores of only %d of %d sentences", moved, len(lines))
	}
}

// TestSetPolarityReplaces installs one model over another: the words only
// the first weighed lose their slot weights, and the slots then hold the
// second model's sums exactly.
func TestSetPolarityReplaces(t *testing.T) {
	c := newTest(t)
	first := c.polarity
	second := &PolarityModel{dense: first.dense, words: map[string][3]float64{"zzyzx": {1, -1, 0}}}
	var only string
	for w := range first.words {
		only = w
		break
	}
	c.setPolarity(second)
	if s := c.ix.word(only); s.polarity != nil {
		t.Errorf("%q kept the first model's weights %v", only, *s.polarity)
	}
	sc := new(scratch)
	sc.wantFeatures = true
	text := "zzyzx " + only + " zzyzx works"
	f, words, _ := c.englishFindings(sc, text, 0)
	want := second.logits(&f, len(words), func(i int) string { return words[i] })
	if got := second.tokenLogits(&f, sc.toks); got != want {
		t.Errorf("%q: logits from slots %v, from the words %v", text, got, want)
	}
	if dense := second.logits(&f, 0, nil); math.Abs(want[0]-dense[0]-2) > 1e-9 {
		t.Errorf("%q: the second model's word counted %v times, want twice", text, want[0]-dense[0])
	}
}

// TestReadLabelledErrors: a bad labelled row names its file and line and
// shows the values; none is skipped in silence.
func TestReadLabelledErrors(t *testing.T) {
	header := "id\ttext\tpolarity\toutcomes\n"
	for _, tc := range []struct{ body, want string }{
		{"a\tIt broke.\tpositive\tnone\n", `mine.tsv line 2: polarity "positive" is not pain, gain or neutral`},
		{"a\tIt broke.\tpain\tfunctional\nb\tIt broke again.\tpain\n", `mine.tsv line 3: 3 tab-separated fields where the header's labelled columns need 4`},
		{"a\t\tpain\tnone\n", "mine.tsv line 2: empty text"},
		{"a\tIt broke.\tpain\tuseful\n", `mine.tsv line 2: outcome "useful"`},
	} {
		_, err := ReadLabelled(strings.NewReader(header+tc.body), "mine.tsv")
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%q: error %v, want %q", tc.body, err, tc.want)
		}
	}
	set, err := ReadLabelled(strings.NewReader(header+"a\tIt broke.\tpain\tfunctional\n\nb\tWorks.\tgain\tnone\n"), "mine.tsv")
	if err != nil || len(set) != 2 || set[1].Line != 4 {
		t.Errorf("two good rows around a blank line: %v, %v", set, err)
	}
	// A notes column after the labels may be left off, and a header may end in a tab.
	set, err = ReadLabelled(strings.NewReader("id\ttext\tpolarity\tnotes\t\na\tIt broke.\tpain\n"), "mine.tsv")
	if err != nil || len(set) != 1 || set[0].Polarity != Pain {
		t.Errorf("a row without the trailing notes: %v, %v", set, err)
	}
}
