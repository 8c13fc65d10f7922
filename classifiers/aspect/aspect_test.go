package aspect_test

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"jobminer/classifiers/aspect"
	"jobminer/lexicons"
)

const shared = "../../../shared/data/semeval2014-absa"

func builtin(t testing.TB) *aspect.Model {
	t.Helper()
	set, err := lexicons.Load("en", "")
	if err != nil {
		t.Fatal(err)
	}
	m, err := aspect.Load(set)
	if err != nil {
		t.Fatal(err)
	}
	if m.Empty() {
		t.Fatal("built-in aspect model has no weights")
	}
	return m
}

func texts(terms []aspect.Term) []string {
	var out []string
	for _, t := range terms {
		out = append(out, t.Text)
	}
	return out
}

// The excerpt is real: the first sentences of the SemEval-2014 laptop
// and restaurant training files (testdata/semeval-excerpt.xml).
func TestReadSemEvalOffsets(t *testing.T) {
	ss, err := aspect.ReadSemEval("../../testdata/semeval-excerpt.xml")
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, s := range ss {
		for _, g := range s.Terms {
			n++
			if got := s.Text[g.From:g.To]; got != g.Term && strings.ReplaceAll(g.Term, "&quot;", `"`) != got {
				t.Errorf("sentence %s: offsets %d-%d give %q, term is %q", s.ID, g.From, g.To, got, g.Term)
			}
		}
	}
	if n == 0 {
		t.Fatal("excerpt has no terms")
	}
}

func TestReadSemEvalErrors(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.xml")
	os.WriteFile(bad, []byte(`<sentences><sentence id="7"><text>short</text><aspectTerms><aspectTerm term="x" from="2" to="40"/></aspectTerms></sentence></sentences>`), 0o644)
	_, err := aspect.ReadSemEval(bad)
	if err == nil || !strings.Contains(err.Error(), "bad.xml") || !strings.Contains(err.Error(), "sentence 7") || !strings.Contains(err.Error(), "2-40") {
		t.Errorf("want an error naming the file, the sentence and the offsets, got %v", err)
	}
	empty := filepath.Join(dir, "empty.xml")
	os.WriteFile(empty, []byte(`<reviews></reviews>`), 0o644)
	if _, err := aspect.ReadSemEval(empty); err == nil || !strings.Contains(err.Error(), "no <sentence>") {
		t.Errorf("want a no-sentences error, got %v", err)
	}
}

func TestExtract(t *testing.T) {
	m := builtin(t)
	for _, tc := range []struct {
		text string
		want []string
	}{
		// Written for this test, not taken from SemEval or the labelled sets.
		{"The battery life is great but the keyboard feels cheap.", []string{"battery life", "keyboard"}},
		{"Our waiter was rude and the soup was cold.", []string{"waiter", "soup"}},
		{"I love it.", nil},
	} {
		if got := texts(m.Extract(tc.text)); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("Extract(%q) = %q, want %q", tc.text, got, tc.want)
		}
	}
}

// The held-out fifth of SemEval is never trained on: the built-in model
// must keep the floor there.
func TestHeldOutFloor(t *testing.T) {
	m := builtin(t)
	for _, tc := range []struct {
		file  string
		floor float64
	}{{"Laptop_Train_v2.xml.gz", 0.65}, {"Restaurants_Train_v2.xml.gz", 0.70}} {
		ss, err := aspect.ReadSemEval(filepath.Join(shared, tc.file))
		if err != nil {
			t.Skipf("shared data not here: %v", err)
		}
		var held []aspect.Sentence
		for _, s := range ss {
			if aspect.HeldOut(s.Text) {
				held = append(held, s)
			}
		}
		sc := m.Evaluate(held, nil)
		if sc.F1 < tc.floor {
			t.Errorf("%s held-out F1 %.3f < %.2f (%+v)", tc.file, sc.F1, tc.floor, sc)
		}
	}
}

// Training on a few sentences learns them: the trainer and the tagger
// agree on features and labels.
func TestTrainLearns(t *testing.T) {
	train := []aspect.Sentence{
		{Text: "The screen is bright.", Terms: []aspect.Gold{{From: 4, To: 10}}},
		{Text: "I like the hard drive a lot.", Terms: []aspect.Gold{{From: 11, To: 21}}},
		{Text: "Nothing to say.", Terms: nil},
	}
	// Words seen once read as unknown in training: each sentence twice.
	m := aspect.Trainer{Epochs: 10}.Train(append(train, train...), map[string]string{"screen": "N", "drive": "N"})
	sc := m.Evaluate(train, nil)
	if sc.F1 != 1 {
		t.Errorf("trained model does not reproduce its training sentences: %+v", sc)
	}
	var b strings.Builder
	if err := m.Write(&b, "# test\n"); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "w screen\t") {
		t.Errorf("written model lacks the word feature of a term:\n%.300s", b.String())
	}
}

func BenchmarkExtract(b *testing.B) {
	m := builtin(b)
	ss, err := aspect.ReadSemEval(filepath.Join(shared, "Laptop_Train_v2.xml.gz"))
	if err != nil {
		b.Skip(err)
	}
	n := 0
	for _, s := range ss {
		n += len(s.Text)
	}
	b.SetBytes(int64(n / len(ss)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		m.Extract(ss[i%len(ss)].Text)
	}
}
