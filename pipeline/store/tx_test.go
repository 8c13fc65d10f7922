package store

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func openTest(t *testing.T) *Store {
	t.Helper()
	s, err := Open(filepath.Join(t.TempDir(), "t.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if _, err := s.DB().Exec(`CREATE TABLE t (k INTEGER PRIMARY KEY, v ANY)`); err != nil {
		t.Fatal(err)
	}
	return s
}

func count(t *testing.T, s *Store, q string) int {
	t.Helper()
	var n int
	if err := s.DB().QueryRow(q).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func TestBulkCountsInsertedRowsAcrossStatements(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	tests := []struct {
		name     string
		keys     []int
		affected int64
	}{
		{"fewer rows than a statement", []int{1, 2}, 2},
		{"full statements and a rest", []int{3, 4, 5, 6, 7, 8, 9}, 7},
		{"duplicates ignored", []int{1, 2, 10, 3, 11, 11, 12}, 3},
		{"nothing new", []int{1, 2, 3}, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var affected int64
			err := InTx(ctx, s.DB(), func(tx *Tx) error {
				b := tx.Bulk(`INSERT OR IGNORE INTO t (k, v) VALUES `, 2, 3)
				defer b.Close()
				for _, k := range tc.keys {
					if err := b.Add(k, "v"); err != nil {
						return err
					}
				}
				if b.Pending() != len(tc.keys)%3 {
					t.Errorf("pending %d rows before flush, want %d", b.Pending(), len(tc.keys)%3)
				}
				if err := b.Flush(); err != nil {
					return err
				}
				affected = b.Affected()
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			if affected != tc.affected {
				t.Errorf("affected %d, want %d", affected, tc.affected)
			}
		})
	}
	if n := count(t, s, `SELECT count(*) FROM t`); n != 12 {
		t.Errorf("%d rows stored, want 12", n)
	}
}

func TestBulkStoresGoTypesAsSQLiteTypes(t *testing.T) {
	s := openTest(t)
	type label string // a named string type converts as database/sql would
	values := []any{nil, 7, int64(1 << 40), 2.5, "text", true, []byte{0, 1}, label("named"), time.Unix(0, 0).UTC()}
	want := []string{"null", "integer", "integer", "real", "text", "integer", "blob", "text", "text"}
	err := InTx(context.Background(), s.DB(), func(tx *Tx) error {
		b := tx.Bulk(`INSERT INTO t (k, v) VALUES `, 2, 4)
		defer b.Close()
		for i, v := range values {
			if err := b.Add(i, v); err != nil {
				return err
			}
		}
		return b.Flush()
	})
	if err != nil {
		t.Fatal(err)
	}
	rows, err := s.DB().Query(`SELECT typeof(v) FROM t ORDER BY k`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var got []string
	for rows.Next() {
		var typ string
		rows.Scan(&typ)
		got = append(got, typ)
	}
	if strings.Join(got, ",") != strings.Join(want, ",") {
		t.Errorf("stored types %v, want %v", got, want)
	}
}

func TestInTxRollsBackOnError(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	boom := errors.New("boom")
	err := InTx(ctx, s.DB(), func(tx *Tx) error {
		if _, err := tx.Exec(`INSERT INTO t (k, v) VALUES (?, ?)`, 1, "a"); err != nil {
			return err
		}
		b := tx.Bulk(`INSERT INTO t (k, v) VALUES `, 2, 2)
		defer b.Close()
		for k := 2; k < 7; k++ {
			if err := b.Add(k, "b"); err != nil {
				return err
			}
		}
		return boom
	})
	if !errors.Is(err, boom) {
		t.Fatalf("got %v, want the callback's error", err)
	}
	if n := count(t, s, `SELECT count(*) FROM t`); n != 0 {
		t.Errorf("%d rows survived the rollback", n)
	}
	// A failing statement (duplicate key) rolls back the rows before it,
	// and the connection is usable afterwards.
	err = InTx(ctx, s.DB(), func(tx *Tx) error {
		b := tx.Bulk(`INSERT INTO t (k, v) VALUES `, 2, 2)
		defer b.Close()
		for _, k := range []int{1, 2, 3, 3} {
			if err := b.Add(k, "c"); err != nil {
				return err
			}
		}
		return b.Flush()
	})
	if err == nil || !strings.Contains(err.Error(), "UNIQUE") {
		t.Fatalf("got %v, want a UNIQUE constraint error", err)
	}
	if n := count(t, s, `SELECT count(*) FROM t`); n != 0 {
		t.Errorf("%d rows survived the failed batch", n)
	}
	if err := InTx(ctx, s.DB(), func(tx *Tx) error {
		n, err := tx.Exec(`INSERT INTO t (k, v) VALUES (1, 'd'), (2, 'd')`)
		if n != 2 {
			t.Errorf("Exec reports %d rows changed, want 2", n)
		}
		return err
	}); err != nil {
		t.Fatal(err)
	}
	if n := count(t, s, `SELECT count(*) FROM t`); n != 2 {
		t.Errorf("%d rows after the good batch, want 2", n)
	}
}

func TestBulkRejectsBadRows(t *testing.T) {
	s := openTest(t)
	err := InTx(context.Background(), s.DB(), func(tx *Tx) error {
		b := tx.Bulk(`INSERT INTO t (k, v) VALUES `, 2, 8)
		defer b.Close()
		if err := b.Add(1, "ok"); err != nil {
			t.Fatal(err)
		}
		if err := b.Add(2); err == nil || !strings.Contains(err.Error(), "1 values for 2 columns") {
			t.Errorf("short row: got %v", err)
		}
		if err := b.Add(3, struct{}{}); err == nil || !strings.Contains(err.Error(), "value 2") {
			t.Errorf("unsupported type: got %v", err)
		}
		if b.Pending() != 1 {
			t.Errorf("%d rows pending, want the one good row", b.Pending())
		}
		return b.Flush()
	})
	if err != nil {
		t.Fatal(err)
	}
	if n := count(t, s, `SELECT count(*) FROM t`); n != 1 {
		t.Errorf("%d rows stored, want 1", n)
	}
}

func TestInTxWithoutForeignKeyChecks(t *testing.T) {
	s := openTest(t)
	s.DB().SetMaxOpenConns(1) // every transaction on the same connection
	ctx := context.Background()
	orphan := func(tx *Tx) error {
		_, err := tx.Exec(`INSERT INTO analyses (document_id, lexicon_version, analyzed_at, sentences) VALUES (42, 'v', 'now', 0)`)
		return err
	}
	if err := InTx(ctx, s.DB(), orphan); err == nil || !strings.Contains(err.Error(), "FOREIGN KEY") {
		t.Fatalf("orphan row with checks on: got %v, want a FOREIGN KEY error", err)
	}
	if err := InTx(ctx, s.DB(), orphan, WithoutForeignKeyChecks()); err != nil {
		t.Fatalf("orphan row with checks off: %v", err)
	}
	var on int
	if err := s.DB().QueryRow(`PRAGMA foreign_keys`).Scan(&on); err != nil || on != 1 {
		t.Fatalf("foreign_keys = %d (%v) after the transaction, want 1", on, err)
	}
}
