package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// jm runs a jobminer command line and returns its exit code and output.
func jm(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := run(context.Background(), args, &out, &errOut)
	return code, out.String(), errOut.String()
}

// analyzedDB imports file into a fresh database and analyzes it, and
// returns the database's path.
func analyzedDB(t *testing.T, file string) string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "analyzed.db")
	for _, args := range [][]string{{"import", "--db", db, "--quiet", file}, {"analyze", "--db", db, "--quiet"}} {
		if code, _, errOut := jm(t, args...); code != 0 {
			t.Fatalf("%v: %s", args, errOut)
		}
	}
	return db
}

func TestImportAndStatsCommands(t *testing.T) {
	db := filepath.Join(t.TempDir(), "cli.db")
	code, out, errOut := jm(t, "import", "--db", db, "../../testdata/formats/finefood.csv", "../../testdata/broken/broken.jsonl", "--quiet")
	if code != 0 {
		t.Fatalf("import exit %d: %s", code, errOut)
	}
	for _, want := range []string{"(amazon-finefood, source \"amazon-finefood\"): 6 rows: 6 new, 0 already stored, 0 skipped",
		"13 rows: 7 new, 0 already stored, 6 skipped, 1 kept with a field dropped", "1 × empty text (line", "rating 7.0 outside 1..5 (line 5)", "text is 149999 bytes, over the limit of 102400 (line 8)"} {
		if !strings.Contains(out, want) {
			t.Errorf("import output lacks %q:\n%s", want, out)
		}
	}
	code, out, _ = jm(t, "import", "--db", db, "../../testdata/formats/finefood.csv")
	if code != 0 || !strings.Contains(out, "0 new, 6 already stored, 0 skipped") {
		t.Errorf("re-import: exit %d\n%s", code, out)
	}
	code, out, _ = jm(t, "stats", "--db", db, "--top", "2", "--problems", "3")
	if code != 0 {
		t.Fatalf("stats exit %d", code)
	}
	for _, want := range []string{"13 documents from 2 sources", "Top 2 products:", "Import problems: 7 (6 skipped, 1 kept)",
		"broken.jsonl:2: malformed JSON", "… 4 more"} {
		if !strings.Contains(out, want) {
			t.Errorf("stats output lacks %q:\n%s", want, out)
		}
	}
}

func TestUsageErrors(t *testing.T) {
	if code, _, errOut := jm(t, "import", "--db", filepath.Join(t.TempDir(), "x.db"), "../../testdata/broken/unmappable.csv"); code != 1 || !strings.Contains(errOut, "colA, colB, colC") {
		t.Errorf("unmappable: exit %d, %s", code, errOut)
	}
	if code, _, _ := jm(t, "nosuchcommand"); code != 2 {
		t.Errorf("unknown command exit %d", code)
	}
	if code, _, errOut := jm(t, "stats", "--db", filepath.Join(t.TempDir(), "missing.db")); code != 1 || !strings.Contains(errOut, "import something first") {
		t.Errorf("stats on a missing database: exit %d, %s", code, errOut)
	}
}

// TestClassifyTSVCarriesLineAndText: each TSV row ends with the input line
// number and the text, so a row reads on its own after blank lines are
// skipped; a tab inside the text does not add a column.
func TestClassifyTSVCarriesLineAndText(t *testing.T) {
	in := filepath.Join(t.TempDir(), "lines.txt")
	lines := "It broke after a week.\n\nI love this kettle,\tit boils fast.\n"
	if err := os.WriteFile(in, []byte(lines), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := jm(t, "classify", "--header", "--in", in)
	if code != 0 {
		t.Fatalf("classify: exit %d: %s", code, errOut)
	}
	rows := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if len(rows) != 3 {
		t.Fatalf("%d rows, want a header and two:\n%s", len(rows), out)
	}
	header := strings.Split(rows[0], "\t")
	for _, tc := range []struct {
		row              string
		line, text, pola string
	}{
		{rows[1], "1", "It broke after a week.", "pain"},
		{rows[2], "3", "I love this kettle, it boils fast.", "gain"},
	} {
		f := strings.Split(tc.row, "\t")
		if len(f) != len(header) {
			t.Fatalf("%d fields, the header has %d: %q", len(f), len(header), tc.row)
		}
		got := map[string]string{}
		for i, name := range header {
			got[name] = f[i]
		}
		if got["line"] != tc.line || got["text"] != tc.text || got["polarity"] != tc.pola {
			t.Errorf("line %q text %q polarity %q, want %q %q %q", got["line"], got["text"], got["polarity"], tc.line, tc.text, tc.pola)
		}
	}
}
