// Package collect brings review and comment text into the store: file
// importers for review exports (this file and its siblings) and web
// collectors (crawl.go).
//
// Importers stream: rows are read, checked and mapped to documents one at
// a time and written in batched transactions, so memory stays flat however
// large the file. A bad row becomes a store.Problem with its line number
// and the import goes on.
package collect

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"time"

	"jobminer/classifiers/lang"
	"jobminer/pipeline/store"
)

// Options control an import.
type Options struct {
	Format   string  // force a format by name ("" detects it from the content)
	Mapping  Mapping // the user's column mapping, on top of the format's
	Source   string  // namespace of document keys ("" takes the format's or the file's name)
	Kind     string  // store.KindReview or store.KindComment; "": the format's kind, else review
	Lang     string  // the documents' language (classifiers/lang codes); "": told per document
	Encoding string  // "" for UTF-8; "windows-1252" or "latin1"
	Strict   bool    // stop at the first problem
	MaxText  int     // largest text or title in bytes (default 100 KiB)
	MaxLine  int     // largest line or CSV record in bytes (default 4 MiB)
	// MaxProblemsPerReason is how many problems of one cause are listed
	// with their rows (default 1000); the rest are counted in one row.
	MaxProblemsPerReason int
	RatingMax            float64 // the source's top rating, scaled to 5 (default 5)
	BatchSize            int     // documents per transaction (default 5000)
	// Progress, when set, is called with the number of bytes read from
	// disk (compressed bytes for gzip), as they are read.
	Progress func(n int64)
	// NoHeader says a CSV or TSV file has no header line: its columns are
	// named by position, "1", "2", …, for Mapping (text=3,rating=1).
	NoHeader bool
	// Stdin is read for the path "-" (default os.Stdin).
	Stdin io.Reader
}

// Result sums up one import.
type Result struct {
	Path     string
	Format   string
	Source   string // namespace of the document keys
	Size     int64  // bytes on disk, -1 when unknown
	Rows     int    // rows read, good and bad
	Counts   store.RunCounts
	Reasons  map[string]int // problems by reason, reason text without row detail
	Examples Examples       // per reason key, the first problems as they were, with their lines
	// FirstImport is true when this file (location) had not been imported
	// before: its duplicates were then stored from another file.
	FirstImport bool
	// StoredBefore is how many documents the database held before.
	StoredBefore int
	Interrupted  bool
	// Stopped is true when Strict stopped the import at a problem row: that
	// row is counted in Counts.Skipped, as it is not stored, and is the
	// only one (Summary says so).
	Stopped bool
}

// Summary is the one-line report "N new, M already stored, K skipped" (already stored: the same review stored before, by this file or another, or earlier in this one); when --strict stopped the import, "N new, M already stored; the row it stopped at is not stored".
func (r Result) Summary() string {
	s := fmt.Sprintf("%d new, %d already stored, %d skipped", r.Counts.New, r.Counts.Duplicates, r.Counts.Skipped)
	if r.Stopped && r.Counts.Skipped == 1 {
		// --strict: nothing was skipped and read past; the row it stopped at is not stored.
		s = fmt.Sprintf("%d new, %d already stored; the row it stopped at is not stored", r.Counts.New, r.Counts.Duplicates)
	}
	if r.Counts.Kept > 0 {
		s += fmt.Sprintf(", %d kept with a field dropped", r.Counts.Kept)
	}
	return s
}

// ErrStrict is returned (wrapped) when Options.Strict stopped an import.
var ErrStrict = errors.New("stopped at the first problem (--strict)")

func (o *Options) defaults() {
	if o.MaxText <= 0 {
		o.MaxText = 100 << 10
	}
	if o.MaxLine <= 0 {
		o.MaxLine = 4 << 20
	}
	if o.RatingMax <= 0 {
		o.RatingMax = 5
	}
	if o.MaxProblemsPerReason <= 0 {
		o.MaxProblemsPerReason = 1000
	}
	if o.BatchSize <= 0 {
		o.BatchSize = 5000
	}
	if o.Stdin == nil {
		o.Stdin = os.Stdin
	}
}

// batch is what the reader hands the writer.
type batch struct {
	docs     []store.Document
	problems []store.Problem
}

// rowSource yields rows as values aligned with the plan's columns.
type rowSource interface {
	// next returns the next row; a rowError or lineTooLongError or
	// csvRecordError concerns that row only. io.EOF ends the rows.
	next() (vals []string, line int, raw string, err error)
}

// Import reads path ("-" for stdin) into the store. It returns an error
// only when the file cannot be read at all, the store fails, the context
// is cancelled (the result then says Interrupted) or Strict stopped it;
// bad rows are counted in the result and recorded as problems.
func Import(ctx context.Context, st *store.Store, path string, opts Options) (Result, error) {
	opts.defaults()
	res := Result{Path: path, Size: -1, Reasons: map[string]int{}, Examples: Examples{}}
	if opts.Kind != "" && opts.Kind != store.KindReview && opts.Kind != store.KindComment {
		return res, fmt.Errorf("import %s: kind %q is neither review nor comment", path, opts.Kind)
	}
	in, err := openInput(path, opts.Stdin, opts.Encoding, opts.Progress)
	if err != nil {
		return res, fmt.Errorf("import %s: %w", path, err)
	}
	defer in.closer()
	res.Size = in.size

	lines := newLineReader(in.r, opts.MaxLine)
	rows, p, err := openRows(in, lines, path, opts)
	if err != nil {
		return res, fmt.Errorf("import %s: %w", path, err)
	}
	res.Format = p.format
	res.Source = p.source
	if opts.Kind == "" { // a Dcard export is comments, an Amazon one reviews
		opts.Kind = cmp.Or(p.kind, store.KindReview)
	}
	if opts.Source != "" {
		res.Source = opts.Source
	}
	location := sourceLocation(path, res.Source, p.source, time.Now())
	var seen, stored int
	st.DB().QueryRowContext(ctx, `SELECT count(*) FROM sources WHERE location = ?`, location).Scan(&seen)
	st.DB().QueryRowContext(ctx, `SELECT count(*) FROM documents`).Scan(&stored)
	res.FirstImport = seen == 0
	res.StoredBefore = stored
	w, err := st.BeginSource(ctx, store.Source{Location: location, Name: res.Source, Format: res.Format, Kind: opts.Kind})
	if err != nil {
		return res, fmt.Errorf("import %s: %w", path, err)
	}

	batches := make(chan batch, 2)
	readErr := make(chan error, 1)
	lim := limits{maxText: opts.MaxText, maxField: 4 << 10, ratingMax: opts.RatingMax}
	go func() {
		defer close(batches)
		readErr <- readRows(ctx, rows, p, opts, lim, batches, &res)
	}()

	// Batches already read are written even after a cancel: each is
	// complete, and committing it keeps the database consistent.
	var writeErr error
	for b := range batches {
		if writeErr != nil {
			continue
		}
		writeErr = w.Write(context.WithoutCancel(ctx), b.docs, b.problems)
	}
	rerr := <-readErr
	if rerr != nil && writeErr == nil && !errors.Is(rerr, context.Canceled) && !errors.Is(rerr, ErrStrict) {
		// Reading stopped (a truncated gzip, a broken line reader): the
		// problems list says so, as it says every other loss.
		reason := "reading stopped: " + rerr.Error()
		writeErr = w.Write(context.WithoutCancel(ctx), nil, []store.Problem{{Line: 0, Reason: reason, Action: store.ActionNoted}})
		k := reasonKey(reason)
		res.Reasons[k]++
		res.Examples.add(k, 0, "", reason)
	}
	res.Counts = w.Counts()
	res.Stopped = errors.Is(rerr, ErrStrict)
	status := store.StatusDone
	switch {
	case writeErr != nil:
		status = store.StatusFailed
	case errors.Is(rerr, context.Canceled):
		status = store.StatusInterrupted
		res.Interrupted = true
	case rerr != nil:
		status = store.StatusFailed
	}
	if err := w.Finish(context.WithoutCancel(ctx), status); err != nil && writeErr == nil {
		writeErr = err
	}
	if writeErr != nil {
		return res, fmt.Errorf("import %s: %w", path, writeErr)
	}
	if rerr != nil {
		return res, fmt.Errorf("import %s: %w", path, rerr)
	}
	return res, nil
}

// readRows turns rows into batches until the rows end, the context is
// cancelled or (Strict) a problem occurs.
func readRows(ctx context.Context, rows rowSource, p *plan, opts Options, lim limits, out chan<- batch, res *Result) error {
	detector, err := langDetector()
	if err != nil {
		return err
	}
	var b batch
	flush := func() {
		if len(b.docs) > 0 || len(b.problems) > 0 {
			out <- b
			b = batch{docs: make([]store.Document, 0, opts.BatchSize)}
		}
	}
	stored := 0                             // documents read so far
	occurrences := map[uint64]int{}         // content hash: rows so far, for files without ids
	composite := map[uint64]string{}        // composite id: the hash of the first text it had
	unlisted := map[string]*store.Problem{} // per reason key, the problems past the listed ones
	problem := func(line int, reason, action, raw string) error {
		if opts.Strict {
			action = store.ActionSkipped // --strict stops here: the row is not stored, whatever the problem
		}
		k := reasonKey(reason)
		res.Reasons[k]++
		res.Examples.add(k, line, "", reason)
		// The first MaxProblemsPerReason of a cause are listed with their
		// rows; the rest are counted (one summary row at the end), so that
		// a million rows failing one check cost neither memory nor disk.
		if n := res.Reasons[k]; n <= opts.MaxProblemsPerReason {
			b.problems = append(b.problems, store.Problem{Line: line, Reason: reason, Action: action, Excerpt: excerpt(raw, 120)})
		} else {
			u := unlisted[k]
			if u == nil {
				u = &store.Problem{Action: action}
				unlisted[k] = u
			}
			u.Unlisted++
		}
		if opts.Strict {
			return fmt.Errorf("line %d: %s: %w", line, reason, ErrStrict)
		}
		// Rows without text (star-only reviews) are data, not a mapping error.
		if stored == 0 && action == store.ActionSkipped && res.Rows == earlyStopRows && res.Reasons[k] == earlyStopRows && reason != "empty text" {
			return fmt.Errorf("the first %d rows all fail the same way (%s, line %d); nothing is stored. Is the file mapped right? (--map, --rating-max, --format)",
				earlyStopRows, reason, line)
		}
		return nil
	}
	defer func() {
		for k, u := range unlisted {
			u.Reason = fmt.Sprintf("%d more rows with %q, not listed one by one", u.Unlisted, k)
			b.problems = append(b.problems, *u)
		}
		flush()
	}()
	for {
		if len(b.docs)+len(b.problems) >= opts.BatchSize {
			flush()
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		vals, line, raw, err := rows.next()
		if err == io.EOF {
			return nil
		}
		if errors.Is(err, io.ErrUnexpectedEOF) {
			return fmt.Errorf("after line %d: the data ends unexpectedly (a truncated gzip file?); the rows before were kept", line)
		}
		res.Rows++
		if err != nil {
			var re rowError
			var tl lineTooLongError
			var ce csvRecordError
			if errors.As(err, &re) || errors.As(err, &tl) || errors.As(err, &ce) {
				if err := problem(line, err.Error(), store.ActionSkipped, raw); err != nil {
					return err
				}
				continue
			}
			res.Rows--
			return fmt.Errorf("line %d: %w", line, err)
		}
		d, warnings, err := p.document(vals, line, opts.Kind, lim)
		if err != nil {
			if err := problem(line, err.Error(), store.ActionSkipped, raw); err != nil {
				return err
			}
			continue
		}
		d.Lang = opts.Lang
		if d.Lang == "" {
			d.Lang = detector.Detect(d.Title + "\n" + d.Text)
		}
		for _, wmsg := range warnings {
			action := store.ActionKept
			if strings.HasPrefix(wmsg, "note: ") {
				action = store.ActionNoted // nothing was dropped
			}
			if err := problem(line, wmsg, action, raw); err != nil {
				return err
			}
		}
		switch {
		case len(p.fields[FieldID]) == 0:
			// No id column: the key is the content and its occurrence in
			// the file (the visible id is the line).
			h := fnv.New64a()
			for _, f := range d.ContentFields() {
				h.Write([]byte(f))
				h.Write([]byte{0})
			}
			k := h.Sum64()
			occurrences[k]++
			d.Occurrence = occurrences[k]
		case len(p.fields[FieldID]) > 1 && d.ExternalID != "":
			// An id made of several columns (Amazon 2018: reviewer, product,
			// day) is no id of the text: a second review by one reviewer of
			// one product on one day, with other words, gets the text's hash
			// added so that it is not taken for a copy. The first keeps the
			// plain id, as stored by earlier versions.
			h := fnv.New64a()
			h.Write([]byte(d.ExternalID))
			idKey := h.Sum64()
			th := textHash(d.Text)
			if first, ok := composite[idKey]; !ok {
				composite[idKey] = th
			} else if first != th {
				d.ExternalID += "|" + th
			}
		case p.namespace != "" && opts.Source == "" && len(d.ExternalID) >= minGlobalID:
			// A long id ("R3K9PQX2M1", a UUID) names the review in the
			// export, whatever the file is called: files of one export
			// share it. A short one ("1", "2") is the row's number in its
			// own file and stays in the file's namespace.
			d.Namespace = p.namespace
		}
		b.docs = append(b.docs, d)
		stored++
	}
}

// minGlobalID is the shortest id taken as the export's own (not a row
// number in one file).
const minGlobalID = 8

// earlyStopRows: when this many first rows all fail for one reason, the
// import stops and says so (a wrong mapping, not a few bad rows).
const earlyStopRows = 1000

// Example is one problem as it was met: where, and its reason with the
// real values.
type Example struct {
	Line   int
	URL    string
	Reason string
}

// Examples keeps, per reason key, the first few problems of that cause.
type Examples map[string][]Example

// MaxExamples is how many problems of one cause a summary shows.
const MaxExamples = 3

func (e Examples) add(key string, line int, url, reason string) {
	for _, x := range e[key] {
		if x.Reason == reason {
			return // the same values again: one example says it
		}
	}
	if len(e[key]) < MaxExamples {
		e[key] = append(e[key], Example{Line: line, URL: url, Reason: reason})
	}
}

// sourceLocation is what identifies a source row: the file's absolute
// path, with the source name when --source renames it (so that importing
// a file under two names keeps both rows, each naming its documents); for
// stdin, which has no name of its own, the time of the run: every piped
// import is a source of its own, and a later one never relabels an
// earlier one's documents.
func sourceLocation(path, name, defaultName string, now time.Time) string {
	if path == "-" {
		return fmt.Sprintf("stdin %s (source %s)", now.UTC().Format(time.RFC3339Nano), name)
	}
	location := path
	if abs, err := filepath.Abs(path); err == nil {
		location = abs
	}
	if name != defaultName {
		location += " (source " + name + ")"
	}
	return location
}

// reasonKey groups problem reasons for the summary: the text before any
// quoted value or number detail.
func reasonKey(reason string) string {
	reason = quotedValue.ReplaceAllString(reason, `"…"`)
	return number.ReplaceAllString(reason, "${1}N")
}

var (
	quotedValue = regexp.MustCompile(`"(?:[^"\\]|\\.)*"`)
	number      = regexp.MustCompile(`(^|[ (.])\d+(?:\.\d+)?`)
)

// langDetector is the language detector, loaded once.
var langDetector = sync.OnceValues(lang.New)
