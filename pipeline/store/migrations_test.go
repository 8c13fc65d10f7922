package store

import (
	"database/sql"
	"fmt"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// TestMigrationKeepsSentences upgrades a version 4 database holding an
// analysis and checks that the rebuilt sentences table (migration 5)
// kept its rows and still rejects an unknown polarity.
func TestMigrationKeepsSentences(t *testing.T) {
	path := filepath.Join(t.TempDir(), "v4.db")
	db, err := sql.Open("sqlite3", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	for i, m := range migrations[:4] {
		if _, err := db.Exec(m); err != nil {
			t.Fatalf("migration %d: %v", i+1, err)
		}
	}
	for _, q := range []string{
		`PRAGMA user_version = 4`,
		`INSERT INTO sources (location, name, format, kind, first_seen_at, last_run_at, last_status) VALUES ('f', 'n', 'x', 'review', 't', 't', 'done')`,
		`INSERT INTO documents (doc_key, source_id, external_id, kind, text) VALUES (1, 1, 'r1', 'review', 'It broke. I love the colour.')`,
		`INSERT INTO sentences (document_id, position, start, end, text, polarity_score, polarity, evidence)
			VALUES (1, 0, 0, 9, 'It broke.', -0.4, 'pain', 'pain:broke'), (1, 1, 10, 28, 'I love the colour.', 0.6, 'gain', '')`,
		`INSERT INTO analyses (document_id, lexicon_version, analyzed_at, sentences) VALUES (1, 'v', 't', 2)`,
	} {
		if _, err := db.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	db.Close()

	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if v, _ := s.SchemaVersion(); v != len(migrations) {
		t.Fatalf("schema version %d, want %d", v, len(migrations))
	}
	var got []string
	rows, err := s.DB().Query(`SELECT position, text, polarity, evidence FROM sentences ORDER BY position`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var pos int
		var text, polarity, evidence string
		rows.Scan(&pos, &text, &polarity, &evidence)
		got = append(got, fmt.Sprintf("%d|%s|%s|%s", pos, text, polarity, evidence))
	}
	rows.Close()
	want := "0|It broke.|pain|pain:broke 1|I love the colour.|gain|"
	if strings.Join(got, " ") != want {
		t.Errorf("sentences after migration:\n got %q\nwant %q", strings.Join(got, " "), want)
	}
	_, err = s.DB().Exec(`INSERT INTO sentences (document_id, position, start, end, text, polarity_score, polarity) VALUES (1, 2, 0, 1, 'x', 0, 'bogus')`)
	if err == nil || !strings.Contains(err.Error(), "CHECK") {
		t.Errorf("unknown polarity: got %v, want a CHECK constraint error", err)
	}
}

// TestOpenConcurrently opens one new database from several goroutines at
// once, as two imports started together do: every Open succeeds and the
// schema is made once.
func TestOpenConcurrently(t *testing.T) {
	for round := range 5 {
		path := filepath.Join(t.TempDir(), fmt.Sprintf("race%d.db", round))
		var wg sync.WaitGroup
		errs := make([]error, 6)
		for i := range errs {
			wg.Add(1)
			go func() {
				defer wg.Done()
				st, err := Open(path)
				if err == nil {
					err = st.Close()
				}
				errs[i] = err
			}()
		}
		wg.Wait()
		for i, err := range errs {
			if err != nil {
				t.Fatalf("round %d, opener %d: %v", round, i, err)
			}
		}
		st, err := Open(path)
		if err != nil {
			t.Fatal(err)
		}
		v, _ := st.SchemaVersion()
		st.Close()
		if v != len(migrations) {
			t.Fatalf("schema version %d, want %d", v, len(migrations))
		}
	}
}
