package report

import (
	"context"
	"database/sql"
	"fmt"
	"path"
	"path/filepath"
	"sort"
	"strings"

	"jobminer/classifiers"
	"jobminer/classifiers/lang"
)

// Ref points at one document a claim comes from.
type Ref struct {
	ID   string `json:"review_id"`
	URL  string `json:"url,omitempty"`
	File string `json:"file,omitempty"` // with a "line N" id, the file it is a line of
}

// refFile is the SQL of a Ref's file: the source's file when the review's
// id is a line of it.
const refFile = `CASE WHEN d.external_id LIKE 'line %' THEN coalesce((SELECT location FROM sources WHERE id = d.source_id), '') ELSE '' END`

// Of is the base name of the file a "line N" id is a line of, or "".
func (r Ref) Of() string { return lineOf(r.ID, r.File) }

// lineOf is the base name of file when id is a "line N" id, else "".
func lineOf(id, file string) string {
	if !strings.HasPrefix(id, "line ") || file == "" {
		return ""
	}
	return path.Base(filepath.ToSlash(file))
}

// Group is a phrase customers used, how often, and where.
type Group struct {
	Phrase  string `json:"phrase"`
	Count   int    `json:"count"`   // reviewers who wrote it
	Reviews []Ref  `json:"reviews"` // the first few
}

// More is how many of the group's reviewers its references leave out.
func (g Group) More() int { return max(g.Count-len(g.Reviews), 0) }

// Story is a job story written from extracted phrases of real reviews.
type Story struct {
	Text      string `json:"text"` // "When …, I want to …, so I can …"
	Situation string `json:"situation"`
	Job       string `json:"job"`
	Outcome   string `json:"outcome"`
	Count     int    `json:"count"` // reviews with this job
	Reviews   []Ref  `json:"reviews"`
}

// Dimension is one outcome dimension of the canvas.
type Dimension struct {
	Name      string  `json:"name"`
	Sentences int     `json:"sentences"`
	Reviewers int     `json:"reviewers"` // who state it: customers, not sentences or copies
	Share     float64 `json:"share"`     // of all reviewers in the selection (the dimensions overlap)
	Keywords  []Count `json:"keywords"`
	Quotes    []Quote `json:"quotes"`
}

// Canvas is the Jobs-to-be-Done canvas of a selection.
type Canvas struct {
	Selection string `json:"selection"`
	// NoChineseCues is set when most of the selection is Chinese, for which
	// switching forces and journey stages have no cues yet.
	NoChineseCues bool `json:"no_chinese_cues,omitempty"`
	Documents     int  `json:"documents"`
	Sentences     int  `json:"sentences"`
	Reviewers     int  `json:"reviewers"` // distinct authors within a source (documents without one count alone)
	Customer      struct {
		MainQuote *Quote      `json:"main_quote,omitempty"`
		Interests []CloudTerm `json:"interests"`
		Pains     []Quote     `json:"pains"`
		Gains     []Quote     `json:"gains"`
		// What the pains and gains are about: the themes with the most
		// pain (gain) reviewers, each with its strongest quote.
		PainThemes []Theme `json:"pain_themes"`
		GainThemes []Theme `json:"gain_themes"`
		// Segments are the kinds of customer the reviewers say they are or
		// buy for ("my elderly dad", "college student"), by reviewers.
		Segments []Group `json:"segments"`
	} `json:"customer"`
	// Switching is the forces of the switch: why they left the old way
	// (push), what drew them (pull), what almost stopped them (anxiety),
	// what held them back (habit).
	Switching []Force `json:"switching"`
	Job       struct {
		Statements []Group `json:"statements"`
		Situations []Group `json:"situations"`
		Stories    []Story `json:"stories"`
	} `json:"job"`
	Outcomes []Dimension `json:"outcomes"`
	Role     struct {
		Main      string             `json:"main"`
		Secondary string             `json:"secondary"`
		Shares    map[string]float64 `json:"shares"`
		// Verdicts say per dimension: main axis, supporting, or not a main
		// message (roleVerdict has the rule).
		Verdicts map[string]string `json:"verdicts"`
	} `json:"role"`
	// Conclusions are one line under each zone (customer, job, outcome,
	// role), written from its top entries and their numbers.
	Conclusions  map[string]string `json:"conclusions"`
	Journey      []Stage           `json:"journey"`
	Alternatives []Group           `json:"alternatives"`
}

// CanvasOptions size the canvas's lists.
type CanvasOptions struct {
	Quotes int // per list (default 5)
	Groups int // job statements, situations, alternatives (default 8)
	Terms  int // interests (default 20)
}

// BuildCanvas assembles the canvas of a selection from the analyzed
// sentences: aggregates in SQL, quotes and the interest cloud from the
// quotes and cloud reports.
func BuildCanvas(ctx context.Context, db *sql.DB, c *classifiers.Classifier, f Filter, o CanvasOptions) (*Canvas, error) {
	if o.Quotes <= 0 {
		o.Quotes = 5
	}
	if o.Groups <= 0 {
		o.Groups = 8
	}
	if o.Terms <= 0 {
		o.Terms = 20
	}
	cv := &Canvas{Selection: f.Describe()}
	where, args := f.where()
	from := ` FROM sentences s JOIN documents d ON d.id = s.document_id WHERE ` + where
	// Forces and journey stages have English cues only: on mostly
	// Chinese text an empty section says that, not that nobody told.
	var zh int
	if err := db.QueryRowContext(ctx, `SELECT count(DISTINCT s.document_id), count(*), count(DISTINCT `+reviewerKey+`),
		count(DISTINCT CASE WHEN d.lang LIKE 'zh%' THEN s.document_id END)`+from, args...).Scan(&cv.Documents, &cv.Sentences, &cv.Reviewers, &zh); err != nil {
		return nil, fmt.Errorf("canvas: %w", err)
	}
	cv.NoChineseCues = cv.Documents > 0 && 2*zh > cv.Documents
	quotes := func(category string, n int, stage string) ([]Quote, error) {
		return Quotes(ctx, db, c, f, category, QuoteOptions{N: n, Stage: stage})
	}
	var err error
	// Customer.
	if main, err := quotes("emotional", 1, ""); err != nil {
		return nil, err
	} else if len(main) > 0 {
		cv.Customer.MainQuote = &main[0]
	}
	if cloud, err := Cloud(ctx, db, c, f, "", CloudOptions{N: o.Terms}); err != nil {
		return nil, err
	} else {
		cv.Customer.Interests = cloud.Terms
	}
	if cv.Customer.Pains, err = quotes("pain", o.Quotes, ""); err != nil {
		return nil, err
	}
	if cv.Customer.Gains, err = quotes("gain", o.Quotes, ""); err != nil {
		return nil, err
	}
	// Job.
	if cv.Job.Statements, err = phraseGroups(ctx, db, "s.job", from, args, o.Groups); err != nil {
		return nil, err
	}
	if cv.Job.Situations, err = phraseGroups(ctx, db, "s.situation", from, args, o.Groups); err != nil { // "for Christmas", "Christmas"
		return nil, err
	}
	if cv.Job.Stories, err = stories(ctx, db, c, from, args, o.Groups); err != nil {
		return nil, err
	}
	// Outcome and role.
	total := 0
	for _, dim := range classifiers.Dimensions {
		cond, _ := categoryCond(dim)
		d := Dimension{Name: dim}
		if err := db.QueryRowContext(ctx, `SELECT count(*), count(DISTINCT `+reviewerKey+`)`+from+` AND `+cond, args...).Scan(&d.Sentences, &d.Reviewers); err != nil {
			return nil, fmt.Errorf("canvas: %w", err)
		}
		if d.Keywords, err = evidenceTerms(ctx, db, dim, from+` AND `+cond, args, 10); err != nil {
			return nil, err
		}
		if d.Quotes, err = quotes(dim, 3, ""); err != nil {
			return nil, err
		}
		total += d.Reviewers
		cv.Outcomes = append(cv.Outcomes, d)
	}
	cv.Role.Shares = map[string]float64{}
	ranked := make([]Dimension, len(cv.Outcomes))
	for i := range cv.Outcomes {
		if cv.Reviewers > 0 {
			// Of all reviewers in the selection, not of those who state some
			// outcome: a dimension few mention shows as small.
			cv.Outcomes[i].Share = float64(int(float64(cv.Outcomes[i].Reviewers)/float64(cv.Reviewers)*1000+0.5)) / 1000
		}
		cv.Role.Shares[cv.Outcomes[i].Name] = cv.Outcomes[i].Share
		ranked[i] = cv.Outcomes[i]
	}
	sort.SliceStable(ranked, func(i, j int) bool { return ranked[i].Reviewers > ranked[j].Reviewers })
	if total > 0 {
		cv.Role.Main, cv.Role.Secondary = ranked[0].Name, ranked[1].Name
	}
	cv.Role.Verdicts = map[string]string{}
	for _, d := range cv.Outcomes {
		cv.Role.Verdicts[d.Name] = roleVerdict(d, ranked[0])
	}
	// Journey.
	if cv.Journey, err = Journey(ctx, db, c, f); err != nil {
		return nil, err
	}
	if cv.Alternatives, err = phraseGroups(ctx, db, "s.alternative", from, args, o.Groups); err != nil {
		return nil, err
	}
	if cv.Customer.PainThemes, cv.Customer.GainThemes, err = sideThemes(ctx, db, c, f, o.Quotes); err != nil {
		return nil, err
	}
	if cv.Customer.Segments, err = segments(ctx, db, from, args, o.Groups); err != nil {
		return nil, err
	}
	if cv.Switching, err = forces(ctx, db, c, f, from, args, 3); err != nil {
		return nil, err
	}
	cv.Conclusions = conclusions(cv)
	return cv, nil
}

// phraseGroups counts the distinct jobs, situations or alternatives of a
// phrase column, most frequent first, with the first reviews of each (one
// pass over the sentences that have one), the same phrase in other words
// as one: "for walking" and "for walks", "the Dot" and "a dot", "for
// Christmas" and "Christmas" (jobKey).
func phraseGroups(ctx context.Context, db *sql.DB, col, from string, args []any, n int) ([]Group, error) {
	return groupsBy(ctx, db, col, from, args, n, func(p string) (string, string) { return jobKey(p), p })
}

// groupsBy is groups with phrases grouped by key, which also gives the
// phrase a group shows.
func groupsBy(ctx context.Context, db *sql.DB, col, from string, args []any, n int, key func(string) (string, string)) ([]Group, error) {
	rows, err := db.QueryContext(ctx, `SELECT `+col+`, d.external_id, d.url, `+reviewerKey+`, `+refFile+from+` AND `+col+` <> '' ORDER BY s.document_id, s.position`, args...)
	if err != nil {
		return nil, fmt.Errorf("canvas %s: %w", col, err)
	}
	defer rows.Close()
	byKey := map[string]*Group{}
	forms := map[string]map[string]int{} // per key, the reviewers of each way it is written
	said := sayings{}                    // each reviewer counts once per phrase
	for rows.Next() {
		var phrase, id, url, reviewer, file string
		if err := rows.Scan(&phrase, &id, &url, &reviewer, &file); err != nil {
			return nil, fmt.Errorf("canvas %s: %w", col, err)
		}
		key, shown := key(phrase)
		g := byKey[key]
		if g == nil {
			g = &Group{Phrase: shown}
			byKey[key] = g
			forms[key] = map[string]int{}
		}
		if !said.first(reviewer, key) {
			continue
		}
		forms[key][shown]++
		g.Count++
		if len(g.Reviews) < 5 && (len(g.Reviews) == 0 || g.Reviews[len(g.Reviews)-1].ID != id) {
			g.Reviews = append(g.Reviews, Ref{ID: id, URL: url, File: file})
		}
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	out := make([]Group, 0, len(byKey))
	for k, g := range byKey {
		g.Phrase = shownForm(forms[k], g.Phrase)
		out = append(out, *g)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Count != out[j].Count {
			return out[i].Count > out[j].Count
		}
		return strings.ToLower(out[i].Phrase) < strings.ToLower(out[j].Phrase)
	})
	if len(out) > n {
		out = out[:n]
	}
	return out, nil
}

// shownForm is the way of writing a phrase that a group shows: the one
// most of its reviewers wrote (the first in byte order on a tie, for a
// stable report), a shouted one ("READ BOOKS") only when there is no
// other, and then in lower case; first when forms is empty.
func shownForm(forms map[string]int, first string) string {
	best := first
	for f, n := range forms {
		switch {
		case shouted(f) != shouted(best):
			if !shouted(f) {
				best = f
			}
		case n > forms[best] || n == forms[best] && f < best:
			best = f
		}
	}
	if shouted(best) {
		return strings.ToLower(best)
	}
	return best
}

// shouted reports a phrase in capitals: two words or more, every letter
// upper case ("READ BOOKS"; not "TV" or "for iPad").
func shouted(s string) bool {
	return lang.CapitalLetters(s) >= 4 && strings.Contains(strings.TrimSpace(s), " ")
}

// evidenceTerms counts the evidence terms of one dimension.
func evidenceTerms(ctx context.Context, db *sql.DB, dim, from string, args []any, n int) ([]Count, error) {
	rows, err := db.QueryContext(ctx, `SELECT s.evidence, s.text`+from, args...)
	if err != nil {
		return nil, fmt.Errorf("canvas keywords: %w", err)
	}
	defer rows.Close()
	counts := map[string]int{}
	prefix := dim + ":"
	for rows.Next() {
		var ev, text string
		if err := rows.Scan(&ev, &text); err != nil {
			return nil, err
		}
		seen := map[string]bool{}
		for _, e := range strings.Split(ev, ",") {
			t, ok := strings.CutPrefix(e, prefix)
			if !ok {
				continue
			}
			t = classifiers.Written(t, text)
			if !seen[t] {
				seen[t] = true
				counts[t]++
			}
		}
	}
	out := make([]Count, 0, len(counts))
	for k, v := range counts {
		out = append(out, Count{Label: k, N: v})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].N != out[j].N {
			return out[i].N > out[j].N
		}
		return out[i].Label < out[j].Label
	})
	if len(out) > n {
		out = out[:n]
	}
	return out, rows.Err()
}

// sayings records what each reviewer said, so that a reviewer counts once
// per phrase.
type sayings map[string]bool

// first records that reviewer said key and reports whether it is the first
// time.
func (s sayings) first(reviewer, key string) bool {
	k := reviewer + "\x00" + key
	if s[k] {
		return false
	}
	s[k] = true
	return true
}

// sideThemes returns the n themes with the most pain and the n with the
// most gain, leaving out themes without a sentence of that side; the
// themes are built once for both.
func sideThemes(ctx context.Context, db *sql.DB, c *classifiers.Classifier, f Filter, n int) (pains, gains []Theme, err error) {
	all, err := allThemes(ctx, db, c, f, nil)
	if err != nil {
		return nil, nil, err
	}
	for _, t := range rankThemes(all, "pain", n) {
		if t.Pain > 0 {
			pains = append(pains, t)
		}
	}
	for _, t := range rankThemes(all, "gain", n) {
		if t.Gain > 0 {
			gains = append(gains, t)
		}
	}
	if err := quoteThemes(ctx, db, pains); err != nil {
		return nil, nil, err
	}
	return pains, gains, quoteThemes(ctx, db, gains)
}
