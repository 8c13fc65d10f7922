// Package report turns the store's contents into what people read:
// database statistics, representative quotes, tag clouds and the JTBD
// canvas. Reports aggregate in SQL and read only what they show.
package report

import (
	"context"
	"errors"
	"syscall"

	"database/sql"
	"fmt"
	"io"
	"jobminer/pipeline/store"
	"strings"
)

// Count is a labelled number.
type Count struct {
	Label string `json:"label"`
	N     int    `json:"n"`
}

// SourceStats describes one source.
type SourceStats struct {
	Location   string `json:"location"`
	Name       string `json:"name"`
	Format     string `json:"format"`
	Kind       string `json:"kind"`
	LastRunAt  string `json:"last_run_at"`
	LastStatus string `json:"last_status"`
	Documents  int    `json:"documents"`
	Problems   int    `json:"problems"`
}

// ProblemRow is one recorded import problem.
type ProblemRow struct {
	Location string `json:"location"`
	URL      string `json:"url,omitempty"`
	Line     int    `json:"line"`
	Reason   string `json:"reason"`
	Action   string `json:"action"`
	Excerpt  string `json:"excerpt"`
}

// Stats is the content of "jobminer stats".
type Stats struct {
	Documents    int           `json:"documents"`
	Sources      []SourceStats `json:"sources"`
	Kinds        []Count       `json:"kinds"`
	Ratings      []Count       `json:"ratings"`
	Products     []Count       `json:"top_products"`
	ProductCount int           `json:"products"`
	ProblemTotal int           `json:"problem_total"`
	// RowsSkipped is how many rows the last import of each source skipped,
	// those a summary problem stands for ("7959 more rows with …") too.
	RowsSkipped  int          `json:"rows_skipped"`
	ProblemKinds []Count      `json:"problems_by_action"`
	Problems     []ProblemRow `json:"problems"`
	Sentences    int          `json:"sentences"`
	Analyzed     int          `json:"analyzed_documents"`
}

// LoadStats gathers statistics: documents per source, kind, rating and the
// topN products, and the first maxProblems import problems.
func LoadStats(ctx context.Context, db *sql.DB, topN, maxProblems int) (*Stats, error) {
	s := &Stats{}
	if err := db.QueryRowContext(ctx, `SELECT count(*), count(DISTINCT product_id) FROM documents`).Scan(&s.Documents, &s.ProductCount); err != nil {
		return nil, fmt.Errorf("count documents: %w", err)
	}
	rows, err := db.QueryContext(ctx, `
SELECT s.location, s.name, s.format, s.kind, s.last_run_at, s.last_status, s.pid,
	(SELECT count(*) FROM documents d WHERE d.source_id = s.id),
	(SELECT count(*) FROM import_problems p WHERE p.source_id = s.id)
FROM sources s ORDER BY s.id`)
	if err != nil {
		return nil, fmt.Errorf("list sources: %w", err)
	}
	for rows.Next() {
		var r SourceStats
		var pid int
		if err := rows.Scan(&r.Location, &r.Name, &r.Format, &r.Kind, &r.LastRunAt, &r.LastStatus, &pid, &r.Documents, &r.Problems); err != nil {
			rows.Close()
			return nil, err
		}
		if r.LastStatus == store.StatusRunning && !processAlive(pid) {
			// Killed without a word: what it committed is kept.
			r.LastStatus = store.StatusInterrupted
		}
		s.Sources = append(s.Sources, r)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	if s.Kinds, err = counts(ctx, db, `SELECT kind, count(*) FROM documents GROUP BY kind ORDER BY kind`); err != nil {
		return nil, err
	}
	if s.Ratings, err = counts(ctx, db, `SELECT CASE WHEN rating IS NULL THEN 'no rating' WHEN round(rating) = 1 THEN '1 star'
		ELSE printf('%d stars', CAST(round(rating) AS INTEGER)) END, count(*)
		FROM documents GROUP BY 1 ORDER BY 1 DESC`); err != nil {
		return nil, err
	}
	if s.Products, err = counts(ctx, db, `SELECT CASE product_id WHEN '' THEN '(none)' ELSE product_id END, count(*) AS n
		FROM documents GROUP BY product_id ORDER BY n DESC, product_id LIMIT ?`, topN); err != nil {
		return nil, err
	}
	if s.ProblemKinds, err = counts(ctx, db, `SELECT action, count(*) FROM import_problems GROUP BY action ORDER BY action DESC`); err != nil {
		return nil, err
	}
	for _, c := range s.ProblemKinds {
		s.ProblemTotal += c.N
	}
	if err := db.QueryRowContext(ctx, `SELECT coalesce(sum(rows_skipped), 0) FROM sources`).Scan(&s.RowsSkipped); err != nil {
		return nil, fmt.Errorf("count skipped rows: %w", err)
	}
	if err := db.QueryRowContext(ctx, `SELECT count(*), coalesce(sum(sentences), 0) FROM analyses`).Scan(&s.Analyzed, &s.Sentences); err != nil {
		return nil, fmt.Errorf("count analyses: %w", err)
	}
	prow, err := db.QueryContext(ctx, `
SELECT s.location, p.url, p.line, p.reason, p.action, p.excerpt
FROM import_problems p JOIN sources s ON s.id = p.source_id
ORDER BY p.source_id, p.url, p.line LIMIT ?`, maxProblems)
	if err != nil {
		return nil, fmt.Errorf("list problems: %w", err)
	}
	defer prow.Close()
	for prow.Next() {
		var p ProblemRow
		if err := prow.Scan(&p.Location, &p.URL, &p.Line, &p.Reason, &p.Action, &p.Excerpt); err != nil {
			return nil, err
		}
		s.Problems = append(s.Problems, p)
	}
	return s, prow.Err()
}

func counts(ctx context.Context, db *sql.DB, query string, args ...any) ([]Count, error) {
	rows, err := db.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("stats query: %w", err)
	}
	defer rows.Close()
	var out []Count
	for rows.Next() {
		var c Count
		if err := rows.Scan(&c.Label, &c.N); err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// WriteText prints the statistics for a terminal.
func (s *Stats) WriteText(w io.Writer) {
	fmt.Fprintf(w, "%d documents from %d sources, %d products\n", s.Documents, len(s.Sources), s.ProductCount)
	if s.Analyzed > 0 || s.Sentences > 0 {
		fmt.Fprintf(w, "%d documents analyzed into %d sentences\n", s.Analyzed, s.Sentences)
	}
	fmt.Fprintln(w, "\nSources:")
	// Columns as wide as their longest value, so long names stay aligned.
	fw, nw := 6, 4
	for _, src := range s.Sources {
		fw, nw = max(fw, len(src.Format)), max(nw, len(src.Name))
	}
	for _, src := range s.Sources {
		fmt.Fprintf(w, "  %7d  %-*s %-*s %-7s %s  (%s %s, %d problems)\n", src.Documents, fw, src.Format, nw, src.Name, src.Kind,
			src.Location, src.LastStatus, src.LastRunAt, src.Problems)
	}
	section := func(title string, cs []Count) {
		fmt.Fprintf(w, "\n%s:\n", title)
		for _, c := range cs {
			fmt.Fprintf(w, "  %7d  %s\n", c.N, c.Label)
		}
	}
	section("Kinds", s.Kinds)
	section("Ratings", s.Ratings)
	section(fmt.Sprintf("Top %d products", len(s.Products)), s.Products)
	fmt.Fprintf(w, "\nImport problems: %d", s.ProblemTotal)
	var parts []string
	for _, c := range s.ProblemKinds {
		parts = append(parts, fmt.Sprintf("%d %s", c.N, c.Label))
	}
	if len(parts) > 0 {
		fmt.Fprintf(w, " (%s)", strings.Join(parts, ", "))
	}
	skippedListed := 0
	for _, c := range s.ProblemKinds {
		if c.Label == "skipped" {
			skippedListed = c.N
		}
	}
	if s.RowsSkipped > skippedListed {
		// A summary problem stands for many rows: say the rows.
		fmt.Fprintf(w, "; %d rows skipped in all", s.RowsSkipped)
	}
	fmt.Fprintln(w)
	for _, p := range s.Problems {
		where := p.Location
		if p.URL != "" {
			where = p.URL
		}
		if p.Line > 0 {
			where = fmt.Sprintf("%s:%d", where, p.Line)
		}
		fmt.Fprintf(w, "  %s: %s [%s]\n", where, p.Reason, p.Action)
		if p.Excerpt != "" {
			fmt.Fprintf(w, "      %s\n", strings.ReplaceAll(p.Excerpt, "\n", "⏎"))
		}
	}
	if len(s.Problems) < s.ProblemTotal {
		fmt.Fprintf(w, "  … %d more (--problems N shows more)\n", s.ProblemTotal-len(s.Problems))
	}
}

// processAlive reports whether the process that runs a source is still
// there (on this machine: SQLite files are not shared across hosts).
func processAlive(pid int) bool {
	if pid <= 0 {
		return false
	}
	err := syscall.Kill(pid, 0)
	return err == nil || errors.Is(err, syscall.EPERM)
}
