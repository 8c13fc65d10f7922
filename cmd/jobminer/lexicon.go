package main

import (
	"context"
	"fmt"
	"io"
	"strings"

	"jobminer/pipeline/learn"
)

func init() {
	register(command{name: "lexicon", summary: "lexicon tools: \"lexicon learn\" induces pain/gain terms from star-rated reviews, \"lexicon train\" fits the sentence model to labelled sentences", run: runLexicon})
}

const lexiconUsage = "Usage: jobminer lexicon learn|train [flags]   (jobminer lexicon learn -h, jobminer lexicon train -h for their flags)"

func runLexicon(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) > 0 && args[0] == "train" {
		return runTrain(args[1:], stdout, stderr)
	}
	if len(args) == 0 || args[0] != "learn" {
		if len(args) > 0 && (args[0] == "-h" || args[0] == "--help") {
			fmt.Fprintln(stdout, lexiconUsage)
			return nil
		}
		fmt.Fprintln(stderr, lexiconUsage)
		return errUsage
	}
	fs := newFlags("lexicon learn", "lexicon learn [flags]", stderr)
	db := dbFlag(fs)
	lex := lexiconFlag(fs)
	out := fs.String("out", "learned-lexicons", "write the layer to `dir`/en/learned.tsv (dir/zh/ with --lang zh); use it with --lexicons dir")
	var o learn.Options
	fs.IntVar(&o.MinReviews, "min-reviews", 10, "a term must occur in at least `n` counted reviews")
	fs.IntVar(&o.MinProducts, "min-products", 3, "a term must occur in reviews of at least `n` products")
	fs.Float64Var(&o.MinZ, "min-z", 3, "keep terms whose log-odds z-score is at least `z` in size (weaker ones are story words of unhappy reviews, \"tried\", \"wanted\", that push neutral sentences)")
	fs.StringVar(&o.Lang, "lang", "en", "learn from the documents of `language` en or zh (Traditional and Simplified Chinese, words from the segmenter)")
	fs.IntVar(&o.MaxWords, "max-words", 3, "longest phrase, in `words`")
	fs.IntVar(&o.MaxTerms, "max-terms", 5000, "keep at most `n` terms")
	fs.Float64Var(&o.Scale, "scale", 0.5, "weight = `k` × log-odds (valence units)")
	top := fs.Int("top", 20, "print the `n` strongest terms of each side")
	exclude := fs.String("exclude", "", "comma-separated labelled TSV `files`: reviews holding their sentences are not learned from")
	quiet := fs.Bool("quiet", false, "no progress bar")
	if err := parseNoArgs(fs, args[1:]); err != nil {
		return err
	}
	if err := oneOf(fs, "lang", o.Lang, "en", "zh"); err != nil {
		return err
	}
	if *exclude != "" {
		set, err := readLabelledFiles(strings.Split(*exclude, ","))
		if err != nil {
			return err
		}
		for _, l := range set {
			o.Exclude = append(o.Exclude, l.Text)
		}
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
	var rated int64
	if err := st.DB().QueryRowContext(ctx, `SELECT count(*) FROM documents WHERE rating IS NOT NULL`).Scan(&rated); err != nil {
		return err
	}
	bar := newBar(showProgress(*quiet, stdout, stderr), rated, "learning", false, stderr)
	o.Progress = func(n int) { barAdd(bar, int64(n)) }
	res, err := learn.Learn(ctx, st.DB(), c, o)
	barFinish(bar)
	if err != nil {
		return err
	}
	path, err := res.WriteLayer(*out, st.Path())
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "learned %d terms from %d reviews of 1-2 stars and %d of 4-5 stars (%d copies by the same author counted once, %d excluded, %d of 3 stars not counted; %d candidate terms)\n",
		len(res.Terms), res.PainReviews, res.GainReviews, res.Copies, res.Excluded, res.Neutral, res.Candidates)
	if *top > 0 {
		for _, side := range []struct {
			name string
			pain bool
		}{{"pain", true}, {"gain", false}} {
			fmt.Fprintf(stdout, "\nstrongest %s terms (weight, reviews 1-2★ / 4-5★, products):\n", side.name)
			shown := 0
			for _, t := range res.Terms {
				if (t.Weight < 0) != side.pain || shown == *top {
					continue
				}
				fmt.Fprintf(stdout, "  %-28s %+5.2f  %5d / %-5d %4d\n", t.Text, t.Weight, t.Pain, t.Gain, t.Products)
				shown++
			}
		}
	}
	fmt.Fprintf(stdout, "\nwrote %s; use it with --lexicons %s\n", path, *out)
	return nil
}
