package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"slices"
	"sort"
	"strings"

	"jobminer/classifiers/lang"
	"jobminer/pipeline/collect"
	"jobminer/pipeline/store"
)

func init() {
	register(command{name: "import", summary: "import review exports (CSV, TSV, JSON Lines, gzip) into the database", run: runImport})
}

func runImport(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("import", "import [flags] FILE... (\"-\" reads stdin)", stderr)
	db := dbFlag(fs)
	format := fs.String("format", "", "force the `format`: amazon-2023, amazon-2018, amazon-finefood, datafiniti, amazon-tsv, csv or jsonl (default: detected from the content)")
	mapping := fs.String("map", "", "map columns to fields, e.g. `text=Body,rating=Stars,product=SKU,id=ReviewId` (fields: "+fmt.Sprint(collect.Fields)+"; id=A+B joins columns)")
	source := fs.String("source", "", "`name` of the document namespace used for de-duplication (default: the format's, or the file name)")
	kind := fs.String("kind", "", "document `kind`: review or comment (comments carry no rating); default: the format's (Dcard: comment), else review")
	encoding := fs.String("encoding", "", "text `encoding` of the files when not UTF-8: windows-1252, latin1, gbk, gb18030 or big5")
	language := fs.String("lang", "", "the files' `language`: "+strings.Join(lang.Codes, ", ")+" (default: told per document from its text)")
	strict := fs.Bool("strict", false, "stop at the first problem instead of skipping the row")
	maxText := fs.Int("max-text", 100<<10, "largest review text or title in `bytes`; longer rows are skipped")
	ratingMax := fs.Float64("rating-max", 5, "the source's top `rating`; ratings are rescaled to 1..5")
	noHeader := fs.Bool("no-header", false, "the CSV/TSV file has no header line: name its columns by position in --map (text=3,rating=1)")
	quiet := fs.Bool("quiet", false, "no progress bar")
	files, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(files) == 0 {
		fs.Usage()
		return errUsage
	}
	if *language != "" && !slices.Contains(lang.Codes, *language) {
		fmt.Fprintf(fs.Output(), "jobminer import: unknown --lang %q (%s)\n", *language, strings.Join(lang.Codes, ", "))
		return errUsage
	}
	m, err := collect.ParseMapping(*mapping)
	if err != nil {
		return err
	}
	st, err := store.Open(*db)
	if err != nil {
		return err
	}
	defer st.Close()

	failed, problems := 0, 0
	for _, path := range files {
		bar := newBar(showProgress(*quiet, stdout, stderr), -1, path, true, stderr)
		opts := collect.Options{
			Format: *format, Mapping: m, Source: *source, Kind: *kind, Lang: *language, Encoding: *encoding,
			Strict: *strict, MaxText: *maxText, RatingMax: *ratingMax, NoHeader: *noHeader,
			Progress: func(n int64) { barAdd(bar, n) },
		}
		if bar != nil && path != "-" {
			if size := fileSize(path); size > 0 {
				bar.ChangeMax64(size)
			}
		}
		res, err := collect.Import(ctx, st, path, opts)
		barFinish(bar)
		if res.Format != "" {
			stopped := ""
			if err != nil && !res.Interrupted && !errors.Is(err, context.Canceled) {
				stopped = " read before it stopped" // the error follows on stderr
			}
			fmt.Fprintf(stdout, "%s (%s, source %q): %d rows%s: %s\n", path, res.Format, res.Source, res.Rows, stopped, res.Summary())
			printReasons(stdout, res.Reasons, res.Examples)
			if res.FirstImport && res.StoredBefore > 0 && res.Counts.Duplicates > 0 && err == nil {
				fmt.Fprintf(stdout, "note: this file is new, and %d of its reviews were already stored (from another file, such as the same export under another name, or repeated within this one): each is counted once\n", res.Counts.Duplicates)
			}
			problems += res.Counts.Skipped + res.Counts.Kept
		}
		if err != nil {
			if res.Interrupted || errors.Is(err, context.Canceled) {
				fmt.Fprintf(stderr, "interrupted: batches already committed are kept; run the same import again to continue\n")
				return err
			}
			if errors.Is(err, collect.ErrStrict) {
				return err
			}
			fmt.Fprintf(stderr, "jobminer import: %v\n", err)
			failed++
			continue
		}
		if res.Rows > 0 && res.Counts.New == 0 && res.Counts.Duplicates == 0 {
			// Every row failed: a script must not take this for success.
			fmt.Fprintf(stderr, "jobminer import: %s: nothing stored, all %d rows were skipped\n", path, res.Rows)
			failed++
		}
	}
	if failed > 0 {
		return fmt.Errorf("%d of %d files could not be imported", failed, len(files))
	}
	if problems > 0 {
		fmt.Fprintf(stdout, "problems are listed by: jobminer stats --db %s --problems 20\n", *db)
	}
	return nil
}

// printReasons prints the problems grouped by cause, most frequent
// first, each group with its first problems as they were (real values and
// lines), not the grouping key.
func printReasons(w io.Writer, reasons map[string]int, examples collect.Examples) {
	keys := make([]string, 0, len(reasons))
	for k := range reasons {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if reasons[keys[i]] != reasons[keys[j]] {
			return reasons[keys[i]] > reasons[keys[j]]
		}
		return keys[i] < keys[j]
	})
	for _, k := range keys {
		ex := examples[k]
		if len(ex) == 0 {
			fmt.Fprintf(w, "  %6d × %s\n", reasons[k], k)
			continue
		}
		parts := make([]string, len(ex))
		for i, e := range ex {
			switch {
			case e.URL != "":
				parts[i] = fmt.Sprintf("%s (%s)", e.Reason, e.URL)
			case e.Line > 0:
				parts[i] = fmt.Sprintf("%s (line %d)", e.Reason, e.Line)
			default:
				parts[i] = e.Reason
			}
		}
		more := ""
		if reasons[k] > len(ex) {
			more = fmt.Sprintf("; %d more like it", reasons[k]-len(ex))
		}
		fmt.Fprintf(w, "  %6d × %s%s\n", reasons[k], strings.Join(parts, "; "), more)
	}
}
