package report

import (
	"fmt"
	"html/template"
	"io"
	"strings"
)

// minGap is the difference in pain share a comparison's "where they
// differ" section starts at.
const minGap = 0.15

// cellText writes a theme's shares for one product: "30 mentions: pain
// 40%, gain 50%", or counts under 10 mentions ("6 mentions: 1 pain, 5
// gain"); "-" for none.
func cellText(c CompareCell) string {
	switch {
	case c.Mentions == 0:
		return "-"
	case c.Mentions == 1:
		return fmt.Sprintf("1 mention: %d pain, %d gain", c.Pain, c.Gain)
	case c.Mentions < smallCount:
		return fmt.Sprintf("%d mentions: %d pain, %d gain", c.Mentions, c.Pain, c.Gain)
	}
	return fmt.Sprintf("%d mentions: pain %s, gain %s", c.Mentions, share(c.Pain, c.Mentions), share(c.Gain, c.Mentions))
}

// WriteMarkdown writes the comparison: a table of the themes with a
// column per product, then the themes the products differ on most, each
// with the quotes that make the difference.
func (cmp *Comparison) WriteMarkdown(w io.Writer) {
	fmt.Fprintf(w, "# Themes compared: %s\n\n", strings.Join(cmp.Products, " vs "))
	var who []string
	for i, p := range cmp.Products {
		who = append(who, fmt.Sprintf("%s %d", p, cmp.Reviewers[i]))
	}
	fmt.Fprintf(w, "%s. Reviewers who name a theme: %s.\n\n", cmp.Selection, strings.Join(who, ", "))
	for _, note := range sharedNotes(cmp.Shared) {
		fmt.Fprintf(w, "%s\n\n", note)
	}
	if len(cmp.Themes) == 0 {
		fmt.Fprintln(w, "No aspect terms found in the selected sentences.")
		return
	}
	fmt.Fprintf(w, "| theme | %s |\n|---|%s\n", strings.Join(cmp.Products, " | "), strings.Repeat("---|", len(cmp.Products)))
	for _, t := range cmp.Themes {
		var cells []string
		for _, c := range t.Cells {
			cells = append(cells, cellText(c))
		}
		fmt.Fprintf(w, "| %s | %s |\n", t.Theme, strings.Join(cells, " | "))
	}
	diffs := cmp.Differences(minGap)
	fmt.Fprintf(w, "\n## Where they differ\n\n")
	if len(diffs) == 0 {
		fmt.Fprintf(w, "No theme's pain share differs by %.0f points or more between products with %d mentions of it or more.\n", 100*minGap, MinCompared)
		return
	}
	for _, t := range diffs {
		worse, better := t.Cell(t.Worse), t.Cell(t.Better)
		fmt.Fprintf(w, "### %s: pain %s for %s, %s for %s\n\n", t.Theme, share(worse.Pain, worse.Mentions), t.Worse, shareOf(better.Pain, better.Mentions), t.Better)
		if q := worse.PainQuote; q != nil {
			fmt.Fprintf(w, "> %s\n> — %s\n\n", q.Text, mdSource(*q))
		}
		if q := better.GainQuote; q != nil {
			fmt.Fprintf(w, "> %s\n> — %s\n\n", q.Text, mdSource(*q))
		}
	}
}

// sharedNote says that two products' columns are partly the same reviews.
func sharedNote(s SharedSentences) string {
	return fmt.Sprintf("Note: %s and %s share %d of their sentences that name a theme (the same reviewer's same words, as when an export copies a review onto each variant of a product): their columns partly count the same reviews.", s.A, s.B, s.Sentences)
}

// sharedNotes says which products share sentences, the three pairs that
// share most, then how many more pairs do.
func sharedNotes(shared []SharedSentences) []string {
	var out []string
	for i, s := range shared {
		if i == 3 {
			out = append(out, fmt.Sprintf("%d more pairs of these products share sentences (the JSON output lists them).", len(shared)-3))
			break
		}
		out = append(out, sharedNote(s))
	}
	return out
}

var compareHTML = template.Must(template.New("compare.html.tmpl").Funcs(template.FuncMap{
	"cell":  cellText,
	"share": share,
	"pct":   func(f float64) string { return fmt.Sprintf("%.0f%%", 100*f) },
	"stars": func(r *float64) string { return fmt.Sprintf("%g★", *r) },
	"lean": func(c CompareCell) template.CSS {
		if c.Mentions == 0 {
			return "#ffffff"
		}
		return template.CSS(leanColor(float64(c.Gain-c.Pain) / float64(c.Mentions)))
	},
	"diffs":       func(cmp *Comparison) []CompareTheme { return cmp.Differences(minGap) },
	"join":        strings.Join,
	"sharedNotes": sharedNotes,
	"minGap":      func() string { return fmt.Sprintf("%.0f", 100*minGap) },
	"minCompared": func() int { return MinCompared },
}).ParseFS(templates, "templates/compare.html.tmpl"))

// WriteHTML writes the comparison as a standalone HTML page.
func (cmp *Comparison) WriteHTML(w io.Writer) error {
	return compareHTML.Execute(w, cmp)
}
