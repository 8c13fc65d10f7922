package main

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"jobminer/classifiers"
	"jobminer/classifiers/aspect"
)

// isAspectFile reports whether an eval argument is a SemEval-2014 aspect file.
func isAspectFile(path string) bool {
	return strings.HasSuffix(path, ".xml") || strings.HasSuffix(path, ".xml.gz")
}

// evalAspects scores aspect-term extraction on SemEval XML files. split
// picks the sentences: all, heldout (the fifth the built-in model was
// not trained on) or trained (the other four fifths).
func evalAspects(c *classifiers.Classifier, files []string, split, format string, stdout io.Writer) error {
	var all []aspect.Sentence
	for _, path := range files {
		ss, err := aspect.ReadSemEval(path)
		if err != nil {
			return err
		}
		for _, s := range ss {
			if split == "all" || (split == "heldout") == aspect.HeldOut(s.Text) {
				all = append(all, s)
			}
		}
	}
	ev := c.EvaluateAspects(all)
	if format == "json" {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(ev)
	}
	fmt.Fprintf(stdout, "%s, %s sentences (lexicons %s)\n\n", strings.Join(files, ", "), split, c.Version)
	ev.WriteText(stdout)
	return nil
}
