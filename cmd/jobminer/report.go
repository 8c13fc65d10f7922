package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"strings"
	"time"

	"jobminer/classifiers"
	"jobminer/pipeline/report"
	"jobminer/pipeline/store"
)

func init() {
	register(command{name: "quotes", summary: "representative customer quotes of one kind (pain, gain, functional, emotional, social, job, situation)", run: runQuotes})
	register(command{name: "cloud", summary: "tag cloud of the terms distinctive for a selection (CSV, JSON, SVG, HTML)", run: runCloud})
	register(command{name: "canvas", summary: "the Jobs-to-be-Done canvas of a selection (Markdown, HTML, JSON)", run: runCanvas})
}

// reportFlags are the flags every report takes: the database, the
// lexicons and the selection.
type reportFlags struct {
	db, lexicons              *string
	products, source, docKind *string
	minRating, maxRating      *float64
	since, until, lang        *string
	quiet                     *bool
}

func addReportFlags(fs *flag.FlagSet) *reportFlags {
	return &reportFlags{
		db:        dbFlag(fs),
		lexicons:  lexiconFlag(fs),
		products:  fs.String("product", "", "only these product `ids` (comma-separated)"),
		source:    fs.String("source", "", "only documents from this source `name` or location"),
		docKind:   fs.String("doc-kind", "", "only documents of this `kind`: review or comment"),
		minRating: fs.Float64("min-rating", 0, "only documents rated at least `stars`"),
		maxRating: fs.Float64("max-rating", 0, "only documents rated at most `stars`"),
		since:     fs.String("since", "", "only documents posted on or after this `date` (YYYY-MM-DD)"),
		until:     fs.String("until", "", "only documents posted before this `date` (YYYY-MM-DD)"),
		lang:      fs.String("lang", "", "only documents in this `language`: en, zh (both scripts), zh-Hant, zh-Hans or other"),
		quiet:     fs.Bool("quiet", false, "no working notice on the terminal"),
	}
}

// open checks the flags and opens the store and the classifier (whose
// tokenizer and stop words the reports share).
func (r *reportFlags) open() (*store.Store, *classifiers.Classifier, report.Filter, error) {
	var f report.Filter
	f.Products = splitList(*r.products)
	f.Source, f.MinRating, f.MaxRating = *r.source, *r.minRating, *r.maxRating
	switch *r.lang {
	case "", "en", "zh", "zh-Hant", "zh-Hans", "other":
		f.Lang = *r.lang
	default:
		return nil, nil, f, fmt.Errorf("--lang %q: en, zh, zh-Hant, zh-Hans or other", *r.lang)
	}
	switch *r.docKind {
	case "", store.KindReview, store.KindComment:
		f.Kind = *r.docKind
	default:
		return nil, nil, f, fmt.Errorf("--doc-kind %q: review or comment", *r.docKind)
	}
	for _, d := range []struct {
		flag, value string
		into        *time.Time
	}{{"since", *r.since, &f.Since}, {"until", *r.until, &f.Until}} {
		if d.value == "" {
			continue
		}
		t, err := time.Parse("2006-01-02", d.value)
		if err != nil {
			return nil, nil, f, fmt.Errorf("--%s %q: want a date like 2026-01-31", d.flag, d.value)
		}
		*d.into = t
	}
	c, err := loadClassifier(*r.lexicons)
	if err != nil {
		return nil, nil, f, err
	}
	st, err := openExistingStore(*r.db)
	if err != nil {
		return nil, nil, f, err
	}
	var analyzed int
	if err := st.DB().QueryRow(`SELECT count(*) FROM analyses`).Scan(&analyzed); err != nil || analyzed == 0 {
		st.Close()
		return nil, nil, f, fmt.Errorf("database %s has no analyzed documents: run jobminer analyze --db %s first", *r.db, *r.db)
	}
	// A product id no document has would give an empty report that reads
	// as "nobody said anything": say so instead.
	for _, p := range f.Products {
		var n int
		if err := st.DB().QueryRow(`SELECT count(*) FROM documents WHERE product_id = ?`, p).Scan(&n); err != nil {
			st.Close()
			return nil, nil, f, fmt.Errorf("--product %s: %w", p, err)
		}
		if n == 0 {
			hint := ""
			var like string
			if st.DB().QueryRow(`SELECT product_id FROM documents WHERE product_id = ? COLLATE NOCASE LIMIT 1`, p).Scan(&like) == nil {
				hint = fmt.Sprintf(" (ids are case-sensitive: %s is)", like)
			}
			st.Close()
			return nil, nil, f, fmt.Errorf("--product %s: no document in %s has this product id%s", p, *r.db, hint)
		}
	}
	return st, c, f, nil
}

func runQuotes(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("quotes", "quotes --kind KIND [flags]", stderr)
	rf := addReportFlags(fs)
	kind := fs.String("kind", "pain", "what the quotes say: "+strings.Join(report.Categories, ", "))
	n := fs.Int("n", 10, "how many quotes")
	format := fs.String("format", "text", "output `format`: text, csv or json")
	if err := parseNoArgs(fs, args); err != nil {
		return err
	}
	st, c, f, err := rf.open()
	if err != nil {
		return err
	}
	defer st.Close()
	stop := startNotice(*rf.quiet, stderr, "quotes")
	qs, err := report.Quotes(ctx, st.DB(), c, f, *kind, report.QuoteOptions{N: *n})
	stop()
	if err != nil {
		return err
	}
	switch *format {
	case "text":
		fmt.Fprintf(stdout, "%d %s quotes, %s\n\n", len(qs), *kind, f.Describe())
		report.WriteQuotesText(stdout, qs)
		return nil
	case "csv":
		return report.WriteQuotesCSV(stdout, qs)
	case "json":
		return report.WriteJSON(stdout, qs)
	}
	return fmt.Errorf("unknown --format %q (text, csv or json)", *format)
}

func runCloud(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("cloud", "cloud [--kind KIND] [flags]", stderr)
	rf := addReportFlags(fs)
	kind := fs.String("kind", "", "only sentences of this kind: "+strings.Join(report.Categories, ", ")+" (default: all); or aspect: the themes the sentences are about, coloured by pain and gain share")
	n := fs.Int("n", 60, "how many terms")
	format := fs.String("format", "csv", "output `format`: csv, json, svg or html")
	width := fs.Float64("width", 900, "width of the SVG in `pixels`")
	height := fs.Float64("height", 520, "height of the SVG in `pixels`")
	if err := parseNoArgs(fs, args); err != nil {
		return err
	}
	st, c, f, err := rf.open()
	if err != nil {
		return err
	}
	defer st.Close()
	var cloud *report.CloudResult
	if *kind == "aspect" {
		progress, done := taggingBar(*rf.quiet, stdout, stderr)
		cloud, err = report.AspectCloud(ctx, st.DB(), c, f, report.CloudOptions{N: *n}, progress)
		done()
	} else {
		stop := startNotice(*rf.quiet, stderr, "cloud")
		cloud, err = report.Cloud(ctx, st.DB(), c, f, *kind, report.CloudOptions{N: *n})
		stop()
	}
	if err != nil {
		return err
	}
	switch *format {
	case "csv":
		return cloud.WriteCSV(stdout)
	case "json":
		return report.WriteJSON(stdout, cloud)
	case "svg", "html":
		if *format == "html" {
			fmt.Fprintf(stdout, "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Tag cloud</title></head><body style=\"margin:0\">\n")
		}
		placed, err := cloud.WriteSVG(stdout, *width, *height)
		if *format == "html" {
			fmt.Fprintf(stdout, "</body></html>\n")
		}
		if err == nil && placed < len(cloud.Terms) {
			fmt.Fprintf(stderr, "cloud: %d of %d terms did not fit; use a larger --width/--height or a smaller -n\n", len(cloud.Terms)-placed, len(cloud.Terms))
		}
		return err
	}
	return fmt.Errorf("unknown --format %q (csv, json, svg or html)", *format)
}

func runCanvas(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("canvas", "canvas [flags]", stderr)
	rf := addReportFlags(fs)
	format := fs.String("format", "markdown", "output `format`: markdown, html or json")
	quotes := fs.Int("quotes", 5, "quotes per list")
	if err := parseNoArgs(fs, args); err != nil {
		return err
	}
	switch *format {
	case "markdown", "md", "html", "json":
	default:
		return fmt.Errorf("unknown --format %q (markdown, html or json)", *format)
	}
	st, c, f, err := rf.open()
	if err != nil {
		return err
	}
	defer st.Close()
	stop := startNotice(*rf.quiet, stderr, "canvas")
	cv, err := report.BuildCanvas(ctx, st.DB(), c, f, report.CanvasOptions{Quotes: *quotes})
	stop()
	if err != nil {
		return err
	}
	switch *format {
	case "html":
		return cv.WriteHTML(stdout)
	case "json":
		return report.WriteJSON(stdout, cv)
	}
	cv.WriteMarkdown(stdout)
	return nil
}
