package report

import (
	"context"
	"database/sql"
	"fmt"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"jobminer/classifiers"
)

// Quote is one representative sentence with the review it comes from.
type Quote struct {
	Text       string   `json:"text"`
	Category   string   `json:"kind"`
	DocumentID string   `json:"review_id"` // the document's id in its source
	Source     string   `json:"source"`    // the source's name
	File       string   `json:"file"`      // the file (or page) the source was read from: with a "line N" id, the file it is a line of
	Product    string   `json:"product"`
	Rating     *float64 `json:"rating,omitempty"`
	Date       string   `json:"date,omitempty"` // YYYY-MM-DD
	URL        string   `json:"url,omitempty"`
	Helpful    int      `json:"helpful_votes"`
	Verified   bool     `json:"verified"`
	Polarity   float64  `json:"polarity_score"`
	Represents int      `json:"represents"` // reviewers in its cluster: how many customers say much the same
	Score      float64  `json:"score"`
	copies     int      // identical sentences this candidate stands for
	evidence   string   // the classifier's evidence terms, comma-joined (saysIt)
	reviewers  []string // who wrote them: author within a source, or the document
}

// reviewerKey names the writer of a document in SQL: the author within
// the source, or, without an author, the document itself. Counts of
// reviewers count customers, not sentences nor copies of one review on
// several product variants.
// A placeholder name ("Amazon Customer", "Anonymous") names nobody: each
// of its documents is a reviewer of its own.
var reviewerKey = `(CASE WHEN d.author <> '' AND lower(trim(d.author)) NOT IN (` + placeholderList + `)
	THEN d.source_id || ':' || replace(d.author, ',', ' ') ELSE 'doc' || d.id END)`

// Of names the file a "line N" id is a line of (its base name), or the
// source when the file is not known: sources of one name may be several
// files (two Datafiniti exports are both "datafiniti"). "" for any other
// id.
func (q Quote) Of() string { return q.ref().Of() }

// ref is the quote's review as a reference; with no file known, the
// source names it, as Of does.
func (q Quote) ref() Ref {
	file := q.File
	if file == "" {
		file = q.Source
	}
	return Ref{ID: q.DocumentID, URL: q.URL, File: file}
}

// saysIt reports whether a sentence's own words say its verdict: a pain
// is not said when its sentiment words lean the other way (score, the
// words' compound score, above zero) and no cue of its side is among its
// evidence ("pain:had to"): "These are great tablets and the price is
// wonderful" as a pain of a 3★ review leans on the rating alone, and is
// no quote of that side while another is at hand; a gain likewise. Any
// other kind says what it is.
func saysIt(verdict string, score float64, evidence string) bool {
	other := 0.0
	switch verdict {
	case "pain":
		other = score
	case "gain":
		other = -score
	default:
		return true
	}
	if other <= 0 {
		return true
	}
	for _, e := range strings.Split(evidence, ",") {
		if strings.HasPrefix(e, verdict+":") {
			return true
		}
	}
	return false
}

// placeholderAuthors are the names that name nobody.
var placeholderAuthors = []string{"amazon customer", "kindle customer", "a customer", "customer",
	"anonymous", "anon", "guest", "user", "verified buyer", "verified purchaser", "a shopper", "shopper", "n/a", "none", "unknown"}

// placeholderList is placeholderAuthors as an SQL list.
var placeholderList = "'" + strings.Join(placeholderAuthors, "', '") + "'"

// reviewerOf is reviewerKey computed in Go, for a document of a source
// by an author: the same string SQL gives.
func reviewerOf(source, doc int64, author []byte) string {
	name := asciiLower(strings.Trim(string(author), " "))
	if len(author) == 0 || slices.Contains(placeholderAuthors, name) {
		return "doc" + strconv.FormatInt(doc, 10)
	}
	return strconv.FormatInt(source, 10) + ":" + strings.ReplaceAll(string(author), ",", " ")
}

// asciiLower lower-cases ASCII letters only, as SQLite's lower() does.
func asciiLower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

// QuoteOptions bound a quote list.
type QuoteOptions struct {
	N          int    // quotes to return (default 10)
	MinLength  int    // characters (default 30; a Chinese sentence needs a third: its characters are words)
	MaxLength  int    // characters (default 280)
	Candidates int    // sentences considered, strongest first (default 4000)
	Stage      string // only sentences of this journey stage ("": any; see stageExpr)
}

// Quotes picks n sentences of a category that represent many customers:
// candidates are clustered by shared terms (TF-IDF cosine); each cluster
// gives at most one quote, so ten quotes say ten different things; quotes
// are ranked by how central the sentence is in its category and how large
// its cluster is, then by strength of feeling, helpful votes and a
// verified purchase; a pain or gain whose words do not say it (saysIt)
// comes after every one that does.
func Quotes(ctx context.Context, db *sql.DB, c *classifiers.Classifier, f Filter, category string, o QuoteOptions) ([]Quote, error) {
	if o.N <= 0 {
		o.N = 10
	}
	if o.MinLength <= 0 {
		o.MinLength = 30
	}
	if o.MaxLength <= 0 {
		o.MaxLength = 280
	}
	if o.Candidates <= 0 {
		o.Candidates = 4000
	}
	var cond string
	var err error
	if category == "request" {
		cond = requestCond(c) // a request or unmet need
	} else if cond, err = categoryCond(category); err != nil {
		return nil, err
	}
	where, args := f.where()
	if o.Stage != "" {
		cond += " AND " + stageExpr + " = ?"
		args = append(args, o.Stage)
	}
	// Identical sentences are one candidate that counts as many: the row
	// kept is the one with the most helpful votes.
	q := `SELECT s.text, s.polarity_score, s.evidence, d.external_id, d.product_id, d.rating, d.posted_at, d.url, max(d.helpful_votes), d.verified, count(*),
			group_concat(DISTINCT ` + reviewerKey + `), (SELECT name FROM sources WHERE id = d.source_id), (SELECT location FROM sources WHERE id = d.source_id)
		FROM sentences s JOIN documents d ON d.id = s.document_id
		WHERE ` + where + ` AND ` + cond + ` AND length(s.text) BETWEEN CASE WHEN d.lang LIKE 'zh%' THEN (? + 2) / 3 ELSE ? END AND ?
		GROUP BY lower(s.text)
		ORDER BY abs(s.polarity_score) + 0.05 * min(max(d.helpful_votes), 20) + 0.02 * min(count(DISTINCT ` + reviewerKey + `), 20) DESC, s.text LIMIT ?`
	args = append(args, o.MinLength, o.MinLength, o.MaxLength, o.Candidates)
	rows, err := db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("quotes: %w", err)
	}
	defer rows.Close()
	var cands []Quote
	for rows.Next() {
		var qt Quote
		var posted sql.NullInt64
		var reviewers string
		if err := rows.Scan(&qt.Text, &qt.Polarity, &qt.evidence, &qt.DocumentID, &qt.Product, &qt.Rating, &posted, &qt.URL, &qt.Helpful, &qt.Verified, &qt.copies, &reviewers, &qt.Source, &qt.File); err != nil {
			return nil, fmt.Errorf("quotes: %w", err)
		}
		qt.reviewers = strings.Split(reviewers, ",")
		if posted.Valid {
			qt.Date = time.Unix(posted.Int64, 0).UTC().Format("2006-01-02")
		}
		qt.Category = category
		cands = append(cands, qt)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("quotes: %w", err)
	}
	return pickQuotes(c, cands, o.N), nil
}

// pickQuotes clusters the candidates and returns the best of the n most
// representative clusters.
func pickQuotes(c *classifiers.Classifier, cands []Quote, n int) []Quote {
	if len(cands) == 0 {
		return nil
	}
	vecs := make([]map[string]float64, len(cands))
	df := map[string]int{}
	for i, q := range cands {
		v := map[string]float64{}
		for _, t := range c.Terms(q.Text, false) {
			v[t.Key]++
		}
		for k := range v {
			df[k]++
		}
		vecs[i] = v
	}
	// TF-IDF, normalised to unit length.
	N := float64(len(cands))
	total := 0.0 // sentences the candidates stand for
	for i := range cands {
		cands[i].copies = max(cands[i].copies, 1)
		total += float64(cands[i].copies)
	}
	for _, v := range vecs {
		norm := 0.0
		for k, tf := range v {
			w := (1 + math.Log(tf)) * math.Log(1+N/float64(df[k]))
			v[k] = w
			norm += w * w
		}
		norm = math.Sqrt(norm)
		for k := range v {
			if norm > 0 {
				v[k] /= norm
			}
		}
	}
	// Cosine similarity through an inverted index: only pairs that share a
	// term are compared.
	post := map[string][]int{}
	for i, v := range vecs {
		for k := range v {
			post[k] = append(post[k], i)
		}
	}
	const sameCluster = 0.35
	centrality := make([]float64, len(cands))
	neighbours := make([][]int, len(cands))
	dot := make([]float64, len(cands))
	for i, v := range vecs {
		var touched []int
		for k, w := range v {
			for _, j := range post[k] {
				if j == i {
					continue
				}
				if dot[j] == 0 {
					touched = append(touched, j)
				}
				dot[j] += w * vecs[j][k]
			}
		}
		centrality[i] += float64(cands[i].copies - 1) // its own copies are identical
		for _, j := range touched {
			centrality[i] += dot[j] * float64(cands[j].copies)
			if dot[j] >= sameCluster {
				neighbours[i] = append(neighbours[i], j)
			}
			dot[j] = 0
		}
		centrality[i] /= total
	}
	// Greedy clustering, most central sentences first.
	order := make([]int, len(cands))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return centrality[order[a]] > centrality[order[b]] })
	cluster := make([]int, len(cands))
	for i := range cluster {
		cluster[i] = -1
	}
	var members [][]int
	for _, i := range order {
		if cluster[i] >= 0 {
			continue
		}
		id := len(members)
		cluster[i] = id
		group := []int{i}
		for _, j := range neighbours[i] {
			if cluster[j] < 0 {
				cluster[j] = id
				group = append(group, j)
			}
		}
		members = append(members, group)
	}
	maxC, maxSize := 0.0, 1
	for i := range cands {
		maxC = math.Max(maxC, centrality[i])
	}
	size := make([]int, len(members)) // reviewers a cluster stands for
	who := map[string]bool{}
	for c, g := range members {
		clear(who)
		for _, i := range g {
			for _, r := range cands[i].reviewers {
				who[r] = true
			}
			if len(cands[i].reviewers) == 0 {
				who[fmt.Sprint("candidate", i)] = true
			}
		}
		size[c] = len(who)
		maxSize = max(maxSize, size[c])
	}
	// Each cluster's quote: the member with the best own score; clusters
	// rank by size and the centrality of their quote.
	type pick struct {
		i     int
		score float64
	}
	var picks []pick
	for c, g := range members {
		best, bestScore := -1, math.Inf(-1)
		for _, i := range g {
			q := cands[i]
			s := 0.5*safeDiv(centrality[i], maxC) + 0.25*math.Abs(q.Polarity) + 0.15*math.Log1p(float64(min(q.Helpful, 50)))/math.Log1p(50)
			if q.Verified {
				s += 0.1
			}
			if !saysIt(q.Category, q.Polarity, q.evidence) {
				s -= 1 // a pain its words do not say (praise in a 3★ review) quotes only when nothing else does
			}
			if s > bestScore {
				best, bestScore = i, s
			}
		}
		score := 0.5*math.Log1p(float64(size[c]))/math.Log1p(float64(maxSize)) + 0.5*bestScore
		cands[best].Represents = size[c]
		cands[best].Score = math.Round(score*1000) / 1000
		picks = append(picks, pick{best, score})
	}
	sort.SliceStable(picks, func(a, b int) bool { return picks[a].score > picks[b].score })
	var out []Quote
	var chosen []map[string]float64
	for _, p := range picks {
		if len(out) == n {
			break
		}
		// A near-duplicate of a quote already chosen says nothing new:
		// similar by weighted terms, or sharing half its words.
		dup := false
		for _, v := range chosen {
			if cosine(v, vecs[p.i]) >= sameCluster || jaccard(v, vecs[p.i]) >= 0.5 {
				dup = true
				break
			}
		}
		if dup {
			continue
		}
		chosen = append(chosen, vecs[p.i])
		out = append(out, cands[p.i])
	}
	return out
}

func cosine(a, b map[string]float64) float64 {
	if len(b) < len(a) {
		a, b = b, a
	}
	s := 0.0
	for k, w := range a {
		s += w * b[k]
	}
	return s
}

func safeDiv(a, b float64) float64 {
	if b == 0 {
		return 0
	}
	return a / b
}

// jaccard is the share of terms two sentences have in common.
func jaccard(a, b map[string]float64) float64 {
	common := 0
	for k := range a {
		if _, ok := b[k]; ok {
			common++
		}
	}
	union := len(a) + len(b) - common
	if union == 0 {
		return 0
	}
	return float64(common) / float64(union)
}
