package main

import (
	"context"
	"fmt"
	"io"
	"strings"

	"jobminer/pipeline/report"
)

func init() {
	register(command{name: "trend", summary: "pain share and mentions of the main themes by week, month or quarter (text, CSV, JSON, SVG)", run: runTrend})
	register(command{name: "compare", summary: "themes of two or more products side by side, with the quotes that make the difference (Markdown, HTML, JSON)", run: runCompare})
}

func runTrend(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("trend", "trend [--by week|month|quarter] [flags]", stderr)
	rf := addReportFlags(fs)
	by := fs.String("by", "month", "`period`: week, month or quarter")
	n := fs.Int("n", 6, "how many themes, the most reviewed first")
	themes := fs.String("theme", "", "follow these `themes` (comma-separated names, as themes prints them) instead")
	format := fs.String("format", "text", "output `format`: text, csv, json or svg")
	width := fs.Float64("width", 900, "width of the SVG in `pixels`")
	height := fs.Float64("height", 520, "height of the SVG in `pixels`")
	if err := parseNoArgs(fs, args); err != nil {
		return err
	}
	if err := oneOf(fs, "by", *by, report.Periods...); err != nil {
		return err
	}
	if err := oneOf(fs, "format", *format, "text", "csv", "json", "svg"); err != nil {
		return err
	}
	st, c, f, err := rf.open()
	if err != nil {
		return err
	}
	defer st.Close()
	progress, done := taggingBar(*rf.quiet, stdout, stderr)
	tr, err := report.Trend(ctx, st.DB(), c, f, report.TrendOptions{By: *by, N: *n, Themes: splitList(*themes), Progress: progress})
	done()
	if err != nil {
		return err
	}
	switch *format {
	case "csv":
		return tr.WriteCSV(stdout)
	case "json":
		return report.WriteJSON(stdout, tr)
	case "svg":
		return tr.WriteSVG(stdout, *width, *height)
	}
	tr.WriteText(stdout)
	return nil
}

func runCompare(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("compare", "compare --product A,B[,C] [flags]", stderr)
	rf := addReportFlags(fs)
	n := fs.Int("n", 12, "how many themes")
	format := fs.String("format", "markdown", "output `format`: markdown, html or json")
	if err := parseNoArgs(fs, args); err != nil {
		return err
	}
	if *format == "md" {
		*format = "markdown"
	}
	if err := oneOf(fs, "format", *format, "markdown", "html", "json"); err != nil {
		return err
	}
	if ps := splitList(*rf.products); len(ps) < 2 {
		fmt.Fprintf(fs.Output(), "jobminer compare: --product wants two or more product ids, comma-separated (have %d)\n", len(ps))
		return errUsage
	}
	st, c, f, err := rf.open()
	if err != nil {
		return err
	}
	defer st.Close()
	progress, done := taggingBar(*rf.quiet, stdout, stderr)
	cmp, err := report.Compare(ctx, st.DB(), c, f, report.CompareOptions{N: *n, Progress: progress})
	done()
	if err != nil {
		return err
	}
	switch *format {
	case "html":
		return cmp.WriteHTML(stdout)
	case "json":
		return report.WriteJSON(stdout, cmp)
	}
	cmp.WriteMarkdown(stdout)
	return nil
}

// splitList splits a comma-separated flag value, dropping blanks.
func splitList(s string) []string {
	var out []string
	for _, p := range strings.Split(s, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}
