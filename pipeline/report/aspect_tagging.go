package report

import (
	"cmp"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"jobminer/classifiers"
	"jobminer/pipeline/store"
)

// pending is a sentence of a document not tagged yet.
type pending struct {
	doc, pos, start, end int64
	text                 string // one copy per distinct text
	terms                []string
}

// tagPending finds the aspect terms of the selected documents not tagged
// with the current lexicons, and stores them with the documents' marks.
// Each distinct text is tagged once (exports repeat reviews, reviews
// repeat sentences), on all cores, in batches that report progress.
func tagPending(ctx context.Context, db *sql.DB, c *classifiers.Classifier, f Filter, progress func(done, total int)) error {
	where, args := f.where()
	rs, err := db.QueryContext(ctx, `SELECT s.document_id, s.position, s.start, s.end, s.text
		FROM documents d
		LEFT JOIN aspect_tagging t ON t.document_id = d.id AND t.lexicons = ?
		JOIN sentences s ON s.document_id = d.id
		WHERE t.document_id IS NULL AND `+where, append([]any{c.Version}, args...)...)
	if err != nil {
		return fmt.Errorf("themes: %w", err)
	}
	defer rs.Close()
	var (
		rows  []pending
		texts []string
		once  = map[string]string{} // one copy of each text
		text  sql.RawBytes
	)
	for rs.Next() {
		var p pending
		if err := rs.Scan(&p.doc, &p.pos, &p.start, &p.end, &text); err != nil {
			return fmt.Errorf("themes: %w", err)
		}
		var ok bool
		if p.text, ok = once[string(text)]; !ok {
			p.text = string(text)
			once[p.text] = p.text
			texts = append(texts, p.text)
		}
		rows = append(rows, p)
	}
	if err := rs.Err(); err != nil {
		return fmt.Errorf("themes: %w", err)
	}
	rs.Close()
	if len(rows) == 0 {
		return nil
	}
	const batch = 4000
	termsOf := make(map[string][]string, len(texts))
	found := make([][]string, 0, batch)
	for b := 0; b < len(texts); b += batch {
		part := texts[b:min(b+batch, len(texts))]
		found = tagTexts(c, part, found[:0])
		for k, t := range part {
			termsOf[t] = found[k]
		}
		if progress != nil {
			progress(b+len(part), len(texts))
		}
	}
	for i := range rows {
		rows[i].terms = termsOf[rows[i].text]
	}
	// Key order, for storing (sorted here: SQLite would sort in a
	// temporary b-tree).
	slices.SortFunc(rows, func(a, b pending) int {
		if a.doc != b.doc {
			return cmp.Compare(a.doc, b.doc)
		}
		return cmp.Compare(a.pos, b.pos)
	})
	return storeTerms(ctx, db, c.Version, rows)
}

// tagTexts appends the aspect terms of each text, found on all cores.
func tagTexts(c *classifiers.Classifier, texts []string, dst [][]string) [][]string {
	start := len(dst)
	dst = append(dst, make([][]string, len(texts))...)
	found := dst[start:]
	workers := min(runtime.GOMAXPROCS(0), len(texts))
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for {
				k := int(next.Add(1)) - 1
				if k >= len(texts) {
					return
				}
				found[k] = c.Aspects(texts[k])
			}
		})
	}
	wg.Wait()
	return dst
}

// storeTerms stores the terms of the rows (all the sentences of their
// documents, in key order) in place of what the documents had (from other
// lexicons), and marks the documents tagged.
func storeTerms(ctx context.Context, db *sql.DB, version string, rows []pending) error {
	var docs []int64
	for _, r := range rows {
		if len(docs) == 0 || docs[len(docs)-1] != r.doc {
			docs = append(docs, r.doc)
		}
	}
	err := store.InTx(ctx, db, func(tx *store.Tx) error {
		for part := range slices.Chunk(docs, 1000) {
			ids, _ := json.Marshal(part)
			if _, err := tx.Exec(`DELETE FROM sentence_aspects WHERE document_id IN (SELECT value FROM json_each(?))`, string(ids)); err != nil {
				return err
			}
		}
		terms := tx.Bulk(`INSERT OR REPLACE INTO sentence_aspects (document_id, position, start, end, terms) VALUES `, 5, 200)
		defer terms.Close()
		for _, r := range rows {
			if len(r.terms) > 0 {
				if err := terms.Add(r.doc, r.pos, r.start, r.end, strings.Join(r.terms, ",")); err != nil {
					return err
				}
			}
		}
		if err := terms.Flush(); err != nil {
			return err
		}
		marks := tx.Bulk(`INSERT OR REPLACE INTO aspect_tagging (document_id, lexicons) VALUES `, 2, 500)
		defer marks.Close()
		for _, d := range docs {
			if err := marks.Add(d, version); err != nil {
				return err
			}
		}
		return marks.Flush()
	})
	if err != nil {
		return fmt.Errorf("themes: storing aspect terms: %w", err)
	}
	return nil
}
