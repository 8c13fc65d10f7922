package report

import (
	"encoding/csv"
	"fmt"
	"html"
	"io"
	"math"
	"strconv"
	"strings"
)

// WriteText writes the trend as a table: a row per period, a column per
// theme, each cell the theme's pain share and mentions ("25% of 12"), or
// counts when they are few ("2 of 5").
func (r *TrendResult) WriteText(w io.Writer) {
	fmt.Fprintf(w, "Pain share of %d themes by %s, %s\n", len(r.Series), r.By, r.Selection)
	if len(r.Periods) == 0 {
		fmt.Fprintln(w, "\nNo dated mentions of these themes in the selection.")
		return
	}
	fmt.Fprintln(w, "cells: pain sentences of the theme's mentions in the period")
	const col = 16
	fmt.Fprintf(w, "\n%-10s", "period")
	for _, s := range r.Series {
		name := s.Theme
		if len([]rune(name)) > col-2 {
			name = string([]rune(name)[:col-3]) + "…"
		}
		fmt.Fprintf(w, "%*s", col, name)
	}
	fmt.Fprintln(w)
	for i, p := range r.Periods {
		fmt.Fprintf(w, "%-10s", p)
		for _, s := range r.Series {
			pt := s.Points[i]
			cell := "-"
			if pt.Mentions > 0 {
				cell = shareOf(pt.Pain, pt.Mentions)
				cell = strings.TrimSuffix(cell, " mentions")
			}
			fmt.Fprintf(w, "%*s", col, cell)
		}
		fmt.Fprintln(w)
	}
	fmt.Fprintf(w, "%-10s", "all")
	for _, s := range r.Series {
		fmt.Fprintf(w, "%*s", col, fmt.Sprintf("%d mentions", s.Mentions))
	}
	fmt.Fprintln(w)
	if r.Undated > 0 {
		fmt.Fprintf(w, "\n%d mentions are in documents without a date and in no period.\n", r.Undated)
	}
}

// WriteCSV writes one row per theme and period.
func (r *TrendResult) WriteCSV(w io.Writer) error {
	cw := csv.NewWriter(w)
	cw.Write([]string{"period", "start", "theme", "mentions", "reviewers", "pain", "gain", "pain_share", "gain_share"})
	for _, s := range r.Series {
		for _, p := range s.Points {
			painShare, gainShare := "", "" // no mentions: no share, not 0%
			if p.Mentions > 0 {
				painShare, gainShare = strconv.FormatFloat(p.PainShare, 'f', 3, 64), strconv.FormatFloat(p.GainShare, 'f', 3, 64)
			}
			cw.Write([]string{p.Period, p.Start, s.Theme, strconv.Itoa(p.Mentions), strconv.Itoa(p.Reviewers), strconv.Itoa(p.Pain), strconv.Itoa(p.Gain),
				painShare, gainShare})
		}
	}
	cw.Flush()
	return cw.Error()
}

// seriesColors tell the themes of a chart apart (a colour-blind safe
// palette, Okabe and Ito 2008).
var seriesColors = []string{"#0072b2", "#d55e00", "#009e73", "#cc79a7", "#e69f00", "#56b4e9", "#000000", "#f0e442"}

// WriteSVG draws the trend as two line charts over the same periods: the
// pain share of each theme above, its mentions below. A period with fewer
// than 10 mentions of a theme has a hollow point (its share rests on few
// sentences); one with none has no point, and the line breaks there.
func (r *TrendResult) WriteSVG(w io.Writer, width, height float64) error {
	const left, right, top, gap, bottom = 56.0, 150.0, 46.0, 40.0, 46.0
	plotW := width - left - right
	panelH := (height - top - gap - bottom) / 2
	if plotW < 100 || panelH < 60 {
		return fmt.Errorf("trend chart: %gx%g is too small", width, height)
	}
	title := fmt.Sprintf("Pain share and mentions by %s: %s", r.By, r.Selection)
	fmt.Fprintf(w, `<svg xmlns="http://www.w3.org/2000/svg" width="%g" height="%g" viewBox="0 0 %g %g" font-family="Helvetica, Arial, sans-serif" font-size="11">`+"\n", width, height, width, height)
	fmt.Fprintf(w, "<title>%s</title>\n<rect width=\"100%%\" height=\"100%%\" fill=\"#ffffff\"/>\n", html.EscapeString(title))
	fmt.Fprintf(w, `<text x="%g" y="18" font-size="13" fill="#222">%s</text>`+"\n", left, html.EscapeString(title))
	n := len(r.Periods)
	x := func(i int) float64 {
		if n == 1 {
			return left + plotW/2
		}
		return left + plotW*float64(i)/float64(n-1)
	}
	maxMentions := 1
	for _, s := range r.Series {
		for _, p := range s.Points {
			maxMentions = max(maxMentions, p.Mentions)
		}
	}
	shareTop, volTop := top, top+panelH+gap
	// Axes, grid and labels.
	for _, tick := range []float64{0, 0.25, 0.5, 0.75, 1} {
		y := shareTop + panelH*(1-tick)
		fmt.Fprintf(w, `<line x1="%g" y1="%.1f" x2="%g" y2="%.1f" stroke="#e3e3e3"/><text x="%g" y="%.1f" text-anchor="end" fill="#555">%.0f%%</text>`+"\n",
			left, y, left+plotW, y, left-6, y+4, 100*tick)
	}
	step := niceStep(maxMentions)
	for v := 0; v <= maxMentions; v += step {
		y := volTop + panelH*(1-float64(v)/float64(maxMentions))
		fmt.Fprintf(w, `<line x1="%g" y1="%.1f" x2="%g" y2="%.1f" stroke="#e3e3e3"/><text x="%g" y="%.1f" text-anchor="end" fill="#555">%d</text>`+"\n",
			left, y, left+plotW, y, left-6, y+4, v)
	}
	fmt.Fprintf(w, `<text x="%g" y="%g" fill="#333">pain share of mentions</text>`+"\n", left, shareTop-6)
	fmt.Fprintf(w, `<text x="%g" y="%g" fill="#333">mentions</text>`+"\n", left, volTop-6)
	every := max(1, int(math.Ceil(float64(n)*58/plotW))) // a label every ~58 px
	for i, p := range r.Periods {
		if i%every != 0 && i != n-1 {
			continue
		}
		fmt.Fprintf(w, `<text x="%.1f" y="%g" text-anchor="middle" fill="#555">%s</text>`+"\n", x(i), volTop+panelH+16, html.EscapeString(p))
	}
	// One line per theme in each panel, broken where a period has no
	// mentions of it.
	for si, s := range r.Series {
		color := seriesColors[si%len(seriesColors)]
		fmt.Fprintf(w, `<g class="series" data-theme="%s">`+"\n", html.EscapeString(s.Theme))
		for panel := 0; panel < 2; panel++ {
			var run []string
			flush := func() {
				if len(run) > 1 {
					fmt.Fprintf(w, `<polyline fill="none" stroke="%s" stroke-width="2" points="%s"/>`+"\n", color, strings.Join(run, " "))
				}
				run = run[:0]
			}
			for i, p := range s.Points {
				if p.Mentions == 0 {
					if panel == 0 {
						flush()
						continue
					}
				}
				var y float64
				if panel == 0 {
					y = shareTop + panelH*(1-p.PainShare)
				} else {
					y = volTop + panelH*(1-float64(p.Mentions)/float64(maxMentions))
				}
				run = append(run, fmt.Sprintf("%.1f,%.1f", x(i), y))
				if panel == 0 {
					fill := color
					if p.Mentions < smallCount {
						fill = "#ffffff"
					}
					fmt.Fprintf(w, `<circle cx="%.1f" cy="%.1f" r="3.5" fill="%s" stroke="%s" stroke-width="1.5"><title>%s, %s: pain %s</title></circle>`+"\n",
						x(i), y, fill, color, html.EscapeString(s.Theme), p.Period, shareOf(p.Pain, p.Mentions))
				}
			}
			flush()
		}
		ly := top + 14*float64(si) + 8
		fmt.Fprintf(w, `<line x1="%g" y1="%g" x2="%g" y2="%g" stroke="%s" stroke-width="3"/><text x="%g" y="%g" fill="#222">%s (%d)</text>`+"\n</g>\n",
			left+plotW+14, ly, left+plotW+30, ly, color, left+plotW+36, ly+4, html.EscapeString(s.Theme), s.Mentions)
	}
	_, err := fmt.Fprintf(w, `<text x="%g" y="%g" fill="#555">hollow point: under %d mentions in the period, read its share as counts</text>`+"\n</svg>\n",
		left, height-8, smallCount)
	return err
}

// niceStep returns a grid step of 1, 2 or 5 times a power of ten that
// cuts 0..max into about four parts.
func niceStep(max int) int {
	raw := float64(max) / 4
	if raw <= 1 {
		return 1
	}
	p := math.Pow(10, math.Floor(math.Log10(raw)))
	for _, m := range []float64{1, 2, 5, 10} {
		if m*p >= raw {
			return int(m * p)
		}
	}
	return int(10 * p)
}
