package store

import (
	"database/sql/driver"
	"fmt"
	"io"
	"strings"
)

// Bulk inserts rows inside a transaction with multi-row INSERT statements,
// up to a fixed number of rows each: far fewer round trips into SQLite
// than one statement a row. Add buffers a row; Flush sends what is left.
type Bulk struct {
	tx       *Tx
	head     string // "INSERT … (cols) VALUES "
	cols     int
	per      int
	full     driver.StmtQueryContext // the statement for per rows
	closer   io.Closer
	args     []driver.NamedValue
	affected int64
}

// Bulk prepares bulk inserts of rows of cols values, per rows a
// statement; head is the statement up to and including VALUES. SQLite
// allows 32766 parameters a statement, so cols*per must stay below that.
func (tx *Tx) Bulk(head string, cols, per int) *Bulk {
	return &Bulk{tx: tx, head: head, cols: cols, per: per, args: make([]driver.NamedValue, 0, cols*per)}
}

// Pending is the number of rows buffered and not yet sent.
func (b *Bulk) Pending() int { return len(b.args) / b.cols }

// Add buffers one row and sends a full statement when enough are buffered.
func (b *Bulk) Add(values ...any) error {
	if len(values) != b.cols {
		return fmt.Errorf("bulk insert: %d values for %d columns", len(values), b.cols)
	}
	var err error
	if b.args, err = namedValues(b.args, values); err != nil {
		b.args = b.args[:b.Pending()*b.cols]
		return fmt.Errorf("bulk insert: %w", err)
	}
	if b.Pending() < b.per {
		return nil
	}
	if b.full == nil {
		if b.full, b.closer, err = b.tx.prepare(b.sql(b.per)); err != nil {
			return err
		}
	}
	return b.exec(b.full)
}

// Flush sends the buffered rows.
func (b *Bulk) Flush() error {
	if b.Pending() == 0 {
		return nil
	}
	st, closer, err := b.tx.prepare(b.sql(b.Pending()))
	if err != nil {
		return err
	}
	defer closer.Close()
	return b.exec(st)
}

// Affected is the number of rows the statements sent so far inserted
// (with INSERT OR IGNORE, the rows that were not already there).
func (b *Bulk) Affected() int64 { return b.affected }

// Close releases the prepared statement.
func (b *Bulk) Close() {
	if b.closer != nil {
		b.closer.Close()
	}
}

func (b *Bulk) exec(st driver.StmtQueryContext) error {
	n, err := b.tx.run(st, b.args)
	clear(b.args) // let the values go
	b.args = b.args[:0]
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
