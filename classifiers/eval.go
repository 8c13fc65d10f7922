package classifiers

import (
	"bufio"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
)

// Labelled is one sentence of an evaluation set. An empty label means
// "not labelled for this task".
type Labelled struct {
	ID       string
	Text     string
	Rating   float64
	Polarity string   // pain, gain, neutral or ""
	Outcomes []string // nil: not labelled; empty: none
	// Spans, when the set has job/situation/alternative columns: the
	// labelled span of each kind ("" for none), keyed by kind.
	Spans map[string]string
	// Customer labels, when the set has segment/force/touchpoint columns.
	Customer *CustomerLabels
	Line     int
}

// labelledColumns are the columns ReadLabelled reads; a row must reach the
// last of them the header has (a trailing notes column may stay off).
var labelledColumns = []string{"id", "text", "rating", "polarity", "outcomes", "job", "situation", "alternative", "segment", "force", "touchpoint"}

// ReadLabelled reads a TSV with a header naming at least text and one of
// polarity or outcomes; rating and id are optional, other columns ignored.
func ReadLabelled(r io.Reader, name string) ([]Labelled, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	cols := map[string]int{}
	needed := 0 // fields a row needs: up to the last column read
	var out []Labelled
	line := 0
	for sc.Scan() {
		line++
		f := strings.Split(strings.TrimRight(sc.Text(), "\r"), "\t")
		if line == 1 {
			for i, c := range f {
				cols[strings.ToLower(strings.TrimSpace(c))] = i
			}
			if _, ok := cols["text"]; !ok {
				return nil, fmt.Errorf("%s line 1: the header has no text column (columns: %s)", name, strings.Join(f, ", "))
			}
			_, p := cols["polarity"]
			_, o := cols["outcomes"]
			_, j := cols["job"]
			_, fc := cols["force"]
			if !p && !o && !j && !fc {
				return nil, fmt.Errorf("%s line 1: the header needs a polarity, outcomes, job (spans) or force (segment, force, touchpoint) column", name)
			}
			for _, c := range labelledColumns {
				if i, ok := cols[c]; ok {
					needed = max(needed, i+1)
				}
			}
			continue
		}
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		if len(f) < needed {
			return nil, fmt.Errorf("%s line %d: %d tab-separated fields where the header's labelled columns need %d (a tab lost, or one inside the text?): %q", name, line, len(f), needed, sc.Text())
		}
		get := func(c string) string {
			if i, ok := cols[c]; ok && i < len(f) {
				return strings.TrimSpace(f[i])
			}
			return ""
		}
		l := Labelled{ID: get("id"), Text: get("text"), Polarity: strings.ToLower(get("polarity")), Line: line}
		if _, ok := cols["job"]; ok {
			l.Spans = map[string]string{}
			for _, k := range SpanKinds {
				if v := get(k); v != "" {
					if !strings.Contains(l.Text, v) {
						return nil, fmt.Errorf("%s line %d: %s %q is not a part of the sentence", name, line, k, v)
					}
					l.Spans[k] = v
				}
			}
		}
		if l.Text == "" {
			return nil, fmt.Errorf("%s line %d: empty text", name, line)
		}
		if _, ok := cols["force"]; ok {
			cl, err := readCustomerLabels(l.Text, get, func(c string) bool { _, ok := cols[c]; return ok })
			if err != nil {
				return nil, fmt.Errorf("%s line %d: %w", name, line, err)
			}
			l.Customer = cl
		}
		if v := get("rating"); v != "" {
			r, err := strconv.ParseFloat(v, 64)
			if err != nil || r < 1 || r > 5 {
				return nil, fmt.Errorf("%s line %d: rating %q is not 1..5", name, line, v)
			}
			l.Rating = r
		}
		if l.Polarity != "" && l.Polarity != Pain && l.Polarity != Gain && l.Polarity != Neutral {
			return nil, fmt.Errorf("%s line %d: polarity %q is not pain, gain or neutral", name, line, l.Polarity)
		}
		if v := strings.ToLower(get("outcomes")); v != "" {
			l.Outcomes = []string{}
			if v != "none" {
				for _, o := range strings.Split(v, ",") {
					o = strings.TrimSpace(o)
					if o != Functional && o != Emotional && o != Social {
						return nil, fmt.Errorf("%s line %d: outcome %q is not functional, emotional, social or none", name, line, o)
					}
					l.Outcomes = append(l.Outcomes, o)
				}
			}
		}
		out = append(out, l)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return out, nil
}

// ClassScore is precision, recall and F1 of one class.
type ClassScore struct {
	Class     string  `json:"class"`
	Support   int     `json:"support"`
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
	TP        int     `json:"tp"`
	FP        int     `json:"fp"`
	FN        int     `json:"fn"`
}

// TaskScore is the evaluation of one task.
type TaskScore struct {
	Task      string                    `json:"task"`
	Sentences int                       `json:"sentences"`
	Classes   []ClassScore              `json:"classes"`
	MacroF1   float64                   `json:"macro_f1"`
	Accuracy  float64                   `json:"accuracy"`            // polarity: share right; outcomes: exact label set
	Confusion map[string]map[string]int `json:"confusion,omitempty"` // polarity: gold -> predicted
}

// Evaluation is the outcome of Evaluate.
type Evaluation struct {
	Polarity *TaskScore     `json:"polarity,omitempty"`
	Outcomes *TaskScore     `json:"outcomes,omitempty"`
	Spans    []SpanScore    `json:"spans,omitempty"`
	Customer *CustomerScore `json:"customer,omitempty"`
}

func score(class string, tp, fp, fn int) ClassScore {
	s := ClassScore{Class: class, Support: tp + fn, TP: tp, FP: fp, FN: fn}
	if tp+fp > 0 {
		s.Precision = float64(tp) / float64(tp+fp)
	}
	if tp+fn > 0 {
		s.Recall = float64(tp) / float64(tp+fn)
	}
	if s.Precision+s.Recall > 0 {
		s.F1 = 2 * s.Precision * s.Recall / (s.Precision + s.Recall)
	}
	return s
}

// Evaluate classifies every labelled sentence and scores each task.
func (c *Classifier) Evaluate(set []Labelled) Evaluation {
	var ev Evaluation
	pol := &TaskScore{Task: "polarity", Confusion: map[string]map[string]int{}}
	out := &TaskScore{Task: "outcomes"}
	counts := map[string]*[3]int{} // tp, fp, fn
	for _, k := range []string{Pain, Gain, Neutral, Functional, Emotional, Social} {
		counts[k] = &[3]int{}
	}
	polRight, outRight := 0, 0
	spans := map[string]*spanTally{}
	for _, k := range SpanKinds {
		spans[k] = &spanTally{s: SpanScore{Kind: k}}
	}
	hasSpans := false
	var cust *customerTally
	for _, l := range set {
		r := c.ClassifyAuto(l.Text, l.Rating)
		if l.Customer != nil {
			if cust == nil {
				cust = newCustomerTally()
			}
			cust.add(l.Customer, &r)
		}
		if l.Spans != nil {
			hasSpans = true
			for _, k := range SpanKinds {
				spans[k].add(l.Spans[k], spanOf(&r, k))
			}
		}
		if l.Polarity != "" {
			pol.Sentences++
			if pol.Confusion[l.Polarity] == nil {
				pol.Confusion[l.Polarity] = map[string]int{}
			}
			pol.Confusion[l.Polarity][r.Polarity]++
			if r.Polarity == l.Polarity {
				polRight++
				counts[l.Polarity][0]++
			} else {
				counts[r.Polarity][1]++
				counts[l.Polarity][2]++
			}
		}
		if l.Outcomes != nil {
			out.Sentences++
			gold := map[string]bool{}
			for _, o := range l.Outcomes {
				gold[o] = true
			}
			pred := map[string]bool{}
			for _, o := range r.Outcomes {
				pred[o] = true
			}
			exact := true
			for _, d := range Dimensions {
				switch {
				case gold[d] && pred[d]:
					counts[d][0]++
				case pred[d]:
					counts[d][1]++
					exact = false
				case gold[d]:
					counts[d][2]++
					exact = false
				}
			}
			if exact {
				outRight++
			}
		}
	}
	finish := func(t *TaskScore, classes []string, right int) *TaskScore {
		if t.Sentences == 0 {
			return nil
		}
		for _, k := range classes {
			cs := score(k, counts[k][0], counts[k][1], counts[k][2])
			t.Classes = append(t.Classes, cs)
			t.MacroF1 += cs.F1 / float64(len(classes))
		}
		t.Accuracy = float64(right) / float64(t.Sentences)
		return t
	}
	if hasSpans {
		for _, k := range SpanKinds {
			ev.Spans = append(ev.Spans, spans[k].finish())
		}
	}
	if cust != nil {
		ev.Customer = cust.finish()
	}
	ev.Polarity = finish(pol, []string{Pain, Gain, Neutral}, polRight)
	ev.Outcomes = finish(out, Dimensions, outRight)
	if ev.Outcomes != nil {
		ev.Outcomes.Confusion = nil
	}
	return ev
}

// WriteText prints an evaluation as tables.
func (ev Evaluation) WriteText(w io.Writer) {
	for _, t := range []*TaskScore{ev.Polarity, ev.Outcomes} {
		if t == nil {
			continue
		}
		fmt.Fprintf(w, "%s: %d sentences\n", t.Task, t.Sentences)
		fmt.Fprintf(w, "  %-11s %9s %9s %9s %8s\n", "class", "precision", "recall", "f1", "support")
		for _, c := range t.Classes {
			fmt.Fprintf(w, "  %-11s %9.3f %9.3f %9.3f %8d\n", c.Class, c.Precision, c.Recall, c.F1, c.Support)
		}
		fmt.Fprintf(w, "  %-11s %29.3f\n", "macro-F1", t.MacroF1)
		label := "accuracy"
		if t.Task == "outcomes" {
			label = "exact set"
		}
		fmt.Fprintf(w, "  %-11s %29.3f\n", label, t.Accuracy)
		if t.Confusion != nil {
			classes := []string{Pain, Gain, Neutral}
			fmt.Fprintf(w, "  confusion (rows: labelled, columns: predicted)\n  %-9s", "")
			for _, c := range classes {
				fmt.Fprintf(w, " %8s", c)
			}
			fmt.Fprintln(w)
			for _, g := range classes {
				fmt.Fprintf(w, "  %-9s", g)
				for _, p := range classes {
					fmt.Fprintf(w, " %8d", t.Confusion[g][p])
				}
				fmt.Fprintln(w)
			}
		} else {
			fmt.Fprintf(w, "  per label: tp/fp/fn")
			names := make([]string, 0, len(t.Classes))
			for _, c := range t.Classes {
				names = append(names, fmt.Sprintf("%s %d/%d/%d", c.Class, c.TP, c.FP, c.FN))
			}
			sort.Strings(names)
			fmt.Fprintf(w, " %s\n", strings.Join(names, ", "))
		}
		fmt.Fprintln(w)
	}
	writeSpans(w, ev.Spans)
	writeCustomer(w, ev.Customer)
}
