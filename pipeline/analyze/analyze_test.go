package analyze

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"jobminer/classifiers"
	"jobminer/lexicons"
	"jobminer/pipeline/collect"
	"jobminer/pipeline/store"
)

func TestAnalyzeFillsSentencesAndRerunIsNoop(t *testing.T) {
	st, err := store.Open(filepath.Join(t.TempDir(), "a.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	ctx := context.Background()
	if _, err := collect.Import(ctx, st, "../../testdata/sample/amazon_reviews_2023.jsonl.gz", collect.Options{}); err != nil {
		t.Fatal(err)
	}
	set, _ := lexicons.Load("en", "")
	c, err := classifiers.New(set)
	if err != nil {
		t.Fatal(err)
	}
	s, err := Run(ctx, st, c, Options{Workers: 2, BatchSize: 7})
	if err != nil {
		t.Fatal(err)
	}
	if s.Documents != 44 || s.Sentences < 110 {
		t.Errorf("first run: %+v", s)
	}
	// Offsets point back into the review text.
	var bad int
	st.DB().QueryRow(`SELECT count(*) FROM sentences s JOIN documents d ON d.id = s.document_id
		WHERE substr(d.text, s.start + 1, s.end - s.start) <> s.text`).Scan(&bad)
	if bad != 0 {
		t.Errorf("%d sentences whose offsets do not match the text", bad)
	}
	var pains, gains, jobs int
	st.DB().QueryRow(`SELECT sum(polarity='pain'), sum(polarity='gain'), sum(job<>'') FROM sentences`).Scan(&pains, &gains, &jobs)
	if pains < 15 || gains < 25 || jobs < 3 {
		t.Errorf("pains %d, gains %d, jobs %d", pains, gains, jobs)
	}
	var job string
	st.DB().QueryRow(`SELECT job FROM sentences WHERE text LIKE 'I work night shifts%'`).Scan(&job)
	if job != "to fall asleep faster" {
		t.Errorf("job %q", job)
	}
	again, err := Run(ctx, st, c, Options{})
	if err != nil || again.Documents != 0 {
		t.Errorf("re-run analyzed %d documents (%v)", again.Documents, err)
	}
	forced, err := Run(ctx, st, c, Options{Force: true})
	var n int
	st.DB().QueryRow(`SELECT count(*) FROM sentences`).Scan(&n)
	if err != nil || forced.Documents != 44 || n != s.Sentences {
		t.Errorf("forced run: %+v, %d sentences stored, want %d", forced, n, s.Sentences)
	}
}

// TestTwoAnalyzeAtOnce: two analyze runs started together on one
// database (two opened stores, as two processes) both succeed, and every
// document ends with one analysis and one set of sentences.
func TestTwoAnalyzeAtOnce(t *testing.T) {
	path := filepath.Join(t.TempDir(), "twice.db")
	st, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	ctx := context.Background()
	if _, err := collect.Import(ctx, st, "../../testdata/sample/amazon_reviews_2023.jsonl.gz", collect.Options{}); err != nil {
		t.Fatal(err)
	}
	set, _ := lexicons.Load("en", "")
	c, _ := classifiers.New(set)
	for round := range 3 {
		if round > 0 {
			st.DB().Exec(`DELETE FROM sentences; DELETE FROM analyses`)
		}
		errs := make(chan error, 2)
		for range 2 {
			go func() {
				other, err := store.Open(path)
				if err != nil {
					errs <- err
					return
				}
				defer other.Close()
				_, err = Run(ctx, other, c, Options{Workers: 1, BatchSize: 3})
				errs <- err
			}()
		}
		for range 2 {
			if err := <-errs; err != nil {
				t.Fatalf("round %d: %v", round, err)
			}
		}
		var docs, analyses, dupes int
		st.DB().QueryRow(`SELECT count(*) FROM documents`).Scan(&docs)
		st.DB().QueryRow(`SELECT count(*) FROM analyses`).Scan(&analyses)
		st.DB().QueryRow(`SELECT count(*) FROM (SELECT document_id, position FROM sentences GROUP BY 1, 2 HAVING count(*) > 1)`).Scan(&dupes)
		if analyses != docs || dupes != 0 {
			t.Fatalf("round %d: %d documents, %d analyses, %d duplicated sentences", round, docs, analyses, dupes)
		}
	}
}

// TestRowValues checks that the values boxed once hold what a row
// stored before: the joined outcomes and the words themselves.
func TestRowValues(t *testing.T) {
	d := classifiers.Dimensions
	for _, outs := range [][]string{nil, {d[0]}, {d[1]}, {d[2]}, {d[0], d[1]}, {d[0], d[2]}, {d[1], d[2]}, d, {d[1], d[0]}, {d[0], d[0]}, {"other"}} {
		if got, want := outcomesValue(outs), strings.Join(outs, ","); got != want {
			t.Errorf("outcomesValue(%q) = %q, want %q", outs, got, want)
		}
	}
	for _, w := range []string{"", "pain", "use", "push", "returns", "something else"} {
		if got := box(w); got != w {
			t.Errorf("box(%q) = %q", w, got)
		}
	}
}
