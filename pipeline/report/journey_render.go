package report

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"html"
	"html/template"
	"io"
	"strconv"
	"strings"
)

// touchList writes a stage's touchpoints: "delivery 12, packaging 3".
func touchList(ts []Count, max int) string {
	return listed(ts, max, func(t Count) string { return fmt.Sprintf("%s %d", t.Label, t.N) })
}

// WriteJourneyText writes the journey for reading: a block per stage.
func WriteJourneyText(w io.Writer, selection string, stages []Stage) {
	fmt.Fprintf(w, "Customer journey, %s\n", selection)
	if len(stages) == 0 {
		fmt.Fprintln(w, "\nNo sentence names a journey stage or a touchpoint.")
		return
	}
	for _, s := range stages {
		fmt.Fprintf(w, "\n%s: %s, %s; feeling %+.2f; pains %s, gains %s\n", s.Stage, reviewers(s.Reviewers), counted(s.Sentences, "sentence"), s.Feeling,
			share(s.Pains, s.Sentences), share(s.Gains, s.Sentences))
		if len(s.Touchpoints) > 0 {
			fmt.Fprintf(w, "  touchpoints (reviewers): %s\n", touchList(s.Touchpoints, 8))
		}
		for _, q := range []struct {
			label string
			q     *Quote
		}{{"top pain", s.TopPain}, {"top gain", s.TopGain}, {"opportunity", s.Opportunity}} {
			if q.q != nil {
				fmt.Fprintf(w, "  %s: \u201c%s\u201d\n      %s\n", q.label, q.q.Text, quoteSource(*q.q))
			}
		}
	}
}

// WriteJourneyCSV writes one row per stage.
func WriteJourneyCSV(w io.Writer, stages []Stage) error {
	cw := csv.NewWriter(w)
	cw.Write([]string{"stage", "sentences", "reviewers", "pains", "gains", "feeling", "touchpoints", "top_pain", "top_pain_review_id",
		"top_gain", "top_gain_review_id", "opportunity", "opportunity_review_id"})
	for _, s := range stages {
		row := []string{s.Stage, strconv.Itoa(s.Sentences), strconv.Itoa(s.Reviewers), strconv.Itoa(s.Pains), strconv.Itoa(s.Gains),
			strconv.FormatFloat(s.Feeling, 'f', 3, 64), touchList(s.Touchpoints, len(s.Touchpoints))}
		for _, q := range []*Quote{s.TopPain, s.TopGain, s.Opportunity} {
			if q == nil {
				row = append(row, "", "")
			} else {
				row = append(row, safeCell(q.Text), safeCell(q.DocumentID))
			}
		}
		cw.Write(row)
	}
	cw.Flush()
	return cw.Error()
}

// WriteJourneySVG draws the journey: a column per stage with its
// touchpoints and counts, and the customers' feelings as a curve across
// the stages (the mean polarity of each stage's sentences, from -1 at the
// bottom to +1 at the top).
func WriteJourneySVG(w io.Writer, selection string, stages []Stage, width, height float64) error {
	const top, curveH, left, right = 40.0, 170.0, 50.0, 20.0
	if len(stages) == 0 {
		_, err := fmt.Fprintf(w, `<svg xmlns="http://www.w3.org/2000/svg" width="%g" height="60" font-family="Helvetica, Arial, sans-serif"><text x="10" y="30" font-size="13">No sentence names a journey stage or a touchpoint.</text></svg>`+"\n", width)
		return err
	}
	colW := (width - left - right) / float64(len(stages))
	fmt.Fprintf(w, `<svg xmlns="http://www.w3.org/2000/svg" width="%g" height="%g" viewBox="0 0 %g %g" font-family="Helvetica, Arial, sans-serif" font-size="12">`+"\n", width, height, width, height)
	title := "Customer journey: " + selection
	fmt.Fprintf(w, "<title>%s</title>\n<rect width=\"100%%\" height=\"100%%\" fill=\"#ffffff\"/>\n", html.EscapeString(title))
	fmt.Fprintf(w, `<text x="%g" y="22" font-size="14" fill="#222">%s</text>`+"\n", left, html.EscapeString(title))
	y := func(feeling float64) float64 { return top + curveH*(1-feeling)/2 }
	for _, v := range []float64{1, 0, -1} {
		fmt.Fprintf(w, `<line x1="%g" y1="%.1f" x2="%g" y2="%.1f" stroke="#e3e3e3"/><text x="%g" y="%.1f" text-anchor="end" fill="#666">%+.0f</text>`+"\n",
			left, y(v), width-right, y(v), left-6, y(v)+4, v)
	}
	fmt.Fprintf(w, `<text x="8" y="%.1f" fill="#666" transform="rotate(-90 14 %.1f)">feeling</text>`+"\n", y(0)+20, y(0)+20)
	var pts []string
	for i, s := range stages {
		cx := left + colW*(float64(i)+0.5)
		pts = append(pts, fmt.Sprintf("%.1f,%.1f", cx, y(s.Feeling)))
	}
	fmt.Fprintf(w, `<polyline class="feeling" fill="none" stroke="#2e5aac" stroke-width="3" points="%s"/>`+"\n", strings.Join(pts, " "))
	for i, s := range stages {
		cx := left + colW*(float64(i)+0.5)
		fmt.Fprintf(w, `<g class="stage" data-stage="%s">`+"\n", s.Stage)
		fmt.Fprintf(w, `<circle cx="%.1f" cy="%.1f" r="6" fill="%s" stroke="#2e5aac" stroke-width="2"><title>%s: feeling %+.2f over %d sentences</title></circle>`+"\n",
			cx, y(s.Feeling), leanColor(s.Feeling), s.Stage, s.Feeling, s.Sentences)
		fmt.Fprintf(w, `<text x="%.1f" y="%.1f" text-anchor="middle" fill="#222">%+.2f</text>`+"\n", cx, y(s.Feeling)-12, s.Feeling)
		by := top + curveH + 30
		fmt.Fprintf(w, `<rect x="%.1f" y="%.1f" width="%.1f" height="%.1f" rx="6" fill="#f4f5f7"/>`+"\n", cx-colW/2+4, by-18, colW-8, height-by+10)
		fmt.Fprintf(w, `<text x="%.1f" y="%.1f" text-anchor="middle" font-size="14" font-weight="bold" fill="#1d2329">%s</text>`+"\n", cx, by, s.Stage)
		fmt.Fprintf(w, `<text x="%.1f" y="%.1f" text-anchor="middle" fill="#555">%s</text>`+"\n", cx, by+18, reviewers(s.Reviewers))
		fmt.Fprintf(w, `<text x="%.1f" y="%.1f" text-anchor="middle" fill="#c0392b">pains %s</text>`+"\n", cx, by+34, share(s.Pains, s.Sentences))
		fmt.Fprintf(w, `<text x="%.1f" y="%.1f" text-anchor="middle" fill="#1e8449">gains %s</text>`+"\n", cx, by+50, share(s.Gains, s.Sentences))
		for k, t := range s.Touchpoints {
			if k == 5 || by+74+16*float64(k) > height-8 {
				break
			}
			fmt.Fprintf(w, `<text class="touchpoint" x="%.1f" y="%.1f" text-anchor="middle" fill="#333">%s (%d)</text>`+"\n", cx, by+74+16*float64(k), t.Label, t.N)
		}
		fmt.Fprintln(w, "</g>")
	}
	_, err := fmt.Fprintln(w, "</svg>")
	return err
}

// journeySVG is the journey picture for an HTML page.
func journeySVG(selection string, stages []Stage) template.HTML {
	var b bytes.Buffer
	WriteJourneySVG(&b, selection, stages, 900, 360)
	return template.HTML(b.String())
}

var journeyHTML = template.Must(template.New("journey.html.tmpl").Funcs(template.FuncMap{
	"journeySVG": journeySVG,
	"share":      share,
	"touchList":  touchList,
	"stars":      func(r *float64) string { return strconv.FormatFloat(*r, 'f', -1, 64) + "★" },
}).ParseFS(templates, "templates/journey.html.tmpl"))

// WriteJourneyHTML writes the journey as a standalone page: the picture,
// then per stage its quotes.
func WriteJourneyHTML(w io.Writer, selection string, stages []Stage) error {
	return journeyHTML.Execute(w, struct {
		Selection string
		Stages    []Stage
	}{selection, stages})
}
