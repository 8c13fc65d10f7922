package report

import (
	"context"
	"database/sql"
	"math"
	"slices"
	"sort"
	"strings"

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
	// The sentences the quotes will be made of (see quoteThemes).
	painRow, gainRow *aspectRow
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

// Themes groups the aspect terms of the selected sentences into themes.
// A sentence's terms are found the first time a report asks (and stored
// in sentence_aspects); later reports read them.
func Themes(ctx context.Context, db *sql.DB, c *classifiers.Classifier, f Filter, o ThemeOptions) ([]Theme, error) {
	all, err := allThemes(ctx, db, c, f, o.Progress)
	if err != nil {
		return nil, err
	}
	out := rankThemes(all, o.By, o.N)
	return out, quoteThemes(ctx, db, out)
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
				th.painRow = betterRow(th.painRow, r)
			case "gain":
				th.Gain++
				th.gainRow = betterRow(th.gainRow, r)
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

// betterRow keeps the stronger of two sentences to quote for a theme: one
// that says its side first (saysIt), then a readable length, then
// strength of feeling, then helpful votes.
func betterRow(old, r *aspectRow) *aspectRow {
	if old == nil {
		return r
	}
	if saysIt(r.polarity, r.score, r.evidence) != saysIt(old.polarity, old.score, old.evidence) {
		if saysIt(r.polarity, r.score, r.evidence) {
			return r // its own words say the pain or gain
		}
		return old
	}
	fits := func(r *aspectRow) bool { return len(r.text) >= 30 && len(r.text) <= 280 }
	if fits(r) != fits(old) {
		if fits(r) {
			return r
		}
		return old
	}
	if a, b := math.Abs(r.score), math.Abs(old.score); a != b {
		if a > b {
			return r
		}
		return old
	}
	if r.helpful > old.helpful {
		return r
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
