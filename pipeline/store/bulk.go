package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
)

// Bulk inserts rows inside a transaction with multi-row INSERT statements,
// up to a fixed number of rows each: far fewer round trips into SQLite
// than one statement a row. Add buffers a row; Flush sends what is left.
type Bulk struct {
	tx       *sql.Tx
	head     string // "INSERT … (cols) VALUES "
	cols     int
	per      int
	full     *sql.Stmt
	args     []any
	affected int64
}

// NewBulk prepares bulk inserts of rows of cols values, per rows a
// statement; head is the statement up to and including VALUES. SQLite
// allows 32766 parameters a statement, so cols*per must stay below that.
func NewBulk(tx *sql.Tx, head string, cols, per int) *Bulk {
	return &Bulk{tx: tx, head: head, cols: cols, per: per, args: make([]any, 0, cols*per)}
}

// Pending is the number of rows buffered and not yet sent.
func (b *Bulk) Pending() int { return len(b.args) / b.cols }

// Add buffers one row and sends a full statement when enough are buffered.
func (b *Bulk) Add(ctx context.Context, values ...any) error {
	if len(values) != b.cols {
		return fmt.Errorf("bulk insert: %d values for %d columns", len(values), b.cols)
	}
	b.args = append(b.args, values...)
	if b.Pending() < b.per {
		return nil
	}
	if b.full == nil {
		stmt, err := b.tx.PrepareContext(ctx, b.sql(b.per))
		if err != nil {
			return err
		}
		b.full = stmt
	}
	return b.exec(ctx, b.full)
}

// Flush sends the buffered rows.
func (b *Bulk) Flush(ctx context.Context) error {
	if b.Pending() == 0 {
		return nil
	}
	stmt, err := b.tx.PrepareContext(ctx, b.sql(b.Pending()))
	if err != nil {
		return err
	}
	defer stmt.Close()
	return b.exec(ctx, stmt)
}

// Affected is the number of rows the statements sent so far inserted
// (with INSERT OR IGNORE, the rows that were not already there).
func (b *Bulk) Affected() int64 { return b.affected }

// Close releases the prepared statement.
func (b *Bulk) Close() {
	if b.full != nil {
		b.full.Close()
	}
}

func (b *Bulk) exec(ctx context.Context, stmt *sql.Stmt) error {
	res, err := stmt.ExecContext(ctx, b.args...)
	b.args = b.args[:0]
	if err != nil {
		return err
	}
	n, err := res.RowsAffected()
	b.affected += n
	return err
}

func (b *Bulk) sql(rows int) string {
	var s strings.Builder
	s.WriteString(b.head)
	row := "(" + strings.TrimSuffix(strings.Repeat("?,", b.cols), ",") + ")"
	for i := range rows {
		if i > 0 {
			s.WriteByte(',')
		}
		s.WriteString(row)
	}
	return s.String()
}
