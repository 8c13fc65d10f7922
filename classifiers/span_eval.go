package classifiers

import (
	"fmt"
	"io"
	"strings"
	"unicode"
)

// SpanKinds are the extracted spans a labelled set may hold.
var SpanKinds = []string{"job", "situation", "alternative"}

// SpanScore scores one kind of extracted span against labelled spans.
// Detection counts a found span as right when it shares a word with the
// labelled one; token overlap is the words they share, summed over the
// set (as SQuAD's F1, micro-averaged).
type SpanScore struct {
	Kind      string  `json:"kind"`
	Sentences int     `json:"sentences"`
	Labelled  int     `json:"labelled"` // sentences with a labelled span
	Found     int     `json:"found"`    // sentences with an extracted span
	TP        int     `json:"tp"`
	FP        int     `json:"fp"`
	FN        int     `json:"fn"`
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
	// Token overlap of the spans: shared words over extracted words
	// (precision) and over labelled words (recall).
	TokenPrecision float64 `json:"token_precision"`
	TokenRecall    float64 `json:"token_recall"`
	TokenF1        float64 `json:"token_f1"`
}

// spanOf returns the result's span of a kind.
func spanOf(r *Result, kind string) string {
	switch kind {
	case "job":
		return r.Job
	case "situation":
		return r.Situation
	case "alternative":
		return r.Alternative
	}
	return ""
}

// spanWords are the lower-case words of a span.
func spanWords(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

// overlap counts the words two spans share (as multisets).
func overlap(a, b []string) int {
	n := map[string]int{}
	for _, w := range a {
		n[w]++
	}
	shared := 0
	for _, w := range b {
		if n[w] > 0 {
			n[w]--
			shared++
		}
	}
	return shared
}

type spanTally struct {
	s                   SpanScore
	shared, found, gold int
}

func (t *spanTally) add(gold, pred string) {
	t.s.Sentences++
	g, p := spanWords(gold), spanWords(pred)
	if len(g) > 0 {
		t.s.Labelled++
	}
	if len(p) > 0 {
		t.s.Found++
	}
	sh := overlap(g, p)
	t.shared += sh
	t.found += len(p)
	t.gold += len(g)
	switch {
	case len(p) > 0 && sh > 0:
		t.s.TP++
	case len(p) > 0:
		t.s.FP++
		if len(g) > 0 {
			t.s.FN++
		}
	case len(g) > 0:
		t.s.FN++
	}
}

func (t *spanTally) finish() SpanScore {
	s := t.s
	cs := score(s.Kind, s.TP, s.FP, s.FN)
	s.Precision, s.Recall, s.F1 = cs.Precision, cs.Recall, cs.F1
	if t.found > 0 {
		s.TokenPrecision = float64(t.shared) / float64(t.found)
	}
	if t.gold > 0 {
		s.TokenRecall = float64(t.shared) / float64(t.gold)
	}
	if s.TokenPrecision+s.TokenRecall > 0 {
		s.TokenF1 = 2 * s.TokenPrecision * s.TokenRecall / (s.TokenPrecision + s.TokenRecall)
	}
	return s
}

func writeSpans(w io.Writer, spans []SpanScore) {
	if len(spans) == 0 {
		return
	}
	fmt.Fprintf(w, "spans: %d sentences\n", spans[0].Sentences)
	fmt.Fprintf(w, "  %-11s %8s %6s %9s %9s %9s %9s %9s %9s\n", "kind", "labelled", "found", "precision", "recall", "f1", "token-P", "token-R", "token-F1")
	for _, s := range spans {
		fmt.Fprintf(w, "  %-11s %8d %6d %9.3f %9.3f %9.3f %9.3f %9.3f %9.3f\n", s.Kind, s.Labelled, s.Found, s.Precision, s.Recall, s.F1, s.TokenPrecision, s.TokenRecall, s.TokenF1)
	}
	fmt.Fprintln(w)
}
