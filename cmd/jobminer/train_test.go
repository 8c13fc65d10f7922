package main

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"jobminer/classifiers"
	"jobminer/classifiers/lang"
)

// TestLexiconTrain fits the sentence model to a real labelled set, then
// scores another real set with it through --lexicons: the command reports
// its cross-validated figure, writes a readable table, and the model it
// wrote is the one eval uses (its lexicon version differs from the
// built-in one). A set with too few sentences is an error, exit 1.
func TestLexiconTrain(t *testing.T) {
	dir := t.TempDir()
	code, out, errOut := jm(t, "lexicon", "train", "--out", dir, "--folds", "3", "../../testdata/labelled/real-dev3.tsv")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	m := regexp.MustCompile(`3-fold cross-validated polarity macro-F1: model ([0-9.]+), the rules' thresholds ([0-9.]+)`).FindStringSubmatch(out)
	if m == nil {
		t.Fatalf("no cross-validated figure in:\n%s", out)
	}
	if f, _ := strconv.ParseFloat(m[1], 64); f < 0.5 || f > 0.95 {
		t.Errorf("cross-validated macro-F1 %s: not a plausible estimate", m[1])
	}
	if !strings.Contains(out, "trained on 284 labelled English sentences") {
		t.Errorf("output does not count the 284 sentences:\n%s", out)
	}
	table, err := os.ReadFile(filepath.Join(dir, "en", "polarity_model.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"\nbias\t", "\ncompound\t", "\nrating 1\t", "\nno evidence\t"} {
		if !strings.Contains(string(table), want) {
			t.Errorf("the written model has no row %q", strings.TrimSpace(want))
		}
	}
	outcomes, err := os.ReadFile(filepath.Join(dir, "en", "outcome_model.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	if !regexp.MustCompile(`\nuse\t[01]\t[01]\t[01]\n`).Match(outcomes) || !regexp.MustCompile(`functional: \d+ of 284 sentences; 3-fold cross-validated F1 model 0\.\d+, rules 0\.\d+`).MatchString(out) {
		t.Errorf("no outcome model or figures:\n%s\n%s", out, outcomes)
	}
	_, builtin, _ := jm(t, "eval", "../../testdata/labelled/real-dev4.tsv")
	code, trained, errOut := jm(t, "eval", "--lexicons", dir, "../../testdata/labelled/real-dev4.tsv")
	if code != 0 {
		t.Fatalf("eval with the trained model: exit %d: %s", code, errOut)
	}
	version := regexp.MustCompile(`lexicons (en-[0-9a-f]+)`)
	if a, b := version.FindStringSubmatch(builtin), version.FindStringSubmatch(trained); a == nil || b == nil || a[1] == b[1] {
		t.Errorf("eval with --lexicons %s reports the built-in lexicon version: %v %v", dir, a, b)
	}

	small := filepath.Join(t.TempDir(), "small.tsv")
	os.WriteFile(small, []byte("text\tpolarity\nIt broke.\tpain\nLove it.\tgain\n"), 0o644)
	if code, _, errOut := jm(t, "lexicon", "train", "--out", dir, small); code != 1 || !strings.Contains(errOut, "2 English sentences with a polarity label; at least 50 are needed") {
		t.Errorf("two sentences: exit %d, %q", code, errOut)
	}
}

// TestLexiconTrainChinese fits the Chinese sentence model to the Chinese
// sentences of a labelled set: it counts only those, writes zh/, and the
// Chinese sentences of another set are then decided by it.
func TestLexiconTrainChinese(t *testing.T) {
	dir := t.TempDir()
	code, out, errOut := jm(t, "lexicon", "train", "--lang", "zh", "--out", dir, "--folds", "3",
		"../../testdata/labelled/zh-dev.tsv", "../../testdata/labelled/real-dev3.tsv")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	f, err := os.Open("../../testdata/labelled/zh-dev.tsv")
	if err != nil {
		t.Fatal(err)
	}
	zhDev, err := classifiers.ReadLabelled(f, "zh-dev.tsv")
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	chinese := 0 // a few Shopee reviews are written in English ("Very beautiful")
	for _, l := range zhDev {
		if lang.LooksChinese(l.Text) {
			chinese++
		}
	}
	if chinese < 150 || !strings.Contains(out, fmt.Sprintf("trained on %d labelled Chinese sentences", chinese)) {
		t.Errorf("the English sentences of real-dev3 were counted or the Chinese ones missed:\n%s", out)
	}
	if _, err := os.Stat(filepath.Join(dir, "zh", "polarity_model.tsv")); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, "en", "outcome_model.tsv")); err == nil {
		t.Error("an English outcome model was written by --lang zh")
	}
	if code, _, errOut := jm(t, "eval", "--lexicons", dir, "../../testdata/labelled/zh-test.tsv"); code != 0 {
		t.Errorf("eval with the Chinese model: exit %d: %s", code, errOut)
	}
	// Chinese words are pairs of adjacent characters: --words weighs them.
	if code, _, errOut := jm(t, "lexicon", "train", "--lang", "zh", "--words", "3", "--out", dir, "../../testdata/labelled/zh-dev.tsv"); code != 0 {
		t.Fatalf("--words with --lang zh: exit %d, %q", code, errOut)
	}
	model, err := os.ReadFile(filepath.Join(dir, "zh", "polarity_model.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(model), "\nword:很好\t") {
		t.Errorf("the Chinese model weighs no character pair 很好 with --words 3:\n%.600s", model)
	}
}

// TestEvalEmptyFile: a labelled file with no sentence is an error that
// names it (exit 1), not an empty report.
func TestEvalEmptyFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "mine.tsv")
	if err := os.WriteFile(path, []byte("id\ttext\tpolarity\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := jm(t, "eval", path)
	if code != 1 || !strings.Contains(errOut, path+": no labelled sentences") || strings.Contains(out, "macro-F1") {
		t.Errorf("eval of an empty set: exit %d, stdout %q, stderr %q", code, out, errOut)
	}
}
