package main

import (
	"bytes"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestNothingStoredIsAFailure: an import whose every row is bad, and a
// crawl that finds no review, exit 1 (a script must not take them for
// success); a partly bad file still exits 0.
func TestNothingStoredIsAFailure(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "exit.db")
	bad := filepath.Join(dir, "all_bad.csv")
	if err := os.WriteFile(bad, []byte("id,text,rating\n1,,5\n2,Nice,9\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := jm(t, "import", "--db", db, "--quiet", bad)
	if code != 1 || !strings.Contains(errOut, "nothing stored, all 2 rows were skipped") {
		t.Errorf("all rows bad: exit %d\n%s%s", code, out, errOut)
	}
	code, _, errOut = jm(t, "import", "--db", db, "--quiet", "../../testdata/broken/broken.jsonl")
	if code != 0 {
		t.Errorf("partly bad file: exit %d: %s", code, errOut)
	}
	srv := httptest.NewServer(http.FileServer(http.Dir("../../testdata/crawl/shop")))
	defer srv.Close()
	code, out, errOut = jm(t, "crawl", "--db", db, "--quiet", "--delay", "0", srv.URL+"/no-reviews.html")
	if code != 1 || !strings.Contains(errOut, "no reviews or comments found") {
		t.Errorf("crawl with nothing found: exit %d\n%s%s", code, out, errOut)
	}
}

// TestFlagsAndClassifyRecords: out-of-range numbers are refused (exit 2)
// rather than taken; classify makes no record of a blank line and writes
// empty lists, not null, in JSON Lines.
func TestFlagsAndClassifyRecords(t *testing.T) {
	for _, args := range [][]string{
		{"quotes", "-n", "-1"}, {"analyze", "--workers", "-1"}, {"import", "--rating-max", "0", "x.csv"},
		{"cloud", "--width", "0"}, {"classify", "--rating", "-2"}, {"crawl", "--max-body", "0", "http://127.0.0.1:1/"},
	} {
		if code, _, errOut := jm(t, args...); code != 2 || !strings.Contains(errOut, "must be") {
			t.Errorf("%v: exit %d, %q; want 2 and the range", args, code, errOut)
		}
	}
	for args, want := range map[string]string{"quotes gain": "--kind gain?", "canvas B0012Y0ZG2": "--product B0012Y0ZG2?", "stats extra": "unexpected", "classify reviews.txt": "--in reviews.txt?"} {
		if code, _, errOut := jm(t, strings.Fields(args)...); code != 2 || !strings.Contains(errOut, want) {
			t.Errorf("%s: exit %d, %q; want 2 and %q", args, code, errOut, want)
		}
	}
	in := filepath.Join(t.TempDir(), "lines.txt")
	if err := os.WriteFile(in, []byte("Great kettle.\n\n   \nIt leaks at the lid.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := jm(t, "classify", "--format", "jsonl", "--in", in)
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if code != 0 || len(lines) != 2 || strings.Contains(out, "null") || !strings.Contains(lines[1], `"line":4`) {
		t.Errorf("classify: exit %d (%s)\n%s", code, errOut, out)
	}
}

// TestReportsShowAWorkingNotice: on a terminal, a report that takes time
// says it is working (and clears the line when done); with --quiet, or
// when stderr is not a terminal, it says nothing.
func TestReportsShowAWorkingNotice(t *testing.T) {
	db := analyzedDB(t, "../../testdata/sample/amazon_reviews_2023.jsonl.gz")
	defer func(f func(io.Writer) bool, d time.Duration) { isTerminal, noticeEvery = f, d }(isTerminal, noticeEvery)
	isTerminal = func(w io.Writer) bool { _, ok := w.(*bytes.Buffer); return ok }
	noticeEvery = time.Millisecond
	code, out, errOut := jm(t, "canvas", "--db", db)
	if code != 0 || !strings.Contains(errOut, "jobminer canvas: working…") || !strings.HasSuffix(errOut, "\r\033[K") || strings.Contains(out, "jobminer canvas: working") {
		t.Errorf("exit %d, stderr %q", code, errOut)
	}
	code, _, errOut = jm(t, "canvas", "--db", db, "--quiet")
	if code != 0 || errOut != "" {
		t.Errorf("--quiet: exit %d, stderr %q", code, errOut)
	}
}

// TestOverlapNotice: a new file whose reviews are already stored (the same
// export under another name) says so; importing the same file again does
// not.
func TestOverlapNotice(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "o.db")
	data := []byte("review_id,text,rating\nR3K9PQX2M1,Great kettle.,5\nR7ZC41LLQ0,Leaks at the lid.,2\n")
	a, b := filepath.Join(dir, "export.csv"), filepath.Join(dir, "export (1).csv")
	os.WriteFile(a, data, 0o644)
	os.WriteFile(b, data, 0o644)
	jm(t, "import", "--db", db, "--quiet", a)
	if _, out, _ := jm(t, "import", "--db", db, "--quiet", a); strings.Contains(out, "note:") {
		t.Errorf("re-import of the same file:\n%s", out)
	}
	if _, out, _ := jm(t, "import", "--db", db, "--quiet", b); !strings.Contains(out, "2 of its reviews were already stored (from another file") {
		t.Errorf("the same export under another name:\n%s", out)
	}
}

// TestNoOverlapNoticeOnAnEmptyDatabase: rows repeated within the first
// file of a new database are duplicates, but no other file's.
func TestNoOverlapNoticeOnAnEmptyDatabase(t *testing.T) {
	dir := t.TempDir()
	f := filepath.Join(dir, "repeats.csv")
	os.WriteFile(f, []byte("review_id,text,rating\nR1,Great kettle.,5\nR1,Great kettle.,5\n"), 0o644)
	_, out, _ := jm(t, "import", "--db", filepath.Join(dir, "e.db"), "--quiet", f)
	if !strings.Contains(out, "1 already stored") || strings.Contains(out, "note:") {
		t.Errorf("first file of a new database:\n%s", out)
	}
}
