package report

import (
	"context"
	"database/sql"
	"fmt"
	"hash/fnv"
	"math"
	"sort"
	"strconv"
	"strings"

	"jobminer/classifiers"
	"jobminer/pipeline/store"
)

// CloudTerm is one word or two-word phrase of a tag cloud.
type CloudTerm struct {
	Term      string  `json:"term"`      // as most often written
	Key       string  `json:"key"`       // folded form the counts are kept under
	Count     int     `json:"count"`     // in the selection (one reviewer's same sentence once)
	Reviewers int     `json:"reviewers"` // who use it in the selection
	Reference int     `json:"reference"` // in the rest of the corpus
	Weight    float64 `json:"weight"`    // keyness (log-likelihood G²), or TF-IDF for the whole corpus
	Pain      int     `json:"pain"`      // occurrences in pain sentences
	Gain      int     `json:"gain"`      // occurrences in gain sentences
	Lean      float64 `json:"lean"`      // (gain - pain) / (gain + pain + 1): the colour, red -1 … green +1
}

// CloudResult is a tag cloud and how it was weighed.
type CloudResult struct {
	Selection string      `json:"selection"`
	Category  string      `json:"kind,omitempty"`
	Method    string      `json:"method"` // "log-likelihood" or "tf-idf"
	Sentences int         `json:"sentences"`
	Terms     []CloudTerm `json:"terms"`
}

// CloudOptions bound a cloud.
type CloudOptions struct {
	N        int // terms (default 60)
	MinCount int // occurrences in the selection (default 2)
}

type termCount struct {
	surface    map[string]int
	n, sents   int
	pain, gain int
	reviewers  int
	last       string // the reviewer counted last (rows come by reviewer)
}

// Cloud weighs the terms of the selected sentences by how distinctive they
// are against the rest of the corpus: Dunning's log-likelihood G² of the
// term's count in the selection against the rest, keeping the terms the
// selection uses more than the rest does. A selection that is the whole
// corpus has no rest, and is weighed by TF-IDF over sentences instead.
func Cloud(ctx context.Context, db *sql.DB, c *classifiers.Classifier, f Filter, category string, o CloudOptions) (*CloudResult, error) {
	if o.N <= 0 {
		o.N = 60
	}
	if o.MinCount <= 0 {
		o.MinCount = 2
	}
	cond, err := categoryCond(category)
	if err != nil {
		return nil, err
	}
	corpus, corpusSents, corpusTotal, err := corpusTerms(ctx, db, c)
	if err != nil {
		return nil, fmt.Errorf("cloud: %w", err)
	}
	var sel map[string]*termCount
	var sents int
	if f.isZero() && cond == "1=1" {
		sel, sents = corpus, corpusSents // the whole corpus: counted already
	} else {
		where, args := f.where()
		// A job or situation cloud is made of the phrases themselves ("to
		// keep my coffee hot", "on rainy mornings"), not of the whole
		// sentences around them, which the praise words would lead.
		text := "s.text"
		if category == "job" || category == "situation" {
			text = "s." + category
		}
		sel, sents, err = countTerms(ctx, db, c, `SELECT `+text+`, s.polarity, `+reviewerKey+` AS r FROM sentences s JOIN documents d ON d.id = s.document_id WHERE `+where+` AND `+cond+` ORDER BY r`, args...)
		if err != nil {
			return nil, fmt.Errorf("cloud: %w", err)
		}
	}
	res := &CloudResult{Selection: f.Describe(), Category: category, Sentences: sents}
	selTotal := wordCount(sel)
	if sents == corpusSents {
		selTotal = corpusTotal
	}
	refTotal := corpusTotal - selTotal
	whole := refTotal <= 0 || sents >= corpusSents
	res.Method = "log-likelihood"
	if whole {
		res.Method = "tf-idf"
	}
	for k, t := range sel {
		if t.n < o.MinCount {
			continue
		}
		if (category == "job" || category == "situation") && c.HasVerdictWord(k) {
			continue // "perfect", "great": praise is no job or situation
		}
		ct := CloudTerm{Term: mostUsed(t.surface), Key: k, Count: t.n, Reviewers: t.reviewers, Pain: t.pain, Gain: t.gain}
		ct.Lean = math.Round(float64(t.gain-t.pain)/float64(t.gain+t.pain+1)*1000) / 1000
		if whole {
			ct.Weight = float64(t.n) * math.Log(float64(max(sents, 1))/float64(t.sents))
		} else {
			if ref := corpus[k]; ref != nil {
				ct.Reference = max(ref.n-t.n, 0)
			}
			a, b := float64(t.n), float64(ct.Reference)
			cs, rs := float64(selTotal), float64(refTotal)
			if a/cs <= b/rs {
				continue // not more frequent here than in the rest
			}
			e1, e2 := cs*(a+b)/(cs+rs), rs*(a+b)/(cs+rs)
			g := a * math.Log(a/e1)
			if b > 0 {
				g += b * math.Log(b/e2)
			}
			ct.Weight = 2 * g
		}
		if ct.Weight <= 0 {
			continue
		}
		ct.Weight = math.Round(ct.Weight*1000) / 1000
		res.Terms = append(res.Terms, ct)
	}
	sort.Slice(res.Terms, func(i, j int) bool {
		if res.Terms[i].Weight != res.Terms[j].Weight {
			return res.Terms[i].Weight > res.Terms[j].Weight
		}
		return res.Terms[i].Key < res.Terms[j].Key
	})
	res.Terms = dropCovered(res.Terms)
	if len(res.Terms) > o.N {
		res.Terms = res.Terms[:o.N]
	}
	return res, nil
}

// dropCovered removes a word when a phrase containing it ranks higher and
// accounts for most of its uses ("life" under "battery life").
func dropCovered(terms []CloudTerm) []CloudTerm {
	covered := map[string]int{}
	out := terms[:0]
	for _, t := range terms {
		if isPhrase(t.Key) {
			first, second, _ := strings.Cut(t.Key, " ")
			for _, w := range []string{first, second} {
				covered[w] = max(covered[w], t.Count)
			}
		} else if n, ok := covered[t.Key]; ok && n*10 >= t.Count*8 {
			continue
		}
		out = append(out, t)
	}
	return out
}

func isPhrase(k string) bool { return strings.Contains(k, " ") }

// wordCount is the number of word tokens counted (phrases left out).
func wordCount(m map[string]*termCount) int {
	n := 0
	for k, t := range m {
		if !isPhrase(k) {
			n += t.n
		}
	}
	return n
}

func mostUsed(m map[string]int) string {
	best, bestN := "", -1
	for s, n := range m {
		if n > bestN || n == bestN && s < best {
			best, bestN = s, n
		}
	}
	return best
}

// countTerms counts the terms of the sentences a query returns (text,
// polarity, reviewer key), the same reviewer's same sentence once: a review
// copied onto every product variant, or a line repeated in one review, is
// one customer saying it.
func countTerms(ctx context.Context, db *sql.DB, c *classifiers.Classifier, q string, args ...any) (map[string]*termCount, int, error) {
	rows, err := db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, 0, err
	}
	defer rows.Close()
	out := map[string]*termCount{}
	sents := 0
	seen := map[string]bool{}
	said := map[uint64]bool{} // reviewer and sentence: a copy counts once
	for rows.Next() {
		var text, polarity, reviewer string
		if err := rows.Scan(&text, &polarity, &reviewer); err != nil {
			return nil, 0, err
		}
		h := fnv.New64a()
		h.Write([]byte(reviewer))
		h.Write([]byte{0})
		h.Write([]byte(strings.ToLower(text)))
		if k := h.Sum64(); said[k] {
			continue // the same reviewer's same sentence: a variant copy or a repeat
		} else {
			said[k] = true
		}
		sents++
		clear(seen)
		for _, t := range c.Terms(text, true) {
			tc := out[t.Key]
			if tc == nil {
				tc = &termCount{surface: map[string]int{}}
				out[t.Key] = tc
			}
			tc.n++
			tc.surface[t.Surface]++
			switch polarity {
			case "pain":
				tc.pain++
			case "gain":
				tc.gain++
			}
			if !seen[t.Key] {
				seen[t.Key] = true
				tc.sents++
				if tc.last != reviewer || tc.reviewers == 0 {
					tc.last = reviewer
					tc.reviewers++
				}
			}
		}
	}
	return out, sents, rows.Err()
}

// corpusTerms returns the term counts of every sentence (terms seen at
// least twice) and the number of sentences, from the
// term_counts table, rebuilt first when the analyses or the lexicons have
// changed since it was built.
func corpusTerms(ctx context.Context, db *sql.DB, c *classifiers.Classifier) (terms map[string]*termCount, sentences, tokens int, err error) {
	var analyses int
	var last string
	if err := db.QueryRowContext(ctx, `SELECT count(*), coalesce(sum(sentences), 0), coalesce(max(analyzed_at), '') FROM analyses`).Scan(&analyses, &sentences, &last); err != nil {
		return nil, 0, 0, err
	}
	stamp := fmt.Sprintf("v3 %d %d %s %s", analyses, sentences, last, c.Version) // v2: copies counted once; v3: reviewers
	var have, total string
	err = db.QueryRowContext(ctx, `SELECT stamp, coalesce((SELECT stamp FROM report_cache WHERE name = 'term_tokens'), '') FROM report_cache WHERE name = 'term_counts'`).Scan(&have, &total)
	if err != nil && err != sql.ErrNoRows {
		return nil, 0, 0, err
	}
	if have != stamp || total == "" {
		counts, _, err := countTerms(ctx, db, c, `SELECT s.text, s.polarity, `+reviewerKey+` AS r FROM sentences s JOIN documents d ON d.id = s.document_id ORDER BY r`)
		if err != nil {
			return nil, 0, 0, err
		}
		if err := saveTermCounts(ctx, db, counts, stamp); err != nil {
			return nil, 0, 0, err
		}
		total = fmt.Sprint(wordCount(counts))
	}
	tokens, _ = strconv.Atoi(total)
	rows, err := db.QueryContext(ctx, `SELECT key, surface, n, sentences, pain, gain, reviewers FROM term_counts`)
	if err != nil {
		return nil, 0, 0, err
	}
	defer rows.Close()
	terms = map[string]*termCount{}
	for rows.Next() {
		var k, surface string
		t := &termCount{}
		if err := rows.Scan(&k, &surface, &t.n, &t.sents, &t.pain, &t.gain, &t.reviewers); err != nil {
			return nil, 0, 0, err
		}
		t.surface = map[string]int{surface: t.n}
		terms[k] = t
	}
	return terms, sentences, tokens, rows.Err()
}

func saveTermCounts(ctx context.Context, db *sql.DB, counts map[string]*termCount, stamp string) error {
	return store.InTx(ctx, db, func(tx *store.Tx) error {
		if _, err := tx.Exec(`DELETE FROM term_counts`); err != nil {
			return err
		}
		// Terms seen once are left out: they cannot be key terms of
		// anything, and they are most of the rows.
		ins := tx.Bulk(`INSERT INTO term_counts (key, surface, n, sentences, pain, gain, reviewers) VALUES `, 7, 200)
		defer ins.Close()
		for k, t := range counts {
			if t.n < 2 {
				continue
			}
			if err := ins.Add(k, mostUsed(t.surface), t.n, t.sents, t.pain, t.gain, t.reviewers); err != nil {
				return err
			}
		}
		if err := ins.Flush(); err != nil {
			return err
		}
		for name, value := range map[string]string{"term_counts": stamp, "term_tokens": fmt.Sprint(wordCount(counts))} {
			if _, err := tx.Exec(`INSERT INTO report_cache (name, stamp) VALUES (?, ?)
			ON CONFLICT (name) DO UPDATE SET stamp = excluded.stamp`, name, value); err != nil {
				return err
			}
		}
		return nil
	})
}
