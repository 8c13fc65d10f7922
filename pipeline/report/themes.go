package report

import (
	"context"
	"database/sql"
	"fmt"
	"math"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"jobminer/classifiers"
)

// Theme is what a group of pains and gains is about: aspect terms that
// name the same thing ("battery", "batteries", "battery life").
type Theme struct {
	Name      string      `json:"theme"`
	Terms     []ThemeTerm `json:"terms"`     // member terms, most mentioned first
	Mentions  int         `json:"mentions"`  // sentences naming a member term
	Reviewers int         `json:"reviewers"` // customers who wrote them
	Pain      int         `json:"pain"`      // of the mentions, pain sentences
	Gain      int         `json:"gain"`
	PainShare float64     `json:"pain_share"`
	GainShare float64     `json:"gain_share"`
	PainQuote *Quote      `json:"pain_quote,omitempty"`
	GainQuote *Quote      `json:"gain_quote,omitempty"`
	reviewers map[string]bool
}

// ThemeTerm is one aspect term of a theme and how often it is named.
type ThemeTerm struct {
	Term     string `json:"term"`
	Mentions int    `json:"mentions"`
}

// ThemeOptions bound a theme list.
type ThemeOptions struct {
	N        int    // themes to return (default 15)
	By       string // rank by "mentions" (reviewers), "pain" or "gain" (reviewers of that side); default mentions
	Progress func(done, total int)
}

// aspectRow is one selected sentence with what a theme needs of it.
type aspectRow struct {
	doc, pos, start, end int64
	terms                []string
	cached               bool
	q                    Quote
	polarity             string
	reviewer             string
	posted               int64 // unix seconds; 0: no date
}

// Themes groups the aspect terms of the selected sentences into themes.
// A sentence's terms are found the first time a report asks (and stored
// in sentence_aspects); later reports read them.
func Themes(ctx context.Context, db *sql.DB, c *classifiers.Classifier, f Filter, o ThemeOptions) ([]Theme, error) {
	all, err := allThemes(ctx, db, c, f, o.Progress)
	if err != nil {
		return nil, err
	}
	return rankThemes(all, o.By, o.N), nil
}

// allThemes builds every theme of the selection, in no set order.
func allThemes(ctx context.Context, db *sql.DB, c *classifiers.Classifier, f Filter, progress func(done, total int)) ([]Theme, error) {
	rows, err := aspectRows(ctx, db, c, f, false, progress)
	if err != nil {
		return nil, err
	}
	return buildThemes(rows, themeMap(c, rows)), nil
}

// themeMap groups the aspect terms of the rows into themes: term → theme
// name. Reports that split a selection (by period, by product) group its
// terms once, so a theme means the same in every part.
func themeMap(c *classifiers.Classifier, rows []aspectRow) map[string]string {
	termCount := map[string]int{} // each term once per sentence
	for _, r := range rows {
		for _, t := range r.terms {
			termCount[t]++
		}
	}
	return groupTerms(c, termCount)
}

// rowThemes appends the themes a row names, each once.
func rowThemes(dst []string, r *aspectRow, themeOf map[string]string) []string {
	for _, t := range r.terms {
		if name := themeOf[t]; !slices.Contains(dst, name) {
			dst = append(dst, name)
		}
	}
	return dst
}

// buildThemes counts the rows' mentions of each theme of themeOf, in no
// set order.
func buildThemes(rows []aspectRow, themeOf map[string]string) []Theme {
	themes := map[string]*Theme{}
	members := map[string]map[string]int{}
	var names []string
	for i := range rows {
		r := &rows[i]
		for _, t := range r.terms {
			name := themeOf[t]
			if members[name] == nil {
				members[name] = map[string]int{}
			}
			members[name][t]++
		}
		names = rowThemes(names[:0], r, themeOf)
		for _, name := range names {
			th := themes[name]
			if th == nil {
				th = &Theme{Name: name, reviewers: map[string]bool{}}
				themes[name] = th
			}
			th.Mentions++
			th.reviewers[r.reviewer] = true
			switch r.polarity {
			case "pain":
				th.Pain++
				th.PainQuote = betterQuote(th.PainQuote, &r.q)
			case "gain":
				th.Gain++
				th.GainQuote = betterQuote(th.GainQuote, &r.q)
			}
		}
	}
	var out []Theme
	for name, th := range themes {
		th.Reviewers = len(th.reviewers)
		th.PainShare = float64(th.Pain) / float64(th.Mentions)
		th.GainShare = float64(th.Gain) / float64(th.Mentions)
		for t, n := range members[name] {
			th.Terms = append(th.Terms, ThemeTerm{t, n})
		}
		sort.Slice(th.Terms, func(i, j int) bool {
			return th.Terms[i].Mentions > th.Terms[j].Mentions || th.Terms[i].Mentions == th.Terms[j].Mentions && th.Terms[i].Term < th.Terms[j].Term
		})
		// The quotes are copies: a theme names its own.
		for _, q := range []**Quote{&th.PainQuote, &th.GainQuote} {
			if *q != nil {
				c := **q
				c.Category = name
				*q = &c
			}
		}
		out = append(out, *th)
	}
	return out
}

// rankThemes returns the first n themes (default 15) by the ranking of
// ThemeOptions.By, leaving all as it was.
func rankThemes(all []Theme, by string, n int) []Theme {
	if n <= 0 {
		n = 15
	}
	out := slices.Clone(all)
	weight := func(t Theme) float64 {
		switch by {
		case "pain":
			return float64(t.Pain) * float64(t.Reviewers) / float64(t.Mentions)
		case "gain":
			return float64(t.Gain) * float64(t.Reviewers) / float64(t.Mentions)
		}
		return float64(t.Reviewers)
	}
	sort.Slice(out, func(i, j int) bool {
		wi, wj := weight(out[i]), weight(out[j])
		if wi != wj {
			return wi > wj
		}
		if out[i].Mentions != out[j].Mentions {
			return out[i].Mentions > out[j].Mentions
		}
		return out[i].Name < out[j].Name
	})
	if len(out) > n {
		out = out[:n]
	}
	return out
}

// betterQuote keeps the stronger of two quotes for a theme: a readable
// length first, then strength of feeling, then helpful votes.
func betterQuote(old, q *Quote) *Quote {
	if old == nil {
		return q
	}
	fits := func(q *Quote) bool { return len(q.Text) >= 30 && len(q.Text) <= 280 }
	if fits(q) != fits(old) {
		if fits(q) {
			return q
		}
		return old
	}
	if a, b := math.Abs(q.Polarity), math.Abs(old.Polarity); a != b {
		if a > b {
			return q
		}
		return old
	}
	if q.Helpful > old.Helpful {
		return q
	}
	return old
}

// groupTerms maps each term to its theme: a themes.tsv pin first; else
// the folded term ("batteries" and "battery" are one); a term of several
// words joins the theme of its most mentioned word that is a term of its
// own ("battery life" joins "battery").
func groupTerms(c *classifiers.Classifier, count map[string]int) map[string]string {
	fold := func(t string) string {
		ws := strings.Fields(t)
		for i, w := range ws {
			ws[i] = classifiers.Fold(w)
		}
		return strings.Join(ws, " ")
	}
	// The name of a folded key is its most mentioned written form.
	byKey := map[string]int{}
	name := map[string]string{}
	for t, n := range count {
		k := fold(t)
		byKey[k] += n
		if cur, ok := name[k]; !ok || n > count[cur] || n == count[cur] && t < cur {
			name[k] = t
		}
	}
	out := map[string]string{}
	for t := range count {
		if pinned, ok := c.PinnedTheme(t); ok {
			out[t] = pinned
			continue
		}
		k := fold(t)
		if words := strings.Fields(k); len(words) > 1 {
			best, bestN := "", 0
			for _, w := range words {
				if n := byKey[w]; n > bestN && n >= byKey[k] {
					best, bestN = w, n
				}
			}
			if best != "" {
				k = best
			}
		}
		out[t] = name[k]
	}
	return out
}

// aspectRows reads the selected sentences with their aspect terms,
// tagging (and storing) those not tagged with the current lexicons. The
// same author's same sentence is read once; with perProduct, once per
// product (an export that copies a review onto each variant of a product
// has it count for each variant compared).
func aspectRows(ctx context.Context, db *sql.DB, c *classifiers.Classifier, f Filter, perProduct bool, progress func(done, total int)) ([]aspectRow, error) {
	where, args := f.where()
	q := `SELECT s.document_id, s.position, s.start, s.end, s.text, s.polarity, s.polarity_score, d.external_id, d.product_id, d.rating,
			d.posted_at, d.url, d.helpful_votes, d.verified, ` + reviewerKey + `, (SELECT name FROM sources WHERE id = d.source_id),
			a.terms IS NOT NULL, coalesce(a.terms, '')
		FROM sentences s JOIN documents d ON d.id = s.document_id
		LEFT JOIN sentence_aspects a ON a.document_id = s.document_id AND a.position = s.position AND a.start = s.start AND a.end = s.end AND a.lexicons = ?
		WHERE ` + where + ` ORDER BY s.document_id, s.position`
	rs, err := db.QueryContext(ctx, q, append([]any{c.Version}, args...)...)
	if err != nil {
		return nil, fmt.Errorf("themes: %w", err)
	}
	var out []aspectRow
	seen := map[string]bool{} // the same author's same sentence counts once
	for rs.Next() {
		var r aspectRow
		var posted sql.NullInt64
		var terms string
		if err := rs.Scan(&r.doc, &r.pos, &r.start, &r.end, &r.q.Text, &r.polarity, &r.q.Polarity, &r.q.DocumentID, &r.q.Product, &r.q.Rating,
			&posted, &r.q.URL, &r.q.Helpful, &r.q.Verified, &r.reviewer, &r.q.Source, &r.cached, &terms); err != nil {
			rs.Close()
			return nil, fmt.Errorf("themes: %w", err)
		}
		if posted.Valid {
			r.posted = posted.Int64
			r.q.Date = time.Unix(posted.Int64, 0).UTC().Format("2006-01-02")
		}
		if terms != "" {
			r.terms = strings.Split(terms, ",")
		}
		key := r.reviewer + "\x00" + strings.ToLower(r.q.Text)
		if perProduct {
			key += "\x00" + r.q.Product
		}
		if seen[key] {
			continue
		}
		seen[key] = true
		out = append(out, r)
	}
	rs.Close()
	if err := rs.Err(); err != nil {
		return nil, fmt.Errorf("themes: %w", err)
	}
	var todo []int
	for i := range out {
		if !out[i].cached {
			todo = append(todo, i)
		}
	}
	if len(todo) == 0 {
		return out, nil
	}
	const batch = 2000
	for b := 0; b < len(todo); b += batch {
		end := min(b+batch, len(todo))
		tagRows(c, out, todo[b:end])
		tx, err := db.BeginTx(ctx, nil)
		if err != nil {
			return nil, fmt.Errorf("themes: %w", err)
		}
		stmt, err := tx.PrepareContext(ctx, `INSERT OR REPLACE INTO sentence_aspects (document_id, position, start, end, lexicons, terms) VALUES (?, ?, ?, ?, ?, ?)`)
		if err != nil {
			tx.Rollback()
			return nil, fmt.Errorf("themes: %w", err)
		}
		for _, i := range todo[b:end] {
			r := &out[i]
			if _, err := stmt.ExecContext(ctx, r.doc, r.pos, r.start, r.end, c.Version, strings.Join(r.terms, ",")); err != nil {
				tx.Rollback()
				return nil, fmt.Errorf("themes: storing aspect terms: %w", err)
			}
		}
		stmt.Close()
		if err := tx.Commit(); err != nil {
			return nil, fmt.Errorf("themes: %w", err)
		}
		if progress != nil {
			progress(end, len(todo))
		}
	}
	return out, nil
}

// tagRows finds the aspect terms of rows[i] for each i of todo, on all
// cores.
func tagRows(c *classifiers.Classifier, rows []aspectRow, todo []int) {
	workers := min(runtime.GOMAXPROCS(0), len(todo))
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for {
				k := int(next.Add(1)) - 1
				if k >= len(todo) {
					return
				}
				r := &rows[todo[k]]
				r.terms = c.Aspects(r.q.Text)
			}
		})
	}
	wg.Wait()
}
