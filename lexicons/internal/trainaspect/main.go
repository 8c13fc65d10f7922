// Command trainaspect writes lexicons/en/aspect_model.tsv, the weights
// of the aspect-term tagger (classifiers/aspect), trained on the
// SemEval-2014 Task 4 training sets (laptop and restaurant reviews,
// Pontiki et al. 2014) in ../shared/data, leaving out the held-out fifth
// (aspect.HeldOut) that `jobminer eval --split heldout` scores. It reads
// en/word_class.tsv, so run genwordclass first when that changes. Run it
// from the lexicons directory:
//
//	go run ./internal/trainaspect ../../shared/data
package main

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"jobminer/classifiers/aspect"
)

func main() {
	data := "../../shared/data"
	if len(os.Args) > 1 {
		data = os.Args[1]
	}
	if err := run(data); err != nil {
		fmt.Fprintln(os.Stderr, "trainaspect:", err)
		os.Exit(1)
	}
}

func run(data string) error {
	class, err := readClasses("en/word_class.tsv")
	if err != nil {
		return err
	}
	var train []aspect.Sentence
	held := 0
	for _, f := range []string{"Laptop_Train_v2.xml.gz", "Restaurants_Train_v2.xml.gz"} {
		ss, err := aspect.ReadSemEval(filepath.Join(data, "semeval2014-absa", f))
		if err != nil {
			return err
		}
		for _, s := range ss {
			if aspect.HeldOut(s.Text) {
				held++
				continue
			}
			train = append(train, s)
		}
	}
	t := aspect.Trainer{Epochs: 12, Seed: 1, Prune: 1, Dropout: 0.1}.Train(train, class)
	f, err := os.Create("en/aspect_model.tsv")
	if err != nil {
		return err
	}
	header := fmt.Sprintf("# Aspect-term tagger weights (feature, then weights for outside, begin, inside of a term): %d features.\n"+
		"# An averaged perceptron trained by lexicons/internal/trainaspect on %d sentences of the SemEval-2014 Task 4\n"+
		"# training sets (laptops, restaurants; Pontiki et al. 2014, research use), %d held-out sentences left out.\n", t.Features(), len(train), held)
	if err := t.Write(f, header); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

func readClasses(path string) (map[string]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	m := map[string]string{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if w, c, ok := strings.Cut(line, "\t"); ok {
			m[w] = c
		}
	}
	return m, sc.Err()
}
