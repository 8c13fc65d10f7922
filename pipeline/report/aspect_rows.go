package report

import (
	"cmp"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"hash/maphash"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"jobminer/classifiers"
)

// aspectRow is one selected sentence that names an aspect term, with what
// the theme reports need of it. The rest of a quote (the review's id,
// source, rating, …) is read only for the sentences quoted.
type aspectRow struct {
	doc, pos int64
	posted   int64 // unix seconds; 0: no date
	score    float64
	evidence string // the classifier's evidence terms, comma-joined
	helpful  int
	text     string
	polarity string
	reviewer string
	product  string
	terms    []string
}

// aspectRows reads the selected sentences that name an aspect term,
// tagging (and storing) first the documents not tagged with the current
// lexicons. The same author's same sentence is read once; with
// perProduct, once per product (an export that copies a review onto each
// variant of a product has it count for each variant compared).
func aspectRows(ctx context.Context, db *sql.DB, c *classifiers.Classifier, f Filter, perProduct bool, progress func(done, total int)) ([]aspectRow, error) {
	if err := tagPending(ctx, db, c, f, progress); err != nil {
		return nil, err
	}
	where, args := f.where()
	// Driven by the stored terms: most sentences name none, and are not
	// even read.
	q := `SELECT s.document_id, s.position, s.polarity, s.polarity_score, coalesce(d.posted_at, 0), d.product_id, d.helpful_votes,
			d.source_id, d.author, a.terms, s.text, s.evidence
		FROM sentence_aspects a
		JOIN aspect_tagging t ON t.document_id = a.document_id AND t.lexicons = ?
		JOIN sentences s ON s.document_id = a.document_id AND s.position = a.position AND s.start = a.start AND s.end = a.end
		JOIN documents d ON d.id = a.document_id
		WHERE ` + where // sorted here: SQLite would sort in a temporary b-tree

	rs, err := db.QueryContext(ctx, q, append([]any{c.Version}, args...)...)
	if err != nil {
		return nil, fmt.Errorf("themes: %w", err)
	}
	defer rs.Close()
	var (
		out     []aspectRow
		hashes  []uint64 // of each row: reviewer, text and (perProduct) product
		seed    = maphash.MakeSeed()
		key     []byte
		strs    = map[string]string{} // one copy of each reviewer, product and term
		polar   sql.RawBytes
		product sql.RawBytes
		author  sql.RawBytes
		terms   sql.RawBytes
		text    sql.RawBytes
		source  int64
		lastDoc int64 = -1
		who     string
	)
	intern := func(b []byte) string {
		if s, ok := strs[string(b)]; ok {
			return s
		}
		s := string(b)
		strs[s] = s
		return s
	}
	for rs.Next() {
		var r aspectRow
		if err := rs.Scan(&r.doc, &r.pos, &polar, &r.score, &r.posted, &product, &r.helpful, &source, &author, &terms, &text, &r.evidence); err != nil {
			return nil, fmt.Errorf("themes: %w", err)
		}
		if r.doc != lastDoc { // rows come by document
			who, lastDoc = reviewerOf(source, r.doc, author), r.doc
		}
		key = append(append(key[:0], who...), 0)
		key = appendLower(key, text)
		if perProduct {
			key = append(append(key, 0), product...)
		}
		switch string(polar) {
		case "pain":
			r.polarity = "pain"
		case "gain":
			r.polarity = "gain"
		default:
			r.polarity = "neutral"
		}
		r.product, r.reviewer, r.text = intern(product), who, string(text)
		for t := range strings.SplitSeq(string(terms), ",") {
			r.terms = append(r.terms, intern([]byte(t)))
		}
		out = append(out, r)
		hashes = append(hashes, maphash.Bytes(seed, key))
	}
	if err := rs.Err(); err != nil {
		return nil, fmt.Errorf("themes: %w", err)
	}
	// In the order of the documents, the same author's same sentence
	// once (its first copy).
	order := make([]int, len(out))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(i, j int) int {
		if out[i].doc != out[j].doc {
			return cmp.Compare(out[i].doc, out[j].doc)
		}
		return cmp.Compare(out[i].pos, out[j].pos)
	})
	seen := map[uint64]bool{}
	kept := make([]aspectRow, 0, len(out))
	for _, i := range order {
		if !seen[hashes[i]] {
			seen[hashes[i]] = true
			kept = append(kept, out[i])
		}
	}
	return kept, nil
}

// appendLower appends b lower-cased.
func appendLower(dst, b []byte) []byte {
	for i := 0; i < len(b); i++ {
		c := b[i]
		if c >= utf8.RuneSelf {
			return append(dst, strings.ToLower(string(b[i:]))...)
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		dst = append(dst, c)
	}
	return dst
}

// quoteThemes makes the pain and gain quotes of the themes from the
// sentences chosen for them, reading the rest of each quote (the review's
// id, source, rating, link) from its document, all in one query.
func quoteThemes(ctx context.Context, db *sql.DB, themes []Theme) error {
	docs := map[int64]*Quote{} // the document's part of a quote
	var ids []int64
	for _, t := range themes {
		for _, r := range []*aspectRow{t.painRow, t.gainRow} {
			if r != nil && docs[r.doc] == nil {
				docs[r.doc] = &Quote{}
				ids = append(ids, r.doc)
			}
		}
	}
	for part := range slices.Chunk(ids, 5000) {
		list, _ := json.Marshal(part)
		rs, err := db.QueryContext(ctx, `SELECT d.id, d.external_id, d.rating, d.url, d.verified, (SELECT name FROM sources WHERE id = d.source_id), coalesce((SELECT location FROM sources WHERE id = d.source_id), '')
			FROM documents d WHERE d.id IN (SELECT value FROM json_each(?))`, string(list))
		if err != nil {
			return fmt.Errorf("themes: quotes: %w", err)
		}
		for rs.Next() {
			var id int64
			var q Quote
			if err := rs.Scan(&id, &q.DocumentID, &q.Rating, &q.URL, &q.Verified, &q.Source, &q.File); err != nil {
				rs.Close()
				return fmt.Errorf("themes: quotes: %w", err)
			}
			*docs[id] = q
		}
		rs.Close()
		if err := rs.Err(); err != nil {
			return fmt.Errorf("themes: quotes: %w", err)
		}
	}
	quote := func(r *aspectRow, theme string) *Quote {
		if r == nil {
			return nil
		}
		q := *docs[r.doc]
		q.Text, q.Polarity, q.Helpful, q.Product, q.Category = r.text, r.score, r.helpful, r.product, theme
		q.evidence = r.evidence
		if r.posted != 0 {
			q.Date = time.Unix(r.posted, 0).UTC().Format("2006-01-02")
		}
		return &q
	}
	for i := range themes {
		t := &themes[i]
		t.PainQuote, t.GainQuote = quote(t.painRow, t.Name), quote(t.gainRow, t.Name)
	}
	return nil
}
