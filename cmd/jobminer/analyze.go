package main

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"jobminer/classifiers"
	"jobminer/pipeline/analyze"
)

func init() {
	register(command{name: "analyze", summary: "split documents into sentences and classify them (pain/gain, outcomes, job, situation, journey)", run: runAnalyze})
	register(command{name: "classify", summary: "classify sentences read from stdin or a file, no database needed", run: runClassify})
	register(command{name: "eval", summary: "precision, recall and F1 of the classifiers on a labelled TSV or a SemEval aspect file", run: runEval})
}

func lexiconFlag(fs *flag.FlagSet) *string {
	return fs.String("lexicons", "", "`directory` whose en/*.tsv files extend or override the built-in lexicons")
}

func loadClassifier(dir string) (*classifiers.Classifier, error) {
	return classifiers.Load(dir)
}

func runAnalyze(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("analyze", "analyze [flags]", stderr)
	db := dbFlag(fs)
	lex := lexiconFlag(fs)
	force := fs.Bool("force", false, "re-analyze documents already analyzed")
	workers := fs.Int("workers", 0, "parallel workers (default: all cores)")
	quiet := fs.Bool("quiet", false, "no progress bar")
	if err := parseNoArgs(fs, args); err != nil {
		return err
	}
	c, err := loadClassifier(*lex)
	if err != nil {
		return err
	}
	st, err := openExistingStore(*db)
	if err != nil {
		return err
	}
	defer st.Close()
	pending, err := analyze.Pending(ctx, st, *force)
	if err != nil {
		return err
	}
	bar := newBar(showProgress(*quiet, stdout, stderr), int64(pending), "analyzing", false, stderr)
	start := time.Now()
	s, err := analyze.Run(ctx, st, c, analyze.Options{Force: *force, Workers: *workers, Progress: func(n int) { barAdd(bar, int64(n)) }})
	barFinish(bar)
	secs := time.Since(start).Seconds()
	fmt.Fprintf(stdout, "analyzed %d documents into %d sentences (lexicons %s) in %.1fs", s.Documents, s.Sentences, c.Version, secs)
	if secs > 0 && s.Documents > 0 {
		fmt.Fprintf(stdout, ": %.0f sentences/s, %.1f MB/s", float64(s.Sentences)/secs, float64(s.Bytes)/secs/1e6)
	}
	fmt.Fprintln(stdout)
	if s.Outdated > 0 {
		fmt.Fprintf(stdout, "%d documents were analyzed with other lexicons; --force re-analyzes them\n", s.Outdated)
	}
	return err
}

func runClassify(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("classify", "classify [flags] < sentences.txt   (one sentence a line; blank lines are skipped)", stderr)
	lex := lexiconFlag(fs)
	in := fs.String("in", "", "read lines from this `file` instead of stdin")
	rating := fs.Float64("rating", 0, "star rating (1..5) to use as the prior for every line")
	format := fs.String("format", "tsv", "output `format`: tsv or jsonl")
	header := fs.Bool("header", false, "print a header row (tsv)")
	if err := parseNoArgs(fs, args); err != nil {
		return err
	}
	if *format != "tsv" && *format != "jsonl" {
		return fmt.Errorf("unknown --format %q (tsv or jsonl)", *format)
	}
	if *rating != 0 && (*rating < 1 || *rating > 5) {
		return fmt.Errorf("--rating %g: a star rating is 1..5 (0 for none)", *rating)
	}
	c, err := loadClassifier(*lex)
	if err != nil {
		return err
	}
	var r io.Reader = os.Stdin
	if *in != "" {
		f, err := os.Open(*in)
		if err != nil {
			return err
		}
		defer f.Close()
		r = f
	}
	w := bufio.NewWriter(stdout)
	defer w.Flush()
	if *header && *format == "tsv" {
		fmt.Fprintln(w, "polarity_score\tpolarity\toutcomes\tevidence\tjob\tsituation\tjourney_stage\talternative\taspects\tsegment\tforce\ttouchpoint\tline\ttext")
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	enc := json.NewEncoder(w)
	line := 0
	for sc.Scan() {
		line++
		if strings.TrimSpace(sc.Text()) == "" {
			continue // no sentence: no record (jsonl records carry their line)
		}
		res := c.ClassifyAuto(sc.Text(), *rating)
		aspects := c.Aspects(sc.Text())
		outcomes := strings.Join(res.Outcomes, ",")
		if outcomes == "" {
			outcomes = "none"
		}
		if *format == "jsonl" {
			enc.Encode(map[string]any{"line": line, "text": sc.Text(), "polarity_score": res.PolarityScore, "polarity": res.Polarity,
				"outcomes": orEmpty(res.Outcomes), "outcome_scores": res.OutcomeScores, "evidence": orEmpty(res.Evidence), "job": res.Job,
				"situation": res.Situation, "journey_stage": res.JourneyStage, "alternative": res.Alternative, "aspects": orEmpty(aspects),
				"segment": res.Segment, "force": res.Force, "touchpoint": res.Touchpoint})
			continue
		}
		// The line and the text come last, so a row reads on its own and
		// the columns before them keep their places.
		fmt.Fprintf(w, "%.4f\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%d\t%s\n", res.PolarityScore, res.Polarity, outcomes,
			strings.Join(res.Evidence, ","), tsvField(res.Job), tsvField(res.Situation), res.JourneyStage, tsvField(res.Alternative),
			tsvField(strings.Join(aspects, ",")), tsvField(res.Segment), res.Force, res.Touchpoint, line, tsvField(sc.Text()))
	}
	return sc.Err()
}

// orEmpty makes a nil list an empty one, so JSON shows [] and not null.
func orEmpty(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// tsvBlanks turns the tabs and line breaks of a field into spaces.
var tsvBlanks = strings.NewReplacer("\t", " ", "\n", " ")

func tsvField(s string) string { return tsvBlanks.Replace(s) }

// readLabelledFiles reads labelled TSV files (classifiers.ReadLabelled)
// one after the other.
func readLabelledFiles(paths []string) ([]classifiers.Labelled, error) {
	var all []classifiers.Labelled
	for _, path := range paths {
		f, err := os.Open(path)
		if err != nil {
			return nil, err
		}
		set, err := classifiers.ReadLabelled(f, path)
		f.Close()
		if err != nil {
			return nil, err
		}
		if len(set) == 0 {
			return nil, fmt.Errorf("%s: no labelled sentences (a header row, then one sentence a line)", path)
		}
		all = append(all, set...)
	}
	return all, nil
}

func runEval(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("eval", "eval [flags] LABELLED.tsv... | SEMEVAL.xml[.gz]...", stderr)
	lex := lexiconFlag(fs)
	format := fs.String("format", "text", "output `format`: text or json")
	split := fs.String("split", "all", "SemEval aspect files: score `all` sentences, the heldout fifth the built-in aspect model was not trained on, or the trained rest")
	files, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(files) == 0 {
		fs.Usage()
		return errUsage
	}
	if *split != "all" && *split != "heldout" && *split != "trained" {
		fmt.Fprintf(fs.Output(), "jobminer eval: unknown --split %q (all, heldout or trained)\n", *split)
		return errUsage
	}
	c, err := loadClassifier(*lex)
	if err != nil {
		return err
	}
	if isAspectFile(files[0]) {
		for _, f := range files {
			if !isAspectFile(f) {
				return fmt.Errorf("%s: score SemEval aspect files (.xml) and labelled TSV files in separate runs", f)
			}
		}
		return evalAspects(c, files, *split, *format, stdout)
	}
	all, err := readLabelledFiles(files)
	if err != nil {
		return err
	}
	ev := c.Evaluate(all)
	if *format == "json" {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(ev)
	}
	fmt.Fprintf(stdout, "%s (lexicons %s)\n\n", strings.Join(files, ", "), c.Version)
	ev.WriteText(stdout)
	return nil
}
