package report

import (
	"context"
	"database/sql"
	"fmt"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"jobminer/classifiers"
	"jobminer/classifiers/lang"
)

// Ref points at one document a claim comes from.
type Ref struct {
	ID  string `json:"review_id"`
	URL string `json:"url,omitempty"`
}

// Group is a phrase customers used, how often, and where.
type Group struct {
	Phrase  string `json:"phrase"`
	Count   int    `json:"count"`   // reviewers who wrote it
	Reviews []Ref  `json:"reviews"` // the first few
}

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
	Documents int    `json:"documents"`
	Sentences int    `json:"sentences"`
	Reviewers int    `json:"reviewers"` // distinct authors within a source (documents without one count alone)
	Customer  struct {
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
	if err := db.QueryRowContext(ctx, `SELECT count(DISTINCT s.document_id), count(*), count(DISTINCT `+reviewerKey+`)`+from, args...).Scan(&cv.Documents, &cv.Sentences, &cv.Reviewers); err != nil {
		return nil, fmt.Errorf("canvas: %w", err)
	}
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
	if cv.Job.Statements, err = groups(ctx, db, "s.job", from, args, o.Groups); err != nil {
		return nil, err
	}
	if cv.Job.Situations, err = groups(ctx, db, "s.situation", from, args, o.Groups); err != nil {
		return nil, err
	}
	if cv.Job.Stories, err = stories(ctx, db, from, args, o.Groups); err != nil {
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
	if cv.Alternatives, err = groups(ctx, db, "s.alternative", from, args, o.Groups); err != nil {
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

// groups counts the distinct values of a phrase column (case folded),
// most frequent first, with the first reviews of each: one pass over the
// sentences that have the phrase.
func groups(ctx context.Context, db *sql.DB, col, from string, args []any, n int) ([]Group, error) {
	return groupsBy(ctx, db, col, from, args, n, func(phrase string) (string, string) { return strings.ToLower(phrase), phrase })
}

// groupsBy is groups with phrases grouped by key, which also gives the
// phrase a group shows.
func groupsBy(ctx context.Context, db *sql.DB, col, from string, args []any, n int, key func(string) (string, string)) ([]Group, error) {
	rows, err := db.QueryContext(ctx, `SELECT `+col+`, d.external_id, d.url, `+reviewerKey+from+` AND `+col+` <> '' ORDER BY s.document_id, s.position`, args...)
	if err != nil {
		return nil, fmt.Errorf("canvas %s: %w", col, err)
	}
	defer rows.Close()
	byKey := map[string]*Group{}
	said := sayings{} // each reviewer counts once per phrase
	for rows.Next() {
		var phrase, id, url, reviewer string
		if err := rows.Scan(&phrase, &id, &url, &reviewer); err != nil {
			return nil, fmt.Errorf("canvas %s: %w", col, err)
		}
		key, shown := key(phrase)
		g := byKey[key]
		if g == nil {
			g = &Group{Phrase: shown}
			byKey[key] = g
		}
		if !said.first(reviewer, key) {
			continue
		}
		g.Count++
		if len(g.Reviews) < 5 && (len(g.Reviews) == 0 || g.Reviews[len(g.Reviews)-1].ID != id) {
			g.Reviews = append(g.Reviews, Ref{ID: id, URL: url})
		}
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	out := make([]Group, 0, len(byKey))
	for _, g := range byKey {
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

// stories writes job stories: for the most frequent jobs, the situation
// most often named with them (in the same review) and the strongest
// outcome-bearing gain sentence of such a review.
func stories(ctx context.Context, db *sql.DB, from string, args []any, n int) ([]Story, error) {
	q := `SELECT d.external_id, d.url, ` + reviewerKey + `, s.job,
		(SELECT x.situation FROM sentences x WHERE x.document_id = s.document_id AND x.situation <> '' ORDER BY x.position LIMIT 1),
		(SELECT x.text FROM sentences x WHERE x.document_id = s.document_id AND x.polarity = 'gain' AND x.outcomes <> ''
			AND x.position <> s.position ORDER BY x.polarity_score DESC LIMIT 1)` + from + ` AND s.job <> '' ORDER BY s.document_id, s.position LIMIT 20000`
	rows, err := db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("canvas stories: %w", err)
	}
	defer rows.Close()
	type acc struct {
		job        string
		count      int
		situations map[string]int
		outcome    string
		refs       []Ref
	}
	byJob := map[string]*acc{}
	var order []string
	said := sayings{} // each reviewer counts once per job
	for rows.Next() {
		var id, url, reviewer, job string
		var situation, outcome sql.NullString
		if err := rows.Scan(&id, &url, &reviewer, &job, &situation, &outcome); err != nil {
			return nil, err
		}
		key := strings.ToLower(job)
		a := byJob[key]
		if a == nil {
			a = &acc{job: job, situations: map[string]int{}}
			byJob[key] = a
			order = append(order, key)
		}
		if !said.first(reviewer, key) {
			continue
		}
		a.count++
		if situation.String != "" {
			a.situations[situation.String]++
		}
		if situation.String != "" && outcome.String != "" && len(a.refs) < 5 {
			if a.outcome == "" {
				a.outcome = outcome.String
			}
			a.refs = append(a.refs, Ref{ID: id, URL: url})
		}
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	sort.SliceStable(order, func(i, j int) bool { return byJob[order[i]].count > byJob[order[j]].count })
	var out []Story
	for _, k := range order {
		a := byJob[k]
		if a.outcome == "" || len(a.situations) == 0 {
			continue
		}
		sit := mostUsed(a.situations)
		if !storyParts(sit, a.job) {
			continue // a story only from parts that make one: no "When if …", no "I want to with …"
		}
		st := Story{Situation: sit, Job: a.job, Outcome: a.outcome, Count: a.count, Reviews: a.refs}
		st.Text = jobStory(sit, a.job, a.outcome)
		out = append(out, st)
		if len(out) == n {
			break
		}
	}
	return out, nil
}

// jobStory writes "When …, I want to …, so I can …" from the phrases.
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

// storyParts reports whether a situation and a job can make a job story:
// a situation that sets a scene (not a condition: "if it were still
// available"), and a job that starts with "to" and a verb or "for" and a
// use ("to fall asleep faster", "for my daily commute").
func storyParts(situation, job string) bool {
	if lang.LooksChinese(situation) || lang.LooksChinese(job) {
		// Chinese phrases come from cues that set a scene and a purpose.
		return utf8.RuneCountInString(situation) >= 2 && utf8.RuneCountInString(job) >= 2
	}
	sit := strings.Fields(strings.ToLower(situation))
	words := strings.Fields(strings.ToLower(job))
	if len(sit) < 2 || sit[0] == "if" || sit[0] == "unless" || len(words) < 2 {
		return false
	}
	switch words[0] {
	case "to": // a verb follows, not a preposition or an article
		switch words[1] {
		case "with", "to", "for", "the", "a", "an", "my", "be", "of", "in", "on", "at", "it", "this", "that":
			return false
		}
	case "for": // a use follows, not a duration
		switch words[1] {
		case "with", "to", "for", "of", "years", "months", "weeks", "days", "hours", "ages":
			return false
		}
	}
	return true
}

func jobStory(situation, job, outcome string) string {
	if lang.LooksChinese(situation) || lang.LooksChinese(job) {
		return jobStoryChinese(situation, job, outcome)
	}
	sit := strings.TrimSpace(situation)
	first, _, _ := strings.Cut(strings.ToLower(sit), " ")
	switch first {
	case "when", "whenever", "after", "before", "during", "while", "since", "every", "each":
		sit = upperFirst(sit) // "After night shifts", "When I travel"
	default:
		sit = "When " + lowerFirst(sit) // "When on trips", "When at the gym"
	}
	want := strings.TrimSpace(job)
	switch {
	case strings.HasPrefix(strings.ToLower(want), "to "):
		want = "I want " + want
	case strings.HasPrefix(strings.ToLower(want), "for "):
		want = "I want something " + want
	case strings.HasPrefix(strings.ToLower(want), "that "):
		want = "I want something " + want
	default:
		want = "I want to " + want
	}
	res := strings.TrimRight(strings.TrimSpace(outcome), ".!? ")
	so := "so I can say: \u201c" + res + "\u201d"
	if rest, ok := strings.CutPrefix(res, "I "); ok && !strings.HasPrefix(rest, "bought") && !strings.HasPrefix(rest, "got") {
		so = "so I can " + strings.TrimPrefix(strings.TrimPrefix(rest, "can "), "now ")
	}
	return sit + ", " + want + ", " + so + "."
}

func lowerFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if r == 'I' && (len(s) == 1 || s[1] == ' ' || s[1] == '\'') {
		return s
	}
	return string(unicode.ToLower(r)) + s[n:]
}

func upperFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
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

// jobStoryChinese writes a job story in Chinese word order:
// 「當…的時候，我想要…，這樣我就能說：「…」」.
func jobStoryChinese(situation, job, outcome string) string {
	sit := strings.TrimSpace(situation)
	sit = strings.TrimPrefix(sit, "當")
	if !strings.HasSuffix(sit, "的時候") && !strings.HasSuffix(sit, "的时候") && !strings.HasSuffix(sit, "時候") {
		sit += "的時候"
	}
	res := strings.TrimRight(strings.TrimSpace(outcome), "。！？!?.~～ ")
	return "當" + sit + "，我想要" + strings.TrimSpace(job) + "，這樣我就能說：「" + res + "」。"
}
