package main

import (
	"context"
	"fmt"
	"io"

	"jobminer/pipeline/report"
)

func init() {
	register(command{name: "themes", summary: "what the pains and gains are about: aspect terms grouped into themes, with shares and quotes (text, CSV, JSON)", run: runThemes})
}

func runThemes(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("themes", "themes [flags]", stderr)
	rf := addReportFlags(fs)
	n := fs.Int("n", 15, "how many themes")
	by := fs.String("by", "mentions", "rank by `what`: mentions (reviewers naming the theme), pain or gain")
	format := fs.String("format", "text", "output `format`: text, csv or json")
	if err := parseNoArgs(fs, args); err != nil {
		return err
	}
	if err := oneOf(fs, "by", *by, "mentions", "pain", "gain"); err != nil {
		return err
	}
	if err := oneOf(fs, "format", *format, "text", "csv", "json"); err != nil {
		return err
	}
	st, c, f, err := rf.open()
	if err != nil {
		return err
	}
	defer st.Close()
	progress, done := taggingBar(*rf.quiet, stdout, stderr)
	themes, err := report.Themes(ctx, st.DB(), c, f, report.ThemeOptions{N: *n, By: *by, Progress: progress})
	done()
	if err != nil {
		return err
	}
	switch *format {
	case "csv":
		return report.WriteThemesCSV(stdout, themes)
	case "json":
		return report.WriteJSON(stdout, themes)
	}
	rank := map[string]string{"mentions": "reviewers naming them", "pain": "pain", "gain": "gain"}[*by]
	fmt.Fprintf(stdout, "%d themes of %s, ranked by %s\n\n", len(themes), f.Describe(), rank)
	if len(themes) == 0 {
		fmt.Fprintln(stdout, "No aspect terms found in the selected sentences.")
		return nil
	}
	report.WriteThemesText(stdout, themes)
	return nil
}

// taggingBar returns a progress callback for the reports that find the
// aspect terms of sentences not tagged yet (the first report over a
// selection tags them): a bar on a terminal, nothing otherwise; and the
// function that ends it.
func taggingBar(quiet bool, stdout, stderr io.Writer) (func(done, total int), func()) {
	bar := newBar(showProgress(quiet, stdout, stderr), 0, "finding aspect terms", false, stderr)
	last := 0
	return func(done, total int) {
			if bar != nil {
				bar.ChangeMax(total)
				barAdd(bar, int64(done-last))
				last = done
			}
		}, func() {
			barFinish(bar)
		}
}
