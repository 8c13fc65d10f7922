package main

import (
	"context"
	"fmt"
	"io"

	"jobminer/pipeline/report"
)

func init() {
	register(command{name: "journey", summary: "the customer journey: per stage reviewers, feeling, touchpoints, top pain, top gain, opportunity (text, CSV, JSON, SVG, HTML)", run: runJourney})
}

func runJourney(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("journey", "journey [flags]", stderr)
	rf := addReportFlags(fs)
	format := fs.String("format", "text", "output `format`: text, csv, json, svg or html")
	width := fs.Float64("width", 900, "width of the SVG in `pixels`")
	height := fs.Float64("height", 360, "height of the SVG in `pixels`")
	if err := parseNoArgs(fs, args); err != nil {
		return err
	}
	if err := oneOf(fs, "format", *format, "text", "csv", "json", "svg", "html"); err != nil {
		return err
	}
	st, c, f, err := rf.open()
	if err != nil {
		return err
	}
	defer st.Close()
	stop := startNotice(*rf.quiet, stderr, "journey")
	stages, err := report.Journey(ctx, st.DB(), c, f)
	stop()
	if err != nil {
		return err
	}
	if zh, err := report.MostlyChinese(ctx, st.DB(), f); err != nil {
		return err
	} else if zh { // about the results, so shown with --quiet too
		fmt.Fprintln(stderr, "note: journey stages have no Chinese cues yet: the stages count only the selection's other sentences")
	}
	switch *format {
	case "csv":
		return report.WriteJourneyCSV(stdout, stages)
	case "json":
		return report.WriteJSON(stdout, stages)
	case "svg":
		return report.WriteJourneySVG(stdout, f.Describe(), stages, *width, *height)
	case "html":
		return report.WriteJourneyHTML(stdout, f.Describe(), stages)
	}
	report.WriteJourneyText(stdout, f.Describe(), stages)
	return nil
}
