// Package learn induces a pain/gain lexicon layer from star-rated reviews:
// which words and two- and three-word phrases the writers of 1-2 star
// reviews use more than the writers of 4-5 star reviews, and the reverse.
//
// Terms are weighed by the log-odds ratio with an informative Dirichlet
// prior (Monroe, Colaresi & Quinn 2008, "Fightin' Words", section 3.5):
// the prior of a term is its share of the whole corpus, so rare terms are
// shrunk towards no lean, and the z-score of the log-odds says how sure
// the difference is. Counts are of reviews, not occurrences (a term said
// ten times in one review counts once), and identical review texts count
// once per author (exports copy one review onto every product variant).
package learn

import (
	"context"
	"database/sql"
	"fmt"
	"hash/fnv"
	"math"
	"sort"
	"strings"

	"jobminer/classifiers"
	"jobminer/classifiers/lang"
)

// Options set what is counted and kept.
type Options struct {
	MaxWords    int     // longest n-gram (default 3)
	MinReviews  int     // a term must occur in this many counted reviews (default 10)
	MinProducts int     // … of this many different products (default 3)
	MinZ        float64 // |z| of the log-odds at least this (default 3)
	Prior       float64 // alpha0, the prior's total pseudo-count (default 500)
	Scale       float64 // weight = Scale × log-odds, in valence units (default 0.5)
	MaxWeight   float64 // |weight| at most this (default 3)
	MaxTerms    int     // keep at most this many terms, by |z| (default 5000)
	// Lang is the language learned: "en" (the default; documents stored
	// as English or before languages were told) or "zh" (Traditional and
	// Simplified Chinese documents, words from the segmenter).
	Lang string
	// Exclude lists sentences whose reviews must not be learned from (an
	// evaluation set): a review containing any of them (of five words or
	// more) is skipped.
	Exclude []string
	// Progress, when set, is called with the number of documents read.
	Progress func(n int)
}

func (o *Options) defaults() {
	if o.MaxWords <= 0 {
		o.MaxWords = 3
	}
	if o.MinReviews <= 0 {
		o.MinReviews = 10
	}
	if o.MinProducts <= 0 {
		o.MinProducts = 3
	}
	if o.MinZ <= 0 {
		o.MinZ = 3
	}
	if o.Prior <= 0 {
		o.Prior = 500
	}
	if o.Scale <= 0 {
		o.Scale = 0.5
	}
	if o.MaxWeight <= 0 {
		o.MaxWeight = 3
	}
	if o.MaxTerms <= 0 {
		o.MaxTerms = 5000
	}
	if o.Lang == "" {
		o.Lang = "en"
	}
}

// Term is one learned entry.
type Term struct {
	Text     string
	Weight   float64 // signed, positive = gain, in valence units (-4..4)
	LogOdds  float64 // gain vs pain, prior-smoothed
	Z        float64
	Pain     int // 1-2 star reviews that use it
	Gain     int // 4-5 star reviews that use it
	Products int
}

// Result is a learned layer and what it was learned from.
type Result struct {
	Terms       []Term // by |Z|, strongest first
	PainReviews int    // 1-2 star reviews counted
	GainReviews int    // 4-5 star reviews counted
	Neutral     int    // 3 star reviews, not counted
	Copies      int    // reviews whose author and text were already counted
	Excluded    int    // reviews holding an excluded sentence
	Candidates  int    // distinct terms seen
	Options     Options
}

// minExcludeWords is the shortest excluded sentence that marks a review.
const minExcludeWords = 5

type counts struct {
	pain, gain, products int32
	lastProduct          int32
}

// Learn reads the rated documents of db and learns a layer. c supplies the
// tokenizer and word lists, so that the learned terms are what the
// classifier can match.
func Learn(ctx context.Context, db *sql.DB, c *classifiers.Classifier, o Options) (*Result, error) {
	o.defaults()
	res := &Result{Options: o}
	// What counts per language: its n-grams, and for English the share of
	// noun uses of each word (prose's tagger); Chinese n-grams leave nouns
	// out by the segmenter's dictionary.
	var scratch []string
	ngrams := func(text string, yield func(string)) { scratch = c.Ngrams(text, o.MaxWords, scratch, yield) }
	var nouns *nounShare
	switch o.Lang {
	case "en":
		nouns = newNounShare()
	case "zh":
		zh := c.Chinese()
		if zh == nil {
			return nil, fmt.Errorf("learn: no Chinese classifier attached")
		}
		ngrams = func(text string, yield func(string)) { zh.Ngrams(text, o.MaxWords, yield) }
	default:
		return nil, fmt.Errorf("learn: language %q: want en or zh", o.Lang)
	}
	var args []any
	for _, code := range lang.Stored(o.Lang) {
		args = append(args, code)
	}
	rows, err := db.QueryContext(ctx, `SELECT product_id, author, rating, text FROM documents WHERE rating IS NOT NULL AND lang IN (?`+
		strings.Repeat(", ?", len(args)-1)+`) ORDER BY product_id, id`, args...)
	if err != nil {
		return nil, fmt.Errorf("learn: read rated documents: %w", err)
	}
	defer rows.Close()
	exclude := make([]string, 0, len(o.Exclude))
	for _, s := range o.Exclude {
		// A sentence of a few words ("Great product.") stands in thousands
		// of reviews and identifies none of them.
		if s = normalize(s); len(strings.Fields(s)) >= minExcludeWords {
			exclude = append(exclude, s)
		}
	}
	terms := map[string]*counts{}
	seen := map[uint64]bool{}
	doc := map[string]bool{}
	var product string
	productNo := int32(0)
	n := 0
	for rows.Next() {
		var pid, author, text string
		var rating float64
		if err := rows.Scan(&pid, &author, &rating, &text); err != nil {
			return nil, fmt.Errorf("learn: read rated documents: %w", err)
		}
		n++
		if o.Progress != nil && n%1000 == 0 {
			o.Progress(1000)
		}
		if n%4096 == 0 && ctx.Err() != nil {
			return nil, ctx.Err()
		}
		if pid != product || pid == "" {
			product = pid
			productNo++
		}
		if rating > 2 && rating < 4 {
			res.Neutral++
			continue
		}
		norm := normalize(text)
		h := fnv.New64a()
		h.Write([]byte(author))
		h.Write([]byte{0})
		h.Write([]byte(norm))
		if k := h.Sum64(); seen[k] {
			res.Copies++
			continue
		} else {
			seen[k] = true
		}
		if excluded(norm, exclude) {
			res.Excluded++
			continue
		}
		pain := rating <= 2
		if pain {
			res.PainReviews++
		} else {
			res.GainReviews++
		}
		if nouns != nil {
			if err := nouns.add(text); err != nil {
				return nil, fmt.Errorf("learn: tag review: %w", err)
			}
		}
		clear(doc)
		ngrams(text, func(g string) {
			if doc[g] {
				return
			}
			doc[g] = true
			t := terms[g]
			if t == nil {
				t = &counts{}
				terms[g] = t
			}
			if pain {
				t.pain++
			} else {
				t.gain++
			}
			if t.lastProduct != productNo {
				t.lastProduct = productNo
				t.products++
			}
		})
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("learn: read rated documents: %w", err)
	}
	if o.Progress != nil {
		o.Progress(n % 1000)
	}
	res.Candidates = len(terms)
	if res.PainReviews == 0 || res.GainReviews == 0 {
		return res, fmt.Errorf("learn: need both 1-2 star and 4-5 star reviews; found %d and %d (of %d rated documents)", res.PainReviews, res.GainReviews, n)
	}
	topical := func(string) bool { return false }
	if nouns != nil {
		topical = func(term string) bool { return nouns.topical(term, c.IsStopWord) }
	}
	res.Terms = score(terms, o, topical)
	return res, nil
}

// score computes the smoothed log-odds and keeps the terms that pass.
func score(terms map[string]*counts, o Options, topical func(string) bool) []Term {
	var np, ng float64
	for _, t := range terms {
		np += float64(t.pain)
		ng += float64(t.gain)
	}
	total := np + ng
	logOdds := func(t *counts) (delta, z float64) {
		yp, yg := float64(t.pain), float64(t.gain)
		a := o.Prior * (yp + yg) / total
		delta = math.Log((yg+a)/(ng+o.Prior-yg-a)) - math.Log((yp+a)/(np+o.Prior-yp-a))
		return delta, delta / math.Sqrt(1/(yg+a)+1/(yp+a))
	}
	var out []Term
	for text, t := range terms {
		if int(t.pain+t.gain) < o.MinReviews || int(t.products) < o.MinProducts {
			continue
		}
		delta, z := logOdds(t)
		if math.Abs(z) < o.MinZ || topical(text) {
			continue
		}
		// A phrase is kept only when it says more than each of its words:
		// an opposite lean, or a clearly stronger one.
		saysMore := true
		if words := strings.Fields(text); len(words) > 1 {
			for _, w := range words {
				wd := 0.0
				if wt := terms[w]; wt != nil {
					wd, _ = logOdds(wt)
				}
				opposite := math.Signbit(wd) != math.Signbit(delta) && math.Abs(wd) > 0.1
				if !opposite && math.Abs(delta) <= math.Abs(wd)+0.5 {
					saysMore = false
					break
				}
			}
		}
		if !saysMore {
			continue
		}
		w := math.Max(-o.MaxWeight, math.Min(o.MaxWeight, o.Scale*delta))
		out = append(out, Term{Text: text, Weight: math.Round(w*100) / 100, LogOdds: delta, Z: z, Pain: int(t.pain), Gain: int(t.gain), Products: int(t.products)})
	}
	sort.Slice(out, func(i, j int) bool {
		if a, b := math.Abs(out[i].Z), math.Abs(out[j].Z); a != b {
			return a > b
		}
		return out[i].Text < out[j].Text
	})
	if len(out) > o.MaxTerms {
		out = out[:o.MaxTerms]
	}
	return out
}

// normalize folds case and white space, for matching copies and excluded
// sentences.
func normalize(s string) string {
	return strings.Join(strings.Fields(strings.ToLower(s)), " ")
}

func excluded(doc string, exclude []string) bool {
	for _, s := range exclude {
		if strings.Contains(doc, s) {
			return true
		}
	}
	return false
}
