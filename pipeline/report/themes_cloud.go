package report

import (
	"context"
	"database/sql"

	"jobminer/classifiers"
)

// AspectCloud is a tag cloud of the selection's themes (what its
// sentences are about): size by the reviewers who name the theme, colour
// by its pain and gain shares, (gain - pain) / mentions, so a theme
// praised and blamed alike is grey and one mostly blamed is red.
func AspectCloud(ctx context.Context, db *sql.DB, c *classifiers.Classifier, f Filter, o CloudOptions, progress func(done, total int)) (*CloudResult, error) {
	if o.N <= 0 {
		o.N = 60
	}
	if o.MinCount <= 0 {
		o.MinCount = 2
	}
	rows, err := aspectRows(ctx, db, c, f, false, progress)
	if err != nil {
		return nil, err
	}
	res := &CloudResult{Selection: f.Describe(), Category: "aspect", Method: "reviewers naming the theme"}
	for _, r := range rows {
		if len(r.terms) > 0 {
			res.Sentences++ // sentences that name a theme
		}
	}
	all := buildThemes(rows, themeMap(c, rows))
	for _, t := range rankThemes(all, "mentions", len(all)) {
		if t.Mentions < o.MinCount || len(res.Terms) == o.N {
			continue
		}
		key := t.Name
		if len(t.Terms) > 0 {
			key = t.Terms[0].Term
		}
		res.Terms = append(res.Terms, CloudTerm{Term: t.Name, Key: key, Count: t.Mentions, Reviewers: t.Reviewers, Weight: float64(t.Reviewers),
			Pain: t.Pain, Gain: t.Gain, Lean: float64(t.Gain-t.Pain) / float64(t.Mentions)})
	}
	return res, nil
}
