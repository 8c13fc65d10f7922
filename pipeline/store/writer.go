package store

import (
	"context"
	"fmt"
	"os"
	"strings"
	"time"
)

// Source describes where documents came from: a file, stdin or a crawl.
type Source struct {
	Location string // absolute path, "-" or URL; unique
	Name     string // the source's name, and the namespace of its document keys unless Namespace is set
	// Namespace, when set, is the namespace of the document keys instead of
	// Name: files of one export under different names share it.
	Namespace string
	Format    string
	Kind      string
}

// RunCounts are the outcome of one import or crawl run.
type RunCounts struct {
	New        int
	Duplicates int
	Skipped    int
	Kept       int // rows stored with a problem noted (a field dropped)
}

// Run status values recorded on sources.
const (
	StatusRunning     = "running"
	StatusDone        = "done"
	StatusInterrupted = "interrupted"
	StatusFailed      = "failed"
)

const docColumns = 16

// rowsPerStatement is how many documents one INSERT carries; SQLite allows
// 32766 parameters, and fewer, larger statements save cgo round trips.
const rowsPerStatement = 64

// Writer stores documents and problems of one source in batched
// transactions. Each batch commits whole or not at all, so an interrupted
// import leaves only complete batches behind.
type Writer struct {
	s        *Store
	sourceID int64
	name     string
	counts   RunCounts
}

// BeginSource records (or re-opens) the source and returns a Writer for it.
func (s *Store) BeginSource(ctx context.Context, src Source) (*Writer, error) {
	now := time.Now().UTC().Format(time.RFC3339)
	var id int64
	err := s.db.QueryRowContext(ctx, `
INSERT INTO sources (location, name, format, kind, first_seen_at, last_run_at, last_status, pid)
VALUES (?, ?, ?, ?, ?, ?, ?, ?)
ON CONFLICT (location) DO UPDATE SET
	name = excluded.name, format = excluded.format, kind = excluded.kind,
	last_run_at = excluded.last_run_at, last_status = excluded.last_status, pid = excluded.pid,
	rows_new = 0, rows_duplicate = 0, rows_skipped = 0
RETURNING id`, src.Location, src.Name, src.Format, src.Kind, now, now, StatusRunning, os.Getpid()).Scan(&id)
	if err != nil {
		return nil, fmt.Errorf("record source %s: %w", src.Location, err)
	}
	ns := src.Namespace
	if ns == "" {
		ns = src.Name
	}
	return &Writer{s: s, sourceID: id, name: ns}, nil
}

// SourceID is the id of the source row this writer writes for.
func (w *Writer) SourceID() int64 { return w.sourceID }

// Counts returns the run's counts so far.
func (w *Writer) Counts() RunCounts { return w.counts }

// summaryMark opens the rest of a summary problem's reason after its
// count: "7959 more rows with \"empty text\", not listed one by one".
const summaryMark = " more rows with "

// Write stores one batch of documents and problems in a single
// transaction. Documents already present (same key) are counted as
// duplicates and left untouched; problems already recorded are not
// recorded twice.
func (w *Writer) Write(ctx context.Context, docs []Document, problems []Problem) error {
	inserted := 0
	err := InTx(ctx, w.s.db, func(tx *Tx) error {
		var err error
		if inserted, err = w.insertDocuments(tx, docs); err != nil {
			return err
		}
		if len(problems) == 0 {
			return nil
		}
		// A summary row of an earlier run ("200 more rows with …") gives way
		// to this run's: its count is in its reason, so the two would not
		// be one row.
		for _, p := range problems {
			if p.Unlisted == 0 {
				continue
			}
			if i := strings.Index(p.Reason, summaryMark); i > 0 {
				suffix := p.Reason[i:]
				if _, err := tx.Exec(`DELETE FROM import_problems WHERE source_id = ? AND url = ? AND line = 0 AND reason <> ?
					AND length(reason) > length(?) AND substr(reason, length(reason) - length(?) + 1) = ?`,
					w.sourceID, p.URL, p.Reason, suffix, suffix, suffix); err != nil {
					return fmt.Errorf("replace summary problem: %w", err)
				}
			}
		}
		bulk := tx.Bulk(`INSERT OR IGNORE INTO import_problems (source_id, url, line, reason, action, excerpt) VALUES `, 6, rowsPerStatement)
		defer bulk.Close()
		for _, p := range problems {
			if err := bulk.Add(w.sourceID, p.URL, p.Line, p.Reason, p.Action, p.Excerpt); err != nil {
				return fmt.Errorf("record problem at line %d: %w", p.Line, err)
			}
		}
		if err := bulk.Flush(); err != nil {
			return fmt.Errorf("record problems: %w", err)
		}
		return nil
	}, WithoutForeignKeyChecks()) // the one reference, source_id, is the writer's own source row
	if err != nil {
		return fmt.Errorf("write batch: %w", err)
	}
	w.counts.New += inserted
	w.counts.Duplicates += len(docs) - inserted
	for _, p := range problems {
		n := 1
		if p.Unlisted > 0 {
			n = p.Unlisted // a summary row stands for the rows it counts
		}
		switch p.Action {
		case ActionKept:
			w.counts.Kept += n
		case ActionNoted: // about the source, not a row
		default:
			w.counts.Skipped += n
		}
	}
	return nil
}

func (w *Writer) insertDocuments(tx *Tx, docs []Document) (int, error) {
	bulk := tx.Bulk(`INSERT OR IGNORE INTO documents (doc_key, source_id, external_id, kind, product_id, author,
	rating, title, text, posted_at, helpful_votes, verified, parent_external_id, url, line, lang) VALUES `, docColumns, rowsPerStatement)
	defer bulk.Close()
	firstLine := 0 // of the rows in the statement being filled, for errors
	for i := range docs {
		d := &docs[i]
		var rating, posted any
		if d.Rating != nil {
			rating = *d.Rating
		}
		if d.PostedAt != nil {
			posted = *d.PostedAt
		}
		kind := d.Kind
		if kind == "" {
			kind = KindReview
		}
		if bulk.Pending() == 0 {
			firstLine = d.Line
		}
		if err := bulk.Add(d.Key(w.name), w.sourceID, d.ExternalID, kind, d.ProductID, d.Author,
			rating, d.Title, d.Text, posted, d.HelpfulVotes, d.Verified, d.ParentExternalID, d.URL, d.Line, d.Lang); err != nil {
			return 0, fmt.Errorf("insert documents (rows from line %d): %w", firstLine, err)
		}
	}
	if err := bulk.Flush(); err != nil {
		return 0, fmt.Errorf("insert documents (rows from line %d): %w", firstLine, err)
	}
	return int(bulk.Affected()), nil
}

// Finish records the run's status and counts on the source.
func (w *Writer) Finish(ctx context.Context, status string) error {
	_, err := w.s.db.ExecContext(ctx, `UPDATE sources SET last_status = ?, rows_new = ?, rows_duplicate = ?, rows_skipped = ? WHERE id = ?`,
		status, w.counts.New, w.counts.Duplicates, w.counts.Skipped, w.sourceID)
	if err != nil {
		return fmt.Errorf("finish source: %w", err)
	}
	return nil
}
