// Package analyze splits stored documents into sentences, classifies each
// sentence and stores the results, in parallel across documents and in
// batched transactions.
package analyze

import (
	"context"
	"database/sql"
	"fmt"
	"math"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"jobminer/classifiers"
	"jobminer/pipeline/store"
)

// Options control a run.
type Options struct {
	Force     bool // re-analyze documents already analyzed
	Workers   int  // default: all cores
	BatchSize int  // documents per transaction (default 500)
	// Progress, when set, is called with the number of documents done.
	Progress func(n int)
}

// Stats sum up a run.
type Stats struct {
	Documents int   // analyzed in this run
	Sentences int   // stored in this run
	Bytes     int64 // of document text
	Outdated  int   // documents analyzed with another lexicon version and left as they are
}

type docIn struct {
	id     int64
	text   string
	rating float64
	lang   string // classifiers/lang code; "" for documents stored before languages were told
}

// sentenceColumns are the columns of a sentences row, in the order
// analyzeDocument lays out its values.
const sentenceColumns = 19

type docOut struct {
	id        int64
	textBytes int
	sentences int
	rows      []any // sentenceColumns values a sentence, ready to insert
}

// Pending counts the documents a run would analyze.
func Pending(ctx context.Context, st *store.Store, force bool) (int, error) {
	q := `SELECT count(*) FROM documents d WHERE NOT EXISTS (SELECT 1 FROM analyses a WHERE a.document_id = d.id)`
	if force {
		q = `SELECT count(*) FROM documents`
	}
	var n int
	err := st.DB().QueryRowContext(ctx, q).Scan(&n)
	return n, err
}

// Run analyzes every document not yet analyzed (all, with Force).
func Run(ctx context.Context, st *store.Store, c *classifiers.Classifier, opts Options) (Stats, error) {
	if opts.Workers <= 0 {
		opts.Workers = runtime.NumCPU()
	}
	if opts.BatchSize <= 0 {
		opts.BatchSize = 500
	}
	var stats Stats
	if !opts.Force {
		if err := st.DB().QueryRowContext(ctx, `SELECT count(*) FROM analyses WHERE lexicon_version <> ?`, c.Version).Scan(&stats.Outdated); err != nil {
			return stats, fmt.Errorf("analyze: %w", err)
		}
	}
	seg := NewSegmenter()
	in := make(chan []docIn, 2)
	out := make(chan []docOut, 2)
	readErr := make(chan error, 1)
	go func() {
		defer close(in)
		readErr <- readDocuments(ctx, st.DB(), opts, in)
	}()
	var wg sync.WaitGroup
	// Each batch is split across the workers and put back together in order.
	go func() {
		defer close(out)
		for batch := range in {
			res := make([]docOut, len(batch))
			next := make(chan int, len(batch))
			for i := range batch {
				next <- i
			}
			close(next)
			for w := 0; w < opts.Workers; w++ {
				wg.Add(1)
				go func() {
					defer wg.Done()
					for i := range next {
						res[i] = analyzeDocument(seg, c, batch[i])
					}
				}()
			}
			wg.Wait()
			out <- res
		}
	}()
	var writeErr error
	for batch := range out {
		if writeErr != nil {
			continue
		}
		n, err := writeBatch(context.WithoutCancel(ctx), st, c.Version, batch, opts.Force)
		if err != nil {
			writeErr = err
			continue
		}
		stats.Documents += len(batch)
		stats.Sentences += n
		for _, d := range batch {
			stats.Bytes += int64(d.textBytes)
			recycleRows(d.rows)
		}
		if opts.Progress != nil {
			opts.Progress(len(batch))
		}
	}
	if err := <-readErr; err != nil {
		return stats, fmt.Errorf("analyze: %w", err)
	}
	if writeErr != nil {
		return stats, fmt.Errorf("analyze: %w", writeErr)
	}
	return stats, nil
}

// readDocuments pages through the documents to analyze by id, so no read
// transaction stays open while batches are written.
func readDocuments(ctx context.Context, db *sql.DB, opts Options, in chan<- []docIn) error {
	q := `SELECT d.id, d.text, coalesce(d.rating, 0), d.lang FROM documents d
		WHERE d.id > ? AND NOT EXISTS (SELECT 1 FROM analyses a WHERE a.document_id = d.id)
		ORDER BY d.id LIMIT ?`
	if opts.Force {
		q = `SELECT d.id, d.text, coalesce(d.rating, 0), d.lang FROM documents d WHERE d.id > ? ORDER BY d.id LIMIT ?`
	}
	last := int64(0)
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		rows, err := db.QueryContext(ctx, q, last, opts.BatchSize)
		if err != nil {
			return err
		}
		batch := make([]docIn, 0, opts.BatchSize)
		for rows.Next() {
			var d docIn
			if err := rows.Scan(&d.id, &d.text, &d.rating, &d.lang); err != nil {
				rows.Close()
				return err
			}
			batch = append(batch, d)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		if len(batch) == 0 {
			return nil
		}
		last = batch[len(batch)-1].id
		in <- batch
	}
}

// rowPool keeps the row slices of written documents for the next ones:
// a run lays out some 100 bytes of values per sentence, and without the
// pool every one of them is new garbage.
var rowPool sync.Pool

// rowsFor returns an empty row slice with room for n values.
func rowsFor(n int) []any {
	if p, ok := rowPool.Get().(*[]any); ok && cap(*p) >= n {
		return (*p)[:0]
	} else if ok {
		rowPool.Put(p)
	}
	return make([]any, 0, max(n, 8*sentenceColumns))
}

// recycleRows gives a written document's rows back to the pool, cleared
// so that they hold no text.
func recycleRows(rows []any) {
	if cap(rows) == 0 {
		return
	}
	rows = rows[:cap(rows)]
	clear(rows)
	rows = rows[:0]
	rowPool.Put(&rows)
}

// analyzeDocument classifies the sentences of one document and lays out
// their rows, so that the single writer only has to send them.
func analyzeDocument(seg *Segmenter, c *classifiers.Classifier, d docIn) docOut {
	var spans []Span
	if d.lang == "zh-Hant" || d.lang == "zh-Hans" {
		spans = SplitChinese(d.text)
	} else {
		spans = seg.Split(d.text)
	}
	out := docOut{id: d.id, textBytes: len(d.text), sentences: len(spans), rows: rowsFor(len(spans) * sentenceColumns)}
	id := any(d.id) // boxed once for all its rows
	for i, sp := range spans {
		r := c.ClassifyIn(d.lang, sp.Text, d.rating)
		out.rows = append(out.rows, id, int64(i), int64(sp.Start), int64(sp.End), sp.Text, round(r.PolarityScore), box(r.Polarity),
			outcomesValue(r.Outcomes), r.OutcomeScores.Functional, r.OutcomeScores.Emotional, r.OutcomeScores.Social,
			strings.Join(r.Evidence, ","), r.Job, r.Situation, box(r.JourneyStage), r.Alternative, r.Segment, box(r.Force), box(r.Touchpoint))
	}
	return out
}

// boxed holds the words of the columns that take one of a few (polarity,
// journey stage, force, touchpoint) as interface values made once, so
// that a row stores them without an allocation each.
var boxed = func() map[string]any {
	m := map[string]any{}
	polarities := []string{classifiers.Pain, classifiers.Gain, classifiers.Neutral}
	for _, w := range slices.Concat(polarities, classifiers.Stages, classifiers.Forces, classifiers.Touchpoints) {
		m[w] = w
	}
	return m
}()

// box returns s as a row value, without allocating for a word of boxed.
func box(s string) any {
	if v, ok := boxed[s]; ok {
		return v
	}
	return s
}

// joinedOutcomes holds, per subset of classifiers.Dimensions (bit k for
// dimension k), its comma-joined outcomes column, boxed once.
var joinedOutcomes = func() (v [1 << 3]any) {
	for mask := range v {
		var dims []string
		for k, d := range classifiers.Dimensions {
			if mask&(1<<k) != 0 {
				dims = append(dims, d)
			}
		}
		v[mask] = strings.Join(dims, ",")
	}
	return v
}()

// outcomesValue is strings.Join(outcomes, ",") as a row value: one of
// joinedOutcomes when the outcomes are dimensions in their order.
func outcomesValue(outcomes []string) any {
	if len(classifiers.Dimensions) > 3 {
		return strings.Join(outcomes, ",")
	}
	mask, k := 0, 0
	for _, o := range outcomes {
		for k < len(classifiers.Dimensions) && classifiers.Dimensions[k] != o {
			k++
		}
		if k == len(classifiers.Dimensions) {
			return strings.Join(outcomes, ",")
		}
		mask |= 1 << k
		k++
	}
	return joinedOutcomes[mask]
}

// writeBatch stores the batch's sentences and records the analyses in one
// transaction. replace first deletes what an earlier run stored
// (needed with Force only: other runs read documents never analyzed).
func writeBatch(ctx context.Context, st *store.Store, version string, batch []docOut, replace bool) (int, error) {
	n := 0
	err := store.InTx(ctx, st.DB(), func(tx *store.Tx) error {
		if replace {
			ids := docIDs(batch)
			// The aspect terms found in the old sentences go too: a report
			// tags the new ones.
			for _, table := range []string{"sentence_aspects", "aspect_tagging", "sentences", "analyses"} {
				if _, err := tx.Exec(`DELETE FROM `+table+` WHERE document_id IN (SELECT value FROM json_each(?))`, ids); err != nil {
					return fmt.Errorf("clear earlier %s: %w", table, err)
				}
			}
		}
		// OR IGNORE: a second analyze running at once may have stored a
		// document of this batch since it was read as pending; its rows
		// (from the same text) stay, and this run goes on.
		sentences := tx.Bulk(`INSERT OR IGNORE INTO sentences (document_id, position, start, end, text, polarity_score, polarity,
		outcomes, functional, emotional, social, evidence, job, situation, journey_stage, alternative, segment, force, touchpoint) VALUES `, sentenceColumns, 64)
		defer sentences.Close()
		analyses := tx.Bulk(`INSERT OR IGNORE INTO analyses (document_id, lexicon_version, analyzed_at, sentences) VALUES `, 4, 256)
		defer analyses.Close()
		now := time.Now().UTC().Format(time.RFC3339)
		for _, d := range batch {
			for row := range slices.Chunk(d.rows, sentenceColumns) {
				if err := sentences.Add(row...); err != nil {
					return fmt.Errorf("store sentences of document %d: %w", d.id, err)
				}
			}
			n += d.sentences
			if err := analyses.Add(d.id, version, now, d.sentences); err != nil {
				return fmt.Errorf("record analysis of document %d: %w", d.id, err)
			}
		}
		if err := sentences.Flush(); err != nil {
			return fmt.Errorf("store sentences: %w", err)
		}
		if err := analyses.Flush(); err != nil {
			return fmt.Errorf("record analyses: %w", err)
		}
		return nil
	}, store.WithoutForeignKeyChecks()) // the ids were read from documents
	return n, err
}

// docIDs returns the batch's document ids as a JSON array.
func docIDs(batch []docOut) string {
	b := make([]byte, 0, len(batch)*8)
	b = append(b, '[')
	for i, d := range batch {
		if i > 0 {
			b = append(b, ',')
		}
		b = strconv.AppendInt(b, d.id, 10)
	}
	return string(append(b, ']'))
}

func round(f float64) float64 { return math.Round(f*10000) / 10000 }
