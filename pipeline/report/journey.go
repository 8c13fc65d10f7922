package report

import (
	"context"
	"database/sql"
	"fmt"
	"math"
	"sort"
	"strings"

	"jobminer/classifiers"
)

// JourneyStages are the stages of the customer journey, in order.
var JourneyStages = []string{"awareness", "consideration", "purchase", "use", "advocacy"}

// stageExpr is the journey stage of a sentence aliased s, in SQL: the
// stage its own words name ("read the reviews": consideration), else the
// stage of the touchpoint it is about (the listing: consideration; price,
// delivery, packaging: purchase; setup, the product itself, customer
// service, returns: use).
const stageExpr = `(CASE WHEN s.journey_stage <> '' THEN s.journey_stage ELSE CASE s.touchpoint
	WHEN '' THEN '' WHEN 'product-page' THEN 'consideration' WHEN 'price' THEN 'purchase' WHEN 'delivery' THEN 'purchase'
	WHEN 'packaging' THEN 'purchase' ELSE 'use' END END)`

// Stage is one stage of the customer journey of a selection.
type Stage struct {
	Stage       string  `json:"stage"`
	Sentences   int     `json:"sentences"`
	Reviewers   int     `json:"reviewers"`
	Pains       int     `json:"pains"`
	Gains       int     `json:"gains"`
	Feeling     float64 `json:"feeling"`     // mean polarity score of its sentences, -1 … 1
	Touchpoints []Count `json:"touchpoints"` // reviewers who speak of each, most first
	TopPain     *Quote  `json:"top_pain,omitempty"`
	TopGain     *Quote  `json:"top_gain,omitempty"`
	// Opportunity is the most representative request or unmet need of the
	// stage ("I wish it had a timer").
	Opportunity *Quote `json:"opportunity,omitempty"`
}

// Journey builds the customer journey of a selection: per stage that has
// sentences, its sentences and reviewers, the feeling (mean polarity), the
// touchpoints named, the top pain, the top gain and the opportunity.
func Journey(ctx context.Context, db *sql.DB, c *classifiers.Classifier, f Filter) ([]Stage, error) {
	where, args := f.where()
	from := ` FROM sentences s JOIN documents d ON d.id = s.document_id WHERE ` + where
	rows, err := db.QueryContext(ctx, `SELECT `+stageExpr+` AS stage, count(*), count(DISTINCT `+reviewerKey+`), sum(s.polarity = 'pain'),
		sum(s.polarity = 'gain'), avg(s.polarity_score)`+from+` GROUP BY stage`, args...)
	if err != nil {
		return nil, fmt.Errorf("journey: %w", err)
	}
	byStage := map[string]*Stage{}
	for rows.Next() {
		st := &Stage{}
		if err := rows.Scan(&st.Stage, &st.Sentences, &st.Reviewers, &st.Pains, &st.Gains, &st.Feeling); err != nil {
			rows.Close()
			return nil, fmt.Errorf("journey: %w", err)
		}
		st.Feeling = math.Round(st.Feeling*1000) / 1000
		byStage[st.Stage] = st
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("journey: %w", err)
	}
	rows, err = db.QueryContext(ctx, `SELECT `+stageExpr+` AS stage, s.touchpoint, count(DISTINCT `+reviewerKey+`)`+from+` AND s.touchpoint <> ''
		GROUP BY stage, s.touchpoint`, args...)
	if err != nil {
		return nil, fmt.Errorf("journey: %w", err)
	}
	for rows.Next() {
		var stage string
		var t Count
		if err := rows.Scan(&stage, &t.Label, &t.N); err != nil {
			rows.Close()
			return nil, fmt.Errorf("journey: %w", err)
		}
		if st := byStage[stage]; st != nil {
			st.Touchpoints = append(st.Touchpoints, t)
		}
	}
	rows.Close()
	var out []Stage
	for _, name := range JourneyStages {
		st := byStage[name]
		if st == nil {
			continue
		}
		sort.Slice(st.Touchpoints, func(i, j int) bool {
			a, b := st.Touchpoints[i], st.Touchpoints[j]
			return a.N > b.N || a.N == b.N && a.Label < b.Label
		})
		for _, q := range []struct {
			category string
			n        int
			dst      **Quote
		}{{"pain", st.Pains, &st.TopPain}, {"gain", st.Gains, &st.TopGain}, {"request", 1, &st.Opportunity}} {
			if q.n == 0 {
				continue
			}
			qs, err := Quotes(ctx, db, c, f, q.category, QuoteOptions{N: 1, Stage: name})
			if err != nil {
				return nil, err
			}
			if len(qs) > 0 {
				*q.dst = &qs[0]
			}
		}
		out = append(out, *st)
	}
	return out, nil
}

// requestCond is the SQL condition on sentences aliased s that holds a
// request cue of the classifier.
func requestCond(c *classifiers.Classifier) string {
	var or []string
	for _, cue := range c.RequestCues() {
		or = append(or, "lower(s.text) LIKE '%"+strings.ReplaceAll(cue, "'", "''")+"%'")
	}
	if len(or) == 0 {
		return "0"
	}
	return "(" + strings.Join(or, " OR ") + ")"
}

// MostlyChinese reports whether most documents of the selection are
// Chinese, for which journey stages (and forces) have no cues yet.
func MostlyChinese(ctx context.Context, db *sql.DB, f Filter) (bool, error) {
	where, args := f.where()
	var docs, zh int
	if err := db.QueryRowContext(ctx, `SELECT count(*), count(CASE WHEN d.lang LIKE 'zh%' THEN 1 END) FROM documents d WHERE d.id IN
		(SELECT s.document_id FROM sentences s JOIN documents d ON d.id = s.document_id WHERE `+where+`)`, args...).Scan(&docs, &zh); err != nil {
		return false, fmt.Errorf("journey: %w", err)
	}
	return docs > 0 && 2*zh > docs, nil
}
