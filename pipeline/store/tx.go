package store

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"io"
)

// Tx is a write transaction on one connection, driven through the SQLite
// driver itself rather than database/sql: the bulk inserts of imports and
// analyses skip database/sql's per-argument copying and conversion, and
// the driver binds and steps each statement in one cgo call.
type Tx struct {
	ctx     context.Context
	conn    rawConn
	changes driver.Stmt // SELECT changes()
}

// rawConn is what Tx needs of the driver's connection.
type rawConn interface {
	driver.ConnPrepareContext
	driver.ExecerContext
}

// TxOption changes how InTx runs a transaction.
type TxOption func(*txOptions)

type txOptions struct {
	noForeignKeys bool
}

// WithoutForeignKeyChecks turns SQLite's foreign-key enforcement off for
// the transaction. It is for writers whose references were just read
// from the referenced table itself (analyze stores sentences of the
// documents it read); it saves a lookup per inserted row.
func WithoutForeignKeyChecks() TxOption {
	return func(o *txOptions) { o.noForeignKeys = true }
}

// InTx runs fn in one immediate transaction on one connection of db (a
// store's DB): committed when fn returns nil, rolled back otherwise.
func InTx(ctx context.Context, db *sql.DB, fn func(tx *Tx) error, opts ...TxOption) error {
	var o txOptions
	for _, opt := range opts {
		opt(&o)
	}
	conn, err := db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	return conn.Raw(func(dc any) error {
		rc, ok := dc.(rawConn)
		if !ok {
			return fmt.Errorf("store: driver connection %T cannot prepare and execute with a context", dc)
		}
		if o.noForeignKeys {
			// The pragma is a no-op inside a transaction: set it before.
			if _, err := rc.ExecContext(ctx, "PRAGMA foreign_keys = OFF", nil); err != nil {
				return err
			}
			defer rc.ExecContext(context.WithoutCancel(ctx), "PRAGMA foreign_keys = ON", nil)
		}
		tx := &Tx{ctx: ctx, conn: rc}
		if _, err := rc.ExecContext(ctx, "BEGIN IMMEDIATE", nil); err != nil {
			return fmt.Errorf("begin: %w", err)
		}
		err := fn(tx)
		if tx.changes != nil {
			tx.changes.Close()
		}
		if err == nil {
			if _, err = rc.ExecContext(ctx, "COMMIT", nil); err == nil {
				return nil
			}
			err = fmt.Errorf("commit: %w", err)
		}
		if _, rerr := rc.ExecContext(context.WithoutCancel(ctx), "ROLLBACK", nil); rerr != nil {
			// The connection is in an unknown state: have it discarded.
			return errors.Join(err, fmt.Errorf("rollback: %w", rerr), driver.ErrBadConn)
		}
		return err
	})
}

// Exec runs one statement and returns the number of rows it changed.
func (tx *Tx) Exec(query string, args ...any) (int64, error) {
	named, err := namedValues(nil, args)
	if err != nil {
		return 0, err
	}
	res, err := tx.conn.ExecContext(tx.ctx, query, named)
	if err != nil {
		return 0, err
	}
	return res.RowsAffected()
}

// prepare returns a prepared statement that can be run as a query (the
// path on which the driver binds and steps in one call).
func (tx *Tx) prepare(query string) (driver.StmtQueryContext, io.Closer, error) {
	st, err := tx.conn.PrepareContext(tx.ctx, query)
	if err != nil {
		return nil, nil, err
	}
	q, ok := st.(driver.StmtQueryContext)
	if !ok {
		st.Close()
		return nil, nil, fmt.Errorf("store: driver statement %T cannot query with a context", st)
	}
	return q, st, nil
}

// run executes a prepared statement that returns no rows and reports the
// rows it changed.
func (tx *Tx) run(st driver.StmtQueryContext, args []driver.NamedValue) (int64, error) {
	rows, err := st.QueryContext(tx.ctx, args)
	if err != nil {
		return 0, err
	}
	if err := rows.Close(); err != nil {
		return 0, err
	}
	if tx.changes == nil {
		if tx.changes, err = tx.conn.PrepareContext(tx.ctx, "SELECT changes()"); err != nil {
			return 0, err
		}
	}
	rows, err = tx.changes.(driver.StmtQueryContext).QueryContext(tx.ctx, nil)
	if err != nil {
		return 0, err
	}
	defer rows.Close()
	dest := make([]driver.Value, 1)
	if err := rows.Next(dest); err != nil {
		return 0, err
	}
	n, _ := dest[0].(int64)
	return n, nil
}

// namedValues appends args, converted to driver values, to dst.
func namedValues(dst []driver.NamedValue, args []any) ([]driver.NamedValue, error) {
	for i, a := range args {
		v, err := driverValue(a)
		if err != nil {
			return dst, fmt.Errorf("value %d: %w", i+1, err)
		}
		dst = append(dst, driver.NamedValue{Ordinal: len(dst) + 1, Value: v})
	}
	return dst, nil
}

// driverValue converts a Go value to one the driver binds: the common
// types directly, the rest as database/sql would.
func driverValue(a any) (driver.Value, error) {
	switch v := a.(type) {
	case nil, string, int64, float64, bool, []byte:
		return v, nil
	case int:
		return int64(v), nil
	}
	return driver.DefaultParameterConverter.ConvertValue(a)
}
