package report

import (
	"embed"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"html/template"
	"io"
	"math"
	"strconv"
	"strings"
)

//go:embed templates/canvas.html.tmpl templates/compare.html.tmpl templates/journey.html.tmpl
var templates embed.FS

var canvasHTML = template.Must(template.New("canvas.html.tmpl").Funcs(template.FuncMap{
	"lean":       func(l float64) template.CSS { return template.CSS(leanColor(l)) },
	"tagSize":    func(w float64) int { return 13 + int(math.Min(12, math.Log1p(w)*2)) },
	"pct":        func(f float64) string { return strconv.FormatFloat(f*100, 'f', 0, 64) + "%" },
	"shareOf":    shareOf,
	"journeySVG": journeySVG,
	"touchList":  touchList,
	"forceTitle": func(f string) string { return forceTitles[f] },
	"stars":      func(r *float64) string { return strconv.FormatFloat(*r, 'f', -1, 64) + "★" },
	"polarityClass": func(p float64) string {
		switch {
		case p <= -0.05:
			return "pain"
		case p >= 0.05:
			return "gain"
		}
		return ""
	},
}).ParseFS(templates, "templates/canvas.html.tmpl"))

// WriteJSON writes v as indented JSON.
func WriteJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

// WriteQuotesText writes quotes for reading or pasting into a deck.
func WriteQuotesText(w io.Writer, qs []Quote) {
	for i, q := range qs {
		fmt.Fprintf(w, "%2d. \u201c%s\u201d\n    %s\n", i+1, q.Text, quoteSource(q))
	}
}

func quoteSource(q Quote) string {
	id := "review " + q.DocumentID
	if of := q.Of(); of != "" {
		id += " of " + of
	}
	parts := []string{id}
	if q.Product != "" {
		parts = append(parts, q.Product)
	}
	if q.Rating != nil {
		parts = append(parts, strconv.FormatFloat(*q.Rating, 'f', -1, 64)+"★")
	}
	if q.Date != "" {
		parts = append(parts, q.Date)
	}
	if q.Represents > 1 {
		parts = append(parts, "like "+reviewers(q.Represents))
	}
	if q.Helpful > 0 {
		parts = append(parts, fmt.Sprintf("%d helpful", q.Helpful))
	}
	if q.URL != "" {
		parts = append(parts, q.URL)
	}
	return strings.Join(parts, " · ")
}

// safeCell neutralizes a text cell a spreadsheet would run as a formula
// (OWASP, CSV injection): one that begins with =, +, -, @, a tab or a
// carriage return gets a leading apostrophe, which spreadsheets show as
// text and do not display. Numbers are written by their own fields.
func safeCell(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

// WriteQuotesCSV writes quotes as CSV with a header; text cells are
// neutralized against formula injection (safeCell).
func WriteQuotesCSV(w io.Writer, qs []Quote) error {
	cw := csv.NewWriter(w)
	cw.Write([]string{"rank", "kind", "text", "review_id", "product", "rating", "date", "helpful_votes", "verified", "polarity_score", "represents", "score", "url"})
	for i, q := range qs {
		rating := ""
		if q.Rating != nil {
			rating = strconv.FormatFloat(*q.Rating, 'f', -1, 64)
		}
		cw.Write([]string{strconv.Itoa(i + 1), q.Category, safeCell(q.Text), safeCell(q.DocumentID), safeCell(q.Product), rating, q.Date, strconv.Itoa(q.Helpful),
			strconv.FormatBool(q.Verified), strconv.FormatFloat(q.Polarity, 'f', -1, 64), strconv.Itoa(q.Represents),
			strconv.FormatFloat(q.Score, 'f', -1, 64), safeCell(q.URL)})
	}
	cw.Flush()
	return cw.Error()
}

// WriteCSV writes the cloud's terms and weights as CSV with a header.
func (r *CloudResult) WriteCSV(w io.Writer) error {
	cw := csv.NewWriter(w)
	cw.Write([]string{"term", "key", "weight", "count", "reviewers", "reference", "pain", "gain", "lean"})
	for _, t := range r.Terms {
		cw.Write([]string{safeCell(t.Term), safeCell(t.Key), strconv.FormatFloat(t.Weight, 'f', -1, 64), strconv.Itoa(t.Count), strconv.Itoa(t.Reviewers), strconv.Itoa(t.Reference),
			strconv.Itoa(t.Pain), strconv.Itoa(t.Gain), strconv.FormatFloat(t.Lean, 'f', -1, 64)})
	}
	cw.Flush()
	return cw.Error()
}

// WriteHTML writes the canvas as one self-contained HTML page.
func (cv *Canvas) WriteHTML(w io.Writer) error {
	return canvasHTML.Execute(w, cv)
}

// WriteMarkdown writes the canvas as Markdown.
func (cv *Canvas) WriteMarkdown(w io.Writer) {
	fmt.Fprintf(w, "# Jobs-to-be-Done canvas\n\n%s: %s, %d reviews and comments, %s.\n\n", cv.Selection, reviewers(cv.Reviewers), cv.Documents, counted(cv.Sentences, "sentence"))
	quote := func(q Quote) {
		fmt.Fprintf(w, "> %s\n> — %s\n\n", q.Text, mdSource(q))
	}
	fmt.Fprintf(w, "## Customer\n\n")
	if cv.Customer.MainQuote != nil {
		quote(*cv.Customer.MainQuote)
	}
	var tags []string
	for _, t := range cv.Customer.Interests {
		tags = append(tags, t.Term)
	}
	fmt.Fprintf(w, "**Interests:** %s\n\n### Top pains\n\n", strings.Join(tags, " · "))
	for _, q := range cv.Customer.Pains {
		quote(q)
	}
	fmt.Fprintf(w, "### Top gains\n\n")
	for _, q := range cv.Customer.Gains {
		quote(q)
	}
	for _, sec := range []struct {
		title, side string
		ts          []Theme
	}{{"What the pains are about", "pain", cv.Customer.PainThemes}, {"What the gains are about", "gain", cv.Customer.GainThemes}} {
		fmt.Fprintf(w, "### %s\n\n", sec.title)
		if len(sec.ts) == 0 {
			fmt.Fprintf(w, "No aspect terms found in the %s sentences.\n\n", sec.side)
		}
		for _, t := range sec.ts {
			n, q := t.Pain, t.PainQuote
			if sec.side == "gain" {
				n, q = t.Gain, t.GainQuote
			}
			fmt.Fprintf(w, "- **%s**: %s in %s, %s", t.Name, sec.side, shareOf(n, t.Mentions), reviewers(t.Reviewers))
			if q != nil {
				fmt.Fprintf(w, " — “%s” (%s)", q.Text, mdRef(q.ref()))
			}
			fmt.Fprintln(w)
		}
		fmt.Fprintln(w)
	}
	fmt.Fprintf(w, "### Segments\n\n")
	if len(cv.Customer.Segments) == 0 {
		fmt.Fprintf(w, "The reviewers do not say what kind of customer they are.\n")
	}
	for _, g := range cv.Customer.Segments {
		fmt.Fprintf(w, "- %s × %d (%s)\n", g.Phrase, g.Count, groupRefs(g))
	}
	fmt.Fprintf(w, "\n*Conclusion: %s*\n\n## Switching\n\n", cv.Conclusions["customer"])
	switch {
	case len(cv.Switching) == 0 && cv.NoChineseCues:
		fmt.Fprintf(w, "Switching forces have no Chinese cues yet: none are found in Chinese text.\n\n")
	case len(cv.Switching) == 0:
		fmt.Fprintf(w, "No review says what drove, drew or held back the switch.\n\n")
	}
	for _, fc := range cv.Switching {
		fmt.Fprintf(w, "### %s: %s\n\n", strings.ToUpper(forceTitles[fc.Force][:1])+forceTitles[fc.Force][1:], reviewers(fc.Reviewers))
		if fc.Quote != nil {
			quote(*fc.Quote)
		}
		if len(fc.Alternatives) > 0 {
			var alts []string
			for _, g := range fc.Alternatives {
				alts = append(alts, fmt.Sprintf("%s × %d", g.Phrase, g.Count))
			}
			fmt.Fprintf(w, "Alternatives named: %s\n\n", strings.Join(alts, ", "))
		}
	}
	fmt.Fprintf(w, "## Job\n\n### Job stories\n\n")
	for _, s := range cv.Job.Stories {
		fmt.Fprintf(w, "- *%s* (%s; %s)\n", s.Text, counted(s.Count, "review"), mdRefs(s.Reviews))
	}
	if len(cv.Job.Stories) == 0 {
		fmt.Fprintf(w, "No review names a job with its situation and an outcome in the same place, so no job story is written.\n")
	}
	for _, sec := range []struct {
		title string
		gs    []Group
	}{{"Job statements", cv.Job.Statements}, {"Situations", cv.Job.Situations}} {
		fmt.Fprintf(w, "\n### %s\n\n", sec.title)
		for _, g := range sec.gs {
			fmt.Fprintf(w, "- %s × %d (%s)\n", g.Phrase, g.Count, groupRefs(g))
		}
	}
	fmt.Fprintf(w, "\n*Conclusion: %s*\n\n## Outcome\n\n", cv.Conclusions["job"])
	for _, d := range cv.Outcomes {
		var kw []string
		for _, k := range d.Keywords {
			kw = append(kw, fmt.Sprintf("%s (%d)", k.Label, k.N))
		}
		fmt.Fprintf(w, "### %s: %s (%s), %.0f%%\n\nKeywords: %s\n\n", d.Name, reviewers(d.Reviewers), counted(d.Sentences, "sentence"), d.Share*100, strings.Join(kw, ", "))
		for _, q := range d.Quotes {
			quote(q)
		}
	}
	if c := cv.Conclusions["outcome"]; c != "" {
		fmt.Fprintf(w, "*Conclusion: %s*\n\n", c)
	}
	fmt.Fprintf(w, "## Role\n\n")
	if cv.Role.Main != "" {
		fmt.Fprintf(w, "Main axis: **%s** (%.0f%%); secondary: **%s** (%.0f%%).\n\n", cv.Role.Main, cv.Role.Shares[cv.Role.Main]*100,
			cv.Role.Secondary, cv.Role.Shares[cv.Role.Secondary]*100)
	}
	fmt.Fprintf(w, "| dimension | reviewers | keywords | in the message |\n|---|---|---|---|\n")
	for _, d := range cv.Outcomes {
		var kw []string
		for i, k := range d.Keywords {
			if i == 5 {
				break
			}
			kw = append(kw, k.Label)
		}
		fmt.Fprintf(w, "| %s | %.0f%% | %s | %s |\n", d.Name, 100*d.Share, strings.Join(kw, ", "), cv.Role.Verdicts[d.Name])
	}
	if c := cv.Conclusions["role"]; c != "" {
		fmt.Fprintf(w, "\n*Conclusion: %s*\n", c)
	}
	cell := func(q *Quote) string {
		if q == nil {
			return ""
		}
		return fmt.Sprintf("%s (%s)", strings.ReplaceAll(q.Text, "|", "/"), mdRef(q.ref()))
	}
	fmt.Fprintf(w, "\n### Customer journey\n\n")
	if cv.NoChineseCues {
		fmt.Fprintf(w, "Journey stages have no Chinese cues yet: the stages below count only the selection's other sentences.\n\n")
	}
	fmt.Fprintf(w, "| stage | reviewers | feeling | touchpoints | top pain | top gain | opportunity |\n|---|---|---|---|---|---|---|\n")
	for _, s := range cv.Journey {
		fmt.Fprintf(w, "| %s | %d | %+.2f | %s | %s | %s | %s |\n", s.Stage, s.Reviewers, s.Feeling, touchList(s.Touchpoints, 4), cell(s.TopPain), cell(s.TopGain), cell(s.Opportunity))
	}
	fmt.Fprintf(w, "\n### Alternatives named\n\n")
	for _, g := range cv.Alternatives {
		fmt.Fprintf(w, "- %s × %d (%s)\n", g.Phrase, g.Count, groupRefs(g))
	}
}

func mdSource(q Quote) string {
	s := mdRef(q.ref()) + ", " + q.Product
	if q.Rating != nil {
		s += ", " + strconv.FormatFloat(*q.Rating, 'f', -1, 64) + "★"
	}
	if q.Date != "" {
		s += ", " + q.Date
	}
	return s
}

func mdRef(r Ref) string {
	if r.URL != "" {
		return "[" + r.ID + "](" + r.URL + ")"
	}
	if of := r.Of(); of != "" {
		return "review " + r.ID + " of " + of
	}
	return "review " + r.ID
}

// groupRefs lists a group's references and says how many reviewers they
// leave out ("…, 20 more").
func groupRefs(g Group) string {
	if m := g.More(); m > 0 {
		return mdRefs(g.Reviews) + fmt.Sprintf(", … %d more", m)
	}
	return mdRefs(g.Reviews)
}

// mdRefs lists references; lines of one file in a row name it once
// ("review lines 3429, 3453 of 7817_1.csv").
func mdRefs(rs []Ref) string {
	var out []string
	for i := 0; i < len(rs); {
		j := i + 1
		for of := rs[i].Of(); of != "" && rs[i].URL == "" && j < len(rs) && rs[j].URL == "" && rs[j].Of() == of; j++ {
		}
		if j == i+1 {
			out = append(out, mdRef(rs[i]))
		} else {
			lines := make([]string, 0, j-i)
			for _, r := range rs[i:j] {
				lines = append(lines, strings.TrimPrefix(r.ID, "line "))
			}
			out = append(out, "review lines "+strings.Join(lines, ", ")+" of "+rs[i].Of())
		}
		i = j
	}
	return strings.Join(out, ", ")
}
