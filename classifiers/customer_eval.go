package classifiers

import (
	"fmt"
	"io"
	"slices"
	"strings"
)

// CustomerLabels are a sentence's labelled segment (a span, "" for
// none), force and touchpoint ("" for none).
type CustomerLabels struct {
	Segment, Force, Touchpoint string
	// Which of segment and touchpoint the set labels (force it always
	// does).
	HasSegment, HasTouchpoint bool
}

func readCustomerLabels(text string, get func(string) string, has func(string) bool) (*CustomerLabels, error) {
	l := &CustomerLabels{Segment: get("segment"), Force: strings.ToLower(get("force")), Touchpoint: strings.ToLower(get("touchpoint")),
		HasSegment: has("segment"), HasTouchpoint: has("touchpoint")}
	if l.Segment != "" && !strings.Contains(text, l.Segment) {
		return nil, fmt.Errorf("segment %q is not a part of the sentence", l.Segment)
	}
	if l.Force == "none" {
		l.Force = ""
	}
	if l.Force != "" && !slices.Contains(Forces, l.Force) {
		return nil, fmt.Errorf("force %q is not one of %s or none", l.Force, strings.Join(Forces, ", "))
	}
	if l.Touchpoint == "none" {
		l.Touchpoint = ""
	}
	if l.Touchpoint != "" && !slices.Contains(Touchpoints, l.Touchpoint) {
		return nil, fmt.Errorf("touchpoint %q is not one of %s or none", l.Touchpoint, strings.Join(Touchpoints, ", "))
	}
	return l, nil
}

// CustomerScore scores segments (as spans), forces and touchpoints.
type CustomerScore struct {
	Segment *SpanScore `json:"segment,omitempty"`
	// Forces: per force, and detection (a force found where one is
	// labelled, of the right kind: micro-averaged over the four).
	Forces         []ClassScore `json:"forces"`
	ForceDetection ClassScore   `json:"force_detection"`
	// Touchpoints: per touchpoint, their macro-F1 and the share right
	// (none included).
	Touchpoints        []ClassScore `json:"touchpoints,omitempty"`
	TouchpointMacroF1  float64      `json:"touchpoint_macro_f1"`
	TouchpointAccuracy float64      `json:"touchpoint_accuracy"`
}

type customerTally struct {
	seg          spanTally
	segs, touchN int // sentences labelled with a segment column, a touchpoint column
	force, touch map[string]*[3]int
	forceAll     [3]int
	touchRight   int
	n            int
}

func newCustomerTally() *customerTally {
	t := &customerTally{seg: spanTally{s: SpanScore{Kind: "segment"}}, force: map[string]*[3]int{}, touch: map[string]*[3]int{}}
	for _, f := range Forces {
		t.force[f] = &[3]int{}
	}
	for _, p := range Touchpoints {
		t.touch[p] = &[3]int{}
	}
	return t
}

// tally counts one prediction against one label of a class set where ""
// is none: tp, fp, fn per class.
func tally(counts map[string]*[3]int, gold, pred string) {
	switch {
	case gold == pred && gold != "":
		counts[gold][0]++
	default:
		if pred != "" {
			counts[pred][1]++
		}
		if gold != "" {
			counts[gold][2]++
		}
	}
}

func (t *customerTally) add(l *CustomerLabels, r *Result) {
	t.n++
	if l.HasSegment {
		t.segs++
		t.seg.add(l.Segment, r.Segment)
	}
	tally(t.force, l.Force, r.Force)
	if l.HasTouchpoint {
		t.touchN++
		tally(t.touch, l.Touchpoint, r.Touchpoint)
		if l.Touchpoint == r.Touchpoint {
			t.touchRight++
		}
	}
}

func (t *customerTally) finish() *CustomerScore {
	s := &CustomerScore{}
	if t.segs > 0 {
		seg := t.seg.finish()
		s.Segment = &seg
	}
	var all [3]int
	for _, f := range Forces {
		c := t.force[f]
		s.Forces = append(s.Forces, score(f, c[0], c[1], c[2]))
		for i := range all {
			all[i] += c[i]
		}
	}
	s.ForceDetection = score("any force", all[0], all[1], all[2])
	if t.touchN == 0 {
		return s
	}
	for _, p := range Touchpoints {
		c := t.touch[p]
		cs := score(p, c[0], c[1], c[2])
		s.Touchpoints = append(s.Touchpoints, cs)
		s.TouchpointMacroF1 += cs.F1 / float64(len(Touchpoints))
	}
	s.TouchpointAccuracy = float64(t.touchRight) / float64(t.touchN)
	return s
}

func writeCustomer(w io.Writer, s *CustomerScore) {
	if s == nil {
		return
	}
	if s.Segment != nil {
		writeSpans(w, []SpanScore{*s.Segment})
	}
	for _, part := range []struct {
		name    string
		classes []ClassScore
		total   ClassScore
	}{{"forces", s.Forces, s.ForceDetection}, {"touchpoints", s.Touchpoints, ClassScore{}}} {
		if len(part.classes) == 0 {
			continue
		}
		fmt.Fprintf(w, "%s:\n  %-17s %9s %9s %9s %8s\n", part.name, "class", "precision", "recall", "f1", "support")
		for _, c := range append(part.classes, part.total) {
			if c.Class == "" {
				continue
			}
			fmt.Fprintf(w, "  %-17s %9.3f %9.3f %9.3f %8d\n", c.Class, c.Precision, c.Recall, c.F1, c.Support)
		}
		if part.name == "touchpoints" {
			fmt.Fprintf(w, "  %-17s %29.3f\n  %-17s %29.3f\n", "macro-F1", s.TouchpointMacroF1, "accuracy", s.TouchpointAccuracy)
		}
		fmt.Fprintln(w)
	}
}
