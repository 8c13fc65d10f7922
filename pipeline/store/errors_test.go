package store

import (
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mattn/go-sqlite3"
)

func TestHumanize(t *testing.T) {
	for _, tc := range []struct {
		err  error
		want string
	}{
		{fmt.Errorf("write batch: %w", sqlite3.Error{Code: sqlite3.ErrFull}), "the disk is full"},
		{fmt.Errorf("write batch: %w", sqlite3.Error{Code: sqlite3.ErrBusy}), "another program holds the database"},
		{errors.New("sql: Transaction has already been committed or rolled back: cannot rollback - no transaction is active"), "disk is full or the file was removed"},
		{errors.New("open x.csv: no such file or directory"), ""},
	} {
		got := Humanize(tc.err).Error()
		if tc.want == "" && got != tc.err.Error() || tc.want != "" && !strings.Contains(got, tc.want) {
			t.Errorf("Humanize(%v) = %q, want %q", tc.err, got, tc.want)
		}
		if !errors.Is(Humanize(tc.err), tc.err) {
			t.Errorf("Humanize(%v) lost the error it wraps", tc.err)
		}
	}
}

// TestOpenDamagedFiles: a file that is no database, and one whose pages
// are damaged, give the words to act on.
func TestOpenDamagedFiles(t *testing.T) {
	dir := t.TempDir()
	notDB := filepath.Join(dir, "notes.db")
	os.WriteFile(notDB, []byte(strings.Repeat("this is a text file, not a database\n", 200)), 0o644)
	_, err := Open(notDB)
	if err == nil || !strings.Contains(Humanize(err).Error(), "not a jobminer (SQLite) database") {
		t.Errorf("a text file: %v", Humanize(err))
	}
	// A real database, then its pages overwritten past the header.
	good := filepath.Join(dir, "good.db")
	st, err := Open(good)
	if err != nil {
		t.Fatal(err)
	}
	st.Close()
	db, _ := sql.Open("sqlite3", good)
	db.Exec(`PRAGMA journal_mode=DELETE`)
	db.Close()
	data, _ := os.ReadFile(good)
	for i := 100; i < len(data); i++ {
		data[i] = 0xA5
	}
	os.WriteFile(good, data, 0o644)
	os.Remove(good + "-wal")
	os.Remove(good + "-shm")
	st, err = Open(good)
	if err == nil {
		_, err = st.DB().Exec(`SELECT count(*) FROM documents`)
		st.Close()
	}
	if err == nil || !strings.Contains(Humanize(err).Error(), "damaged") && !strings.Contains(Humanize(err).Error(), "not a jobminer") {
		t.Errorf("damaged pages: %v", Humanize(err))
	}
}
