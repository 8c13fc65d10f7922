// Package store keeps jobminer's data in a single SQLite file: the sources
// that were imported or crawled, the documents (reviews and comments) they
// held, the problems met on the way, and the analysis results.
//
// The schema is created and migrated by the program itself (see
// migrations.go); the database runs in WAL mode so that reports can read
// while an import or analysis writes.
package store

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"time"

	_ "github.com/mattn/go-sqlite3" // registers the "sqlite3" driver
)

// Store is an open jobminer database.
type Store struct {
	db   *sql.DB
	path string
}

// Open opens (creating if needed) the SQLite database at path and brings
// its schema up to the latest version.
func Open(path string) (*Store, error) {
	q := url.Values{}
	q.Set("_journal_mode", "WAL")
	q.Set("_synchronous", "NORMAL")
	q.Set("_busy_timeout", "10000")
	q.Set("_foreign_keys", "on")
	q.Set("_txlock", "immediate")
	q.Set("_cache_size", "-65536") // 64 MiB page cache per connection
	dsn := "file:" + path + "?" + q.Encode()
	db, err := sql.Open("sqlite3", dsn)
	if err != nil {
		return nil, fmt.Errorf("open database %s: %w", path, err)
	}
	if err := pingLocked(db); err != nil {
		db.Close()
		return nil, fmt.Errorf("open database %s: %w", path, err)
	}
	s := &Store{db: db, path: path}
	if err := s.migrate(context.Background()); err != nil {
		db.Close()
		return nil, fmt.Errorf("migrate database %s: %w", path, err)
	}
	return s, nil
}

// pingLocked opens the first connection. Switching a new file to WAL
// needs a moment of exclusive access that SQLite's busy timeout does not
// wait for, so a program opening the file while another one does the same
// retries for up to ten seconds.
func pingLocked(db *sql.DB) error {
	deadline := time.Now().Add(10 * time.Second)
	for wait := 5 * time.Millisecond; ; wait = min(2*wait, 200*time.Millisecond) {
		err := db.Ping()
		if err == nil || !isLocked(err) || time.Now().After(deadline) {
			return err
		}
		time.Sleep(wait)
	}
}

// DB returns the underlying database handle, for read queries by reports.
func (s *Store) DB() *sql.DB { return s.db }

// Path returns the file the store was opened from.
func (s *Store) Path() string { return s.path }

// Close closes the database.
func (s *Store) Close() error { return s.db.Close() }

// SchemaVersion reports the schema version the database is at.
func (s *Store) SchemaVersion() (int, error) {
	var v int
	err := s.db.QueryRow("PRAGMA user_version").Scan(&v)
	return v, err
}

// migrate brings the schema up to date. Each step runs in its own
// immediate (write-locked) transaction that re-reads user_version inside
// the lock, so two programs opening a new database at once do not both
// run a step: the second waits (busy timeout) and then finds it done.
func (s *Store) migrate(ctx context.Context) error {
	for {
		v, err := s.SchemaVersion()
		if err != nil {
			return err
		}
		if v > len(migrations) {
			return fmt.Errorf("database schema version %d is newer than this program knows (%d); upgrade jobminer", v, len(migrations))
		}
		if v == len(migrations) {
			return nil
		}
		if err := s.migrateStep(ctx); err != nil {
			return err
		}
	}
}

// migrateStep runs the next migration, if another program has not.
func (s *Store) migrateStep(ctx context.Context) error {
	tx, err := s.db.BeginTx(ctx, nil) // _txlock=immediate: takes the write lock
	if err != nil {
		return err
	}
	defer tx.Rollback()
	var v int
	if err := tx.QueryRowContext(ctx, "PRAGMA user_version").Scan(&v); err != nil {
		return err
	}
	if v >= len(migrations) {
		return nil
	}
	if _, err := tx.ExecContext(ctx, migrations[v]); err != nil {
		return fmt.Errorf("migration %d: %w", v+1, err)
	}
	if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", v+1)); err != nil {
		return fmt.Errorf("migration %d: %w", v+1, err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("migration %d: %w", v+1, err)
	}
	return nil
}
