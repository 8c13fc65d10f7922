package report

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"time"

	"jobminer/classifiers"
)

// Periods a trend can be counted by.
var Periods = []string{"week", "month", "quarter"}

// TrendOptions bound a trend.
type TrendOptions struct {
	By       string   // "week", "month" (default) or "quarter"
	N        int      // themes to follow, the most reviewed first (default 6)
	Themes   []string // follow these themes instead (by name)
	Progress func(done, total int)
}

// TrendPoint is one theme in one period.
type TrendPoint struct {
	Period    string  `json:"period"` // "2018-03", "2018-Q1" or "2018-W09"
	Start     string  `json:"start"`  // first day, YYYY-MM-DD
	Mentions  int     `json:"mentions"`
	Reviewers int     `json:"reviewers"`
	Pain      int     `json:"pain"`
	Gain      int     `json:"gain"`
	PainShare float64 `json:"pain_share"` // 0 when there are no mentions
	GainShare float64 `json:"gain_share"`
}

// TrendSeries is one theme over the periods, one point per period (with
// no mentions where the theme was not named).
type TrendSeries struct {
	Theme    string       `json:"theme"`
	Mentions int          `json:"mentions"` // dated mentions, all periods
	Points   []TrendPoint `json:"points"`
}

// TrendResult is the volume and pain share of themes over time.
type TrendResult struct {
	Selection string        `json:"selection"`
	By        string        `json:"by"`
	Periods   []string      `json:"periods"`
	Series    []TrendSeries `json:"series"`
	// Undated counts the mentions of the followed themes in documents
	// without a date, which no period holds.
	Undated int `json:"undated"`
}

// Trend counts, per period and per theme, the mentions, reviewers and
// pain and gain shares of the selection. Themes are grouped over the
// whole selection first, so a theme means the same in every period.
func Trend(ctx context.Context, db *sql.DB, c *classifiers.Classifier, f Filter, o TrendOptions) (*TrendResult, error) {
	if o.By == "" {
		o.By = "month"
	}
	if !slices.Contains(Periods, o.By) {
		return nil, fmt.Errorf("trend: unknown period %q (week, month or quarter)", o.By)
	}
	if o.N <= 0 {
		o.N = 6
	}
	rows, err := aspectRows(ctx, db, c, f, false, o.Progress)
	if err != nil {
		return nil, err
	}
	themeOf := themeMap(c, rows)
	res := &TrendResult{Selection: f.Describe(), By: o.By}
	var follow []string
	if len(o.Themes) > 0 {
		follow = o.Themes
	} else {
		for _, t := range rankThemes(buildThemes(rows, themeOf), "mentions", o.N) {
			follow = append(follow, t.Name)
		}
	}
	if len(follow) == 0 {
		return res, nil
	}
	// The periods run from the first dated mention to the last, none left
	// out, so a chart's x axis is time.
	byPeriod := map[string][]aspectRow{}
	var first, last time.Time
	var names []string
	for i := range rows {
		r := &rows[i]
		names = rowThemes(names[:0], r, themeOf)
		if !slices.ContainsFunc(names, func(n string) bool { return slices.Contains(follow, n) }) {
			continue
		}
		if r.posted == 0 {
			for _, n := range names {
				if slices.Contains(follow, n) {
					res.Undated++
				}
			}
			continue
		}
		start, label := periodOf(time.Unix(r.posted, 0).UTC(), o.By)
		if first.IsZero() || start.Before(first) {
			first = start
		}
		if start.After(last) {
			last = start
		}
		byPeriod[label] = append(byPeriod[label], *r)
	}
	if first.IsZero() {
		for _, n := range follow {
			res.Series = append(res.Series, TrendSeries{Theme: n})
		}
		return res, nil
	}
	series := make([]TrendSeries, len(follow))
	for i, n := range follow {
		series[i].Theme = n
	}
	for t := first; !t.After(last); t = nextPeriod(t, o.By) {
		_, label := periodOf(t, o.By)
		res.Periods = append(res.Periods, label)
		counted := map[string]Theme{}
		for _, th := range buildThemes(byPeriod[label], themeOf) {
			counted[th.Name] = th
		}
		for i, n := range follow {
			th := counted[n]
			p := TrendPoint{Period: label, Start: t.Format("2006-01-02"), Mentions: th.Mentions, Reviewers: th.Reviewers,
				Pain: th.Pain, Gain: th.Gain, PainShare: th.PainShare, GainShare: th.GainShare}
			series[i].Points = append(series[i].Points, p)
			series[i].Mentions += p.Mentions
		}
	}
	res.Series = series
	return res, nil
}

// periodOf returns the first day of the period holding t, and its label.
func periodOf(t time.Time, by string) (time.Time, string) {
	y, m, d := t.Date()
	switch by {
	case "week": // ISO weeks start on Monday
		start := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
		start = start.AddDate(0, 0, -((int(start.Weekday()) + 6) % 7))
		wy, w := start.ISOWeek()
		return start, fmt.Sprintf("%d-W%02d", wy, w)
	case "quarter":
		q := (int(m) - 1) / 3
		return time.Date(y, time.Month(3*q+1), 1, 0, 0, 0, 0, time.UTC), fmt.Sprintf("%d-Q%d", y, q+1)
	}
	return time.Date(y, m, 1, 0, 0, 0, 0, time.UTC), fmt.Sprintf("%d-%02d", y, m)
}

// nextPeriod returns the first day of the period after the one starting
// at start.
func nextPeriod(start time.Time, by string) time.Time {
	switch by {
	case "week":
		return start.AddDate(0, 0, 7)
	case "quarter":
		return start.AddDate(0, 3, 0)
	}
	return start.AddDate(0, 1, 0)
}
