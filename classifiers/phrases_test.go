package classifiers

import (
	"os"
	"testing"
)

// TestPhrasesRefuseNonJobs: the kinds of output the guide rules out never
// come back: durations, prices, a person or an occasion alone after "for",
// a duration after "after", numbers and time words as alternatives.
func TestPhrasesRefuseNonJobs(t *testing.T) {
	c := newTest(t)
	for _, tc := range []struct {
		text, job, situation, alternative string
	}{
		{text: "I bought it for 3 weeks of camping and it broke.", job: ""},
		{text: "I got this for 80 dollars on sale.", job: ""},
		{text: "I bought these for me and my sister.", job: ""},
		{text: "I bought it for christmas.", job: ""},
		{text: "It is good for a phone of this size.", job: ""},
		{text: "After 3 weeks my family started commenting on the smell.", situation: ""},
		{text: "I have had it for a while now and love it.", situation: ""},
		{text: "It lasted longer than 2600 hours.", alternative: ""},
		{text: "It charges faster than an hour.", alternative: ""},
		{text: "I use it to keep my coffee hot on the commute.", job: "to keep my coffee hot on the commute"},
		{text: "These shoes are great for walking.", job: "for walking"},
		{text: "If you like it hot, ask for extra sauce.", situation: ""},
		{text: "It brews faster than my old Keurig did.", alternative: "my old Keurig"},
	} {
		r := c.Classify(tc.text, 0)
		if r.Job != tc.job && (tc.job != "" || r.Job != "") {
			t.Errorf("%q: job %q, want %q", tc.text, r.Job, tc.job)
		}
		if tc.situation == "" && r.Situation != "" && tc.job == "" && tc.alternative == "" {
			t.Errorf("%q: situation %q, want none", tc.text, r.Situation)
		}
		if tc.alternative != r.Alternative && (tc.alternative != "" || r.Alternative != "") && tc.job == "" && tc.situation == "" {
			t.Errorf("%q: alternative %q, want %q", tc.text, r.Alternative, tc.alternative)
		}
	}
}

// TestSpanFloor guards the span extraction measured on the real dev sets
// (testdata/labelled/real-dev-spans.tsv and real-dev-spans2.tsv):
// token-overlap F1 a little under the figures in the README.
func TestSpanFloor(t *testing.T) {
	c := newTest(t)
	for file, floors := range map[string]map[string]float64{
		"real-dev-spans.tsv":  {"job": 0.51, "situation": 0.40, "alternative": 0.44},
		"real-dev-spans2.tsv": {"job": 0.40, "situation": 0.44, "alternative": 0.40},
	} {
		f, err := os.Open("../testdata/labelled/" + file)
		if err != nil {
			t.Fatal(err)
		}
		set, err := ReadLabelled(f, file)
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range c.Evaluate(set).Spans {
			if s.TokenF1 < floors[s.Kind] {
				t.Errorf("%s: %s token-overlap F1 %.3f, floor %.2f", file, s.Kind, s.TokenF1, floors[s.Kind])
			}
		}
	}
}
