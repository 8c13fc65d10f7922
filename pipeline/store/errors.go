package store

import (
	"errors"
	"fmt"
	"strings"

	"github.com/mattn/go-sqlite3"
)

// Humanize adds to a database error what happened in words a user acts
// on: a full disk, a database another program holds, a file that is no
// jobminer database or is damaged. Other errors are returned as they are.
func Humanize(err error) error {
	if err == nil {
		return nil
	}
	var se sqlite3.Error
	msg := err.Error()
	code := sqlite3.ErrNo(0)
	if errors.As(err, &se) {
		code = se.Code
	}
	switch {
	case code == sqlite3.ErrFull || strings.Contains(msg, "database or disk is full"):
		return fmt.Errorf("%w: the disk is full; free some space and run the command again (what was committed before stays)", err)
	case isLocked(err):
		return fmt.Errorf("%w: another program holds the database (another jobminer import or analyze?); run again when it has finished", err)
	case code == sqlite3.ErrNotADB || strings.Contains(msg, "file is not a database"):
		return fmt.Errorf("%w: the file is not a jobminer (SQLite) database, or its header is damaged; point --db at another file", err)
	case code == sqlite3.ErrCorrupt || strings.Contains(msg, "malformed"):
		return fmt.Errorf("%w: the database is damaged; a copy can often be saved with: sqlite3 DB .recover | sqlite3 NEW.db", err)
	case strings.Contains(msg, "cannot rollback - no transaction is active") || strings.Contains(msg, "bad connection"):
		return fmt.Errorf("%w: the database connection failed, often because the disk is full or the file was removed; check both and run again", err)
	}
	return err
}

// isLocked reports whether err is SQLite's "busy" or "locked": another
// connection holds the lock.
func isLocked(err error) bool {
	var se sqlite3.Error
	if errors.As(err, &se) && (se.Code == sqlite3.ErrBusy || se.Code == sqlite3.ErrLocked) {
		return true
	}
	return strings.Contains(err.Error(), "database is locked")
}
