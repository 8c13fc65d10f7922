package report

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"jobminer/classifiers"
)

// Force is one switching force of a selection: how many reviewers state
// it, its most representative quote, and the alternatives named in its
// sentences (what they came from, what they compare with).
type Force struct {
	Force        string  `json:"force"` // push, pull, anxiety or habit
	Reviewers    int     `json:"reviewers"`
	Sentences    int     `json:"sentences"`
	Quote        *Quote  `json:"quote,omitempty"`
	Alternatives []Group `json:"alternatives,omitempty"`
}

// forceTitles say what each force means on the canvas.
var forceTitles = map[string]string{
	"push":    "why they left (push)",
	"pull":    "what drew them (pull)",
	"anxiety": "what almost stopped them (anxiety)",
	"habit":   "what held them back (habit)",
}

// determiners are the words a segment key drops ("my elderly dad" and
// "our elderly dad" are one segment).
var determiners = map[string]bool{"my": true, "our": true, "his": true, "her": true, "their": true, "a": true, "an": true, "the": true, "your": true}

// segmentKey groups segment phrases: lower case, without a leading
// possessive or article, the last word folded ("my sons" → "son").
func segmentKey(phrase string) (string, string) {
	words := strings.Fields(strings.ToLower(phrase))
	for len(words) > 1 && determiners[words[0]] {
		words = words[1:]
	}
	shown := strings.Join(words, " ")
	if len(words) > 0 {
		words[len(words)-1] = classifiers.Fold(words[len(words)-1])
	}
	return strings.Join(words, " "), shown
}

// segments counts the kinds of customer the selection's reviewers name.
func segments(ctx context.Context, db *sql.DB, from string, args []any, n int) ([]Group, error) {
	return groupsBy(ctx, db, "s.segment", from, args, n, segmentKey)
}

// forces counts each switching force with its quote and alternatives.
func forces(ctx context.Context, db *sql.DB, c *classifiers.Classifier, f Filter, from string, args []any, n int) ([]Force, error) {
	var out []Force
	for _, name := range classifiers.Forces {
		fc := Force{Force: name}
		cond := ` AND s.force = '` + name + `'`
		if err := db.QueryRowContext(ctx, `SELECT count(*), count(DISTINCT `+reviewerKey+`)`+from+cond, args...).Scan(&fc.Sentences, &fc.Reviewers); err != nil {
			return nil, fmt.Errorf("canvas forces: %w", err)
		}
		if fc.Sentences == 0 {
			continue
		}
		qs, err := Quotes(ctx, db, c, f, "force:"+name, QuoteOptions{N: 1, MinLength: 20})
		if err != nil {
			return nil, err
		}
		if len(qs) > 0 {
			fc.Quote = &qs[0]
		}
		if fc.Alternatives, err = phraseGroups(ctx, db, "s.alternative", from+cond, args, n); err != nil {
			return nil, err
		}
		out = append(out, fc)
	}
	return out, nil
}

// Verdicts of a dimension in the role zone.
const (
	MainAxis   = "main axis"
	Supporting = "supporting"
	NotMain    = "not a main message"
)

// roleVerdict says what a dimension is in the message, by this rule: the
// dimension with the most reviewers is the main axis when at least 20% of
// the selection's reviewers state it; another is supporting when it has
// at least half the main axis's reviewers and 10% of all; the rest are
// not a main message.
func roleVerdict(d Dimension, top Dimension) string {
	switch {
	case d.Name == top.Name && d.Share >= 0.20:
		return MainAxis
	case d.Name != top.Name && top.Share >= 0.20 && d.Reviewers*2 >= top.Reviewers && d.Share >= 0.10:
		return Supporting
	}
	return NotMain
}

// conclusions writes the one-line conclusion under each zone, from the
// zone's top entries and the numbers that justify them.
func conclusions(cv *Canvas) map[string]string {
	out := map[string]string{}
	customer := ""
	if len(cv.Customer.Segments) > 0 {
		s := cv.Customer.Segments[0]
		customer = fmt.Sprintf("The kind of customer named most is %s (%s)", s.Phrase, reviewers(s.Count))
	} else {
		customer = "The reviewers do not say what kind of customer they are"
	}
	if len(cv.Customer.PainThemes) > 0 {
		t := cv.Customer.PainThemes[0]
		// The first theme of the pains (ranked by rankThemes: pain
		// mentions weighed by reviewers), with its pain count and its share
		// of the theme's mentions (a theme talked of mostly with praise can
		// still hold the most complaints).
		if t.Mentions < smallCount {
			customer += fmt.Sprintf("; their pains weigh most on %s (%d of its %d mentions)", t.Name, t.Pain, t.Mentions)
		} else {
			customer += fmt.Sprintf("; their pains weigh most on %s (%d pain mentions, %s of its %d)", t.Name, t.Pain, share(t.Pain, t.Mentions), t.Mentions)
		}
	}
	out["customer"] = customer + "."
	// A job or situation one reviewer states is an anecdote, not a
	// conclusion.
	switch {
	case len(cv.Job.Statements) == 0:
		out["job"] = "The reviews state no job."
	case cv.Job.Statements[0].Count < 2:
		out["job"] = "No job is stated by more than one reviewer."
	case len(cv.Job.Situations) > 0 && cv.Job.Situations[0].Count >= 2:
		out["job"] = fmt.Sprintf("The job stated most: %s (%s); the situation named most: %s (%s).",
			cv.Job.Statements[0].Phrase, reviewers(cv.Job.Statements[0].Count), cv.Job.Situations[0].Phrase, reviewers(cv.Job.Situations[0].Count))
	default:
		out["job"] = fmt.Sprintf("The job stated most: %s (%s).", cv.Job.Statements[0].Phrase, reviewers(cv.Job.Statements[0].Count))
	}
	if cv.Role.Main != "" {
		var main Dimension
		for _, d := range cv.Outcomes {
			if d.Name == cv.Role.Main {
				main = d
			}
		}
		kw := ""
		if len(main.Keywords) > 0 {
			kw = fmt.Sprintf(", led by %q", main.Keywords[0].Label)
		}
		out["outcome"] = fmt.Sprintf("%s results come first: %.0f%% of reviewers state one%s.", strings.ToUpper(main.Name[:1])+main.Name[1:], 100*main.Share, kw)
		switch cv.Role.Verdicts[cv.Role.Main] {
		case MainAxis:
			role := "Lead the message with " + cv.Role.Main + " results"
			var support []string
			for _, d := range classifiers.Dimensions {
				if cv.Role.Verdicts[d] == Supporting {
					support = append(support, d)
				}
			}
			if len(support) > 0 {
				role += ", supported by " + strings.Join(support, " and ")
			}
			out["role"] = role + "."
		default:
			out["role"] = "No dimension is stated by a fifth of the reviewers: the reviews give no main message."
		}
	}
	return out
}

// reviewers writes a count of reviewers: "1 reviewer", "12 reviewers".
func reviewers(n int) string { return counted(n, "reviewer") }
