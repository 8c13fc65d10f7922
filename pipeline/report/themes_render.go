package report

import (
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// smallCount is the number of mentions under which a share is shown as
// counts ("2 of 5"), not as a percentage.
const smallCount = 10

// share writes n of total as a percentage, or as counts when total is small.
func share(n, total int) string {
	if total < smallCount {
		return fmt.Sprintf("%d of %d", n, total)
	}
	return fmt.Sprintf("%.0f%%", 100*float64(n)/float64(total))
}

// shareOf writes n of total mentions: "40% of 30 mentions", or "2 of 5
// mentions" when total is small.
func shareOf(n, total int) string {
	if total < smallCount {
		return fmt.Sprintf("%d of %d mentions", n, total)
	}
	return fmt.Sprintf("%s of %d mentions", share(n, total), total)
}

// listed writes the first max items of a list, each by item, then how
// many more there are: "price (12), scent (9), … 3 more".
func listed[T any](items []T, max int, item func(T) string) string {
	var parts []string
	for i, t := range items {
		if i == max {
			parts = append(parts, fmt.Sprintf("… %d more", len(items)-max))
			break
		}
		parts = append(parts, item(t))
	}
	return strings.Join(parts, ", ")
}

func termList(ts []ThemeTerm, max int) string {
	return listed(ts, max, func(t ThemeTerm) string { return fmt.Sprintf("%s (%d)", t.Term, t.Mentions) })
}

// counted is "1 mention" or "n mentions".
func counted(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// WriteThemesText writes a theme list for reading.
func WriteThemesText(w io.Writer, themes []Theme) {
	for i, t := range themes {
		fmt.Fprintf(w, "%2d. %s: %s by %s; pain %s, gain %s\n", i+1, t.Name, counted(t.Mentions, "mention"), counted(t.Reviewers, "reviewer"),
			share(t.Pain, t.Mentions), share(t.Gain, t.Mentions))
		fmt.Fprintf(w, "    terms: %s\n", termList(t.Terms, 8))
		for _, q := range []struct {
			side string
			q    *Quote
		}{{"pain", t.PainQuote}, {"gain", t.GainQuote}} {
			if q.q != nil {
				fmt.Fprintf(w, "    %s: \u201c%s\u201d\n          %s\n", q.side, q.q.Text, quoteSource(*q.q))
			}
		}
	}
}

// WriteThemesCSV writes one row per theme.
func WriteThemesCSV(w io.Writer, themes []Theme) error {
	cw := csv.NewWriter(w)
	cw.Write([]string{"theme", "terms", "mentions", "reviewers", "pain", "gain", "pain_share", "gain_share",
		"pain_quote", "pain_review_id", "pain_source", "gain_quote", "gain_review_id", "gain_source"})
	for _, t := range themes {
		var terms []string
		for _, m := range t.Terms {
			terms = append(terms, m.Term)
		}
		row := []string{t.Name, strings.Join(terms, "; "), strconv.Itoa(t.Mentions), strconv.Itoa(t.Reviewers), strconv.Itoa(t.Pain), strconv.Itoa(t.Gain),
			strconv.FormatFloat(t.PainShare, 'f', 3, 64), strconv.FormatFloat(t.GainShare, 'f', 3, 64)}
		for _, q := range []*Quote{t.PainQuote, t.GainQuote} {
			if q == nil {
				row = append(row, "", "", "")
			} else {
				row = append(row, q.Text, q.DocumentID, q.Source)
			}
		}
		cw.Write(row)
	}
	cw.Flush()
	return cw.Error()
}
