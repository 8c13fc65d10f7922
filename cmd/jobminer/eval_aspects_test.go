package main

import (
	"encoding/json"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// The excerpt holds the first six sentences of each SemEval-2014 training
// file, 9 of them with aspect terms; the splits partition it.
func TestEvalAspectFile(t *testing.T) {
	const excerpt = "../../testdata/semeval-excerpt.xml"
	sentences := map[string]int{}
	for _, split := range []string{"all", "heldout", "trained"} {
		code, out, errOut := jm(t, "eval", "--split", split, excerpt)
		if code != 0 {
			t.Fatalf("eval --split %s: exit %d: %s", split, code, errOut)
		}
		m := regexp.MustCompile(`aspect terms: (\d+) sentences, (\d+) gold terms, (\d+) found, (\d+) exact`).FindStringSubmatch(out)
		if m == nil {
			t.Fatalf("eval --split %s output lacks the aspect line:\n%s", split, out)
		}
		sentences[split], _ = strconv.Atoi(m[1])
		found, _ := strconv.Atoi(m[3])
		exact, _ := strconv.Atoi(m[4])
		if exact > found {
			t.Errorf("%s: %d exact of %d found", split, exact, found)
		}
	}
	if sentences["all"] != 12 || sentences["heldout"]+sentences["trained"] != 12 {
		t.Errorf("splits do not partition the 12 sentences: %v", sentences)
	}
	code, out, _ := jm(t, "eval", "--format", "json", excerpt)
	var ev struct {
		Terms struct{ Gold, Correct int }
	}
	if code != 0 || json.Unmarshal([]byte(out), &ev) != nil || ev.Terms.Gold == 0 || ev.Terms.Correct == 0 {
		t.Errorf("json: exit %d, %+v\n%s", code, ev, out)
	}
	if code, _, errOut := jm(t, "eval", "--split", "some", excerpt); code != 2 || !strings.Contains(errOut, `unknown --split "some"`) {
		t.Errorf("bad split: exit %d, %s", code, errOut)
	}
	if code, _, errOut := jm(t, "eval", excerpt, "../../testdata/labelled/real-dev.tsv"); code == 0 || !strings.Contains(errOut, "separate runs") {
		t.Errorf("mixed files: exit %d, %s", code, errOut)
	}
}
