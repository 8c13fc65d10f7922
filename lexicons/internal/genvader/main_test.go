package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// TestGeneratedFileIsCurrent regenerates the base layer from govader and
// compares it with the committed lexicons/en/valence_vader.tsv, so the
// data file cannot drift from its stated source.
func TestGeneratedFileIsCurrent(t *testing.T) {
	tmp := filepath.Join(t.TempDir(), "valence_vader.tsv")
	if err := write(tmp); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(tmp)
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile("../../en/valence_vader.tsv")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Fatal("lexicons/en/valence_vader.tsv differs from what govader exports: run go generate ./lexicons")
	}
	if n := bytes.Count(got, []byte("\n")); n < 7000 {
		t.Fatalf("%d lines, want the full lexicon (7,000 or more)", n)
	}
}

func TestIsWord(t *testing.T) {
	for w, want := range map[string]bool{"abandon": true, "can't": true, "well-made": true, ":)": false, "-x": false, "x-": false, "": false, "2good": false} {
		if got := isWord(w); got != want {
			t.Errorf("isWord(%q) = %v, want %v", w, got, want)
		}
	}
}
