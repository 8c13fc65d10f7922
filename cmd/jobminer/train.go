package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"jobminer/classifiers"
	"jobminer/classifiers/lang"
)

// runTrain is "jobminer lexicon train": it fits the sentence model that
// weighs the rules' findings into a pain / gain / neutral verdict, and the
// outcome model, to labelled sentences and writes them as
// DIR/en/polarity_model.tsv and DIR/en/outcome_model.tsv (with --lang zh:
// the sentence model only, DIR/zh/polarity_model.tsv).
func runTrain(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("lexicon train", "lexicon train [flags] LABELLED.tsv...", stderr)
	lex := lexiconFlag(fs)
	out := fs.String("out", "learned-lexicons", "write the models to `dir`/en/ (dir/zh/ with --lang zh); use them with --lexicons dir")
	folds := fs.Int("folds", 5, "cross-validate over `n` folds of the labelled sentences: the polarity figure (0: none) and the outcome model's choice of dimensions (always, 5 folds when n < 2)")
	var o classifiers.TrainOptions
	fs.IntVar(&o.MinCount, "words", 10, "also weigh the words (Chinese: pairs of adjacent characters) found in at least `n` training samples, each rated sentence counting twice (as rated and without its rating; 0: the rules' findings only)")
	fs.Float64Var(&o.L2, "l2", 0.01, "weight decay of the findings' weights")
	fs.Float64Var(&o.WordL2, "word-l2", 0.003, "weight decay of the words' weights")
	fs.IntVar(&o.Epochs, "epochs", 400, "passes of gradient descent")
	fs.Float64Var(&o.Balance, "balance", 0.5, "class balance `b`: a sentence of a class of n_k weighs (n/(3 n_k))^b; 0 every sentence alike, 1 every class alike")
	fs.BoolVar(&o.KeepRatings, "keep-ratings", false, "train on rated sentences only as rated (by default each is also seen without its rating)")
	fs.StringVar(&o.Lang, "lang", "en", "train on the labelled sentences of `language` en or zh (Chinese: the sentence model only)")
	files, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if err := oneOf(fs, "lang", o.Lang, "en", "zh"); err != nil {
		return err
	}
	if len(files) == 0 {
		fmt.Fprintln(fs.Output(), "jobminer lexicon train: name the labelled TSV files to train on (a polarity column; never a test set)")
		return errUsage
	}
	labelled, err := readLabelledFiles(files)
	if err != nil {
		return err
	}
	c, err := loadClassifier(*lex)
	if err != nil {
		return err
	}
	var set []classifiers.Labelled
	counts := map[string]int{}
	outcomeLabels := 0
	for _, l := range labelled {
		// The sentences of the language trained, with a label of either kind.
		if lang.LooksChinese(l.Text) != (o.Lang == "zh") || l.Polarity == "" && l.Outcomes == nil {
			continue
		}
		set = append(set, l)
		if l.Polarity != "" {
			counts[l.Polarity]++
		}
		if l.Outcomes != nil {
			outcomeLabels++
		}
	}
	m, err := c.TrainPolarity(set, o)
	if err != nil {
		return fmt.Errorf("train: %w", err)
	}
	polarityLabels := counts[classifiers.Pain] + counts[classifiers.Gain] + counts[classifiers.Neutral]
	fmt.Fprintf(stdout, "trained on %d labelled %s sentences (pain %d, gain %d, neutral %d) from %s\n",
		polarityLabels, lang.Name(o.Lang), counts[classifiers.Pain], counts[classifiers.Gain], counts[classifiers.Neutral], strings.Join(files, ", "))
	fmt.Fprintln(stdout, "(the tables written replace the built-in ones whole: name the project's real dev sets too, testdata/labelled/real-dev.tsv and real-dev[0-9]*.tsv, to keep what they were fitted to)")
	if *folds > 1 {
		model, rules := c.CrossValidate(set, o, *folds, 1)
		fmt.Fprintf(stdout, "%d-fold cross-validated polarity macro-F1: model %.3f, the rules' thresholds %.3f\n", *folds, model, rules)
	}
	path := filepath.Join(*out, o.Lang, "polarity_model.tsv")
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	header := []string{
		"Sentence model for the pain / gain / neutral verdict (classifiers/sentence_model.go): a multinomial",
		"logistic regression over the rules' findings; the class of the highest weighted sum wins.",
		fmt.Sprintf("Written by \"jobminer lexicon train\" on %s from %s:", time.Now().UTC().Format("2006-01-02"), strings.Join(files, ", ")),
		fmt.Sprintf("%d sentences (pain %d, gain %d, neutral %d); words from %d sentences (0: none), L2 %g, word L2 %g, %d epochs, class balance %g, rating-free copies %t.",
			polarityLabels, counts[classifiers.Pain], counts[classifiers.Gain], counts[classifiers.Neutral], o.MinCount, o.L2, o.WordL2, o.Epochs, o.Balance, !o.KeepRatings),
	}
	if err := m.WriteTSV(f, header); err != nil {
		f.Close()
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if o.Lang == "zh" {
		fmt.Fprintf(stdout, "wrote %s; use it with --lexicons %s\n", path, *out)
		return nil
	}
	if outcomeLabels < classifiers.MinTrainSentences {
		fmt.Fprintf(stdout, "wrote %s; use it with --lexicons %s\n(no outcome model: %d sentences have an outcomes label, at least %d are needed)\n", path, *out, outcomeLabels, classifiers.MinTrainSentences)
		return nil
	}
	fmt.Fprintf(stdout, "wrote %s\n", path)

	// The outcome model always cross-validates: that is how it chooses
	// the dimensions it decides (5 folds when --folds is under 2).
	om, fits, err := c.TrainOutcomes(set, o, *folds, 1)
	if err != nil {
		return fmt.Errorf("train: %w", err)
	}
	header = header[:0]
	header = append(header,
		"Outcome model (classifiers/outcome_model.go): one logistic regression per dimension over the rules' findings;",
		"it decides a dimension whose \"use\" is 1 (its cross-validated F1 beat the rules' by "+fmt.Sprint(classifiers.MinOutcomeGain)+"), the rules decide the others.",
		fmt.Sprintf("Written by \"jobminer lexicon train\" on %s from %s:", time.Now().UTC().Format("2006-01-02"), strings.Join(files, ", ")))
	for _, f := range fits {
		verdict := "the rules decide"
		if f.Used {
			verdict = "the model decides"
		}
		line := fmt.Sprintf("%s: %d of %d sentences; %d-fold cross-validated F1 model %.3f, rules %.3f: %s", f.Dimension, f.Positive, f.Sentences, max(*folds, 2), f.Model, f.Rules, verdict)
		fmt.Fprintln(stdout, line)
		header = append(header, line)
	}
	opath := filepath.Join(*out, "en", "outcome_model.tsv")
	f, err = os.Create(opath)
	if err != nil {
		return err
	}
	if err := om.WriteTSV(f, header); err != nil {
		f.Close()
		return fmt.Errorf("write %s: %w", opath, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("write %s: %w", opath, err)
	}
	fmt.Fprintf(stdout, "wrote %s; use them with --lexicons %s\n", opath, *out)
	return nil
}
