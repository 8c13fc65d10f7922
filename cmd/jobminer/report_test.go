package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

func TestReportCommands(t *testing.T) {
	db := filepath.Join(t.TempDir(), "r.db")
	if code, _, errOut := jm(t, "quotes", "--db", db); code != 1 || !strings.Contains(errOut, "import something first") {
		t.Errorf("quotes on a missing database: exit %d, %s", code, errOut)
	}
	if code, _, errOut := jm(t, "import", "--db", db, "--quiet", "../../testdata/sample/amazon_reviews_2023.jsonl.gz"); code != 0 {
		t.Fatal(errOut)
	}
	if code, _, errOut := jm(t, "canvas", "--db", db); code != 1 || !strings.Contains(errOut, "jobminer analyze") {
		t.Errorf("canvas before analyze: exit %d, %s", code, errOut)
	}
	if code, _, errOut := jm(t, "analyze", "--db", db, "--quiet"); code != 0 {
		t.Fatal(errOut)
	}

	// A product id no document has is an error naming it, with the id as
	// stored when only the case differs; not an empty report.
	if code, out, errOut := jm(t, "canvas", "--db", db, "--product", "b0mug00003"); code != 1 || out != "" || !strings.Contains(errOut, "case-sensitive: B0MUG00003") {
		t.Errorf("canvas for an unknown product: exit %d, %q, %s", code, out, errOut)
	}
	code, out, errOut := jm(t, "quotes", "--db", db, "--kind", "pain", "--product", "B0MUG00003", "-n", "3")
	if code != 0 || !strings.HasPrefix(out, "3 pain quotes, product B0MUG00003") || strings.Count(out, "· B0MUG00003 ·") != 3 {
		t.Errorf("quotes exit %d:\n%s%s", code, out, errOut)
	}
	code, out, _ = jm(t, "quotes", "--db", db, "--kind", "gain", "--min-rating", "5", "--format", "json")
	var qs []map[string]any
	if code != 0 || json.Unmarshal([]byte(out), &qs) != nil || len(qs) == 0 {
		t.Fatalf("quotes json exit %d: %s", code, out)
	}
	for _, q := range qs {
		if q["rating"].(float64) < 5 || q["review_id"] == "" {
			t.Errorf("quote outside --min-rating 5: %v", q)
		}
	}
	if code, out, _ = jm(t, "quotes", "--db", db, "--kind", "social", "--format", "csv"); code != 0 || !strings.HasPrefix(out, "rank,kind,text,review_id") {
		t.Errorf("quotes csv exit %d: %s", code, out)
	}
	if code, _, errOut = jm(t, "quotes", "--db", db, "--kind", "happy"); code != 1 || !strings.Contains(errOut, "unknown kind") {
		t.Errorf("bad kind: exit %d, %s", code, errOut)
	}
	if code, _, errOut = jm(t, "quotes", "--db", db, "--since", "yesterday"); code != 1 || !strings.Contains(errOut, "--since") {
		t.Errorf("bad date: exit %d, %s", code, errOut)
	}

	code, out, _ = jm(t, "cloud", "--db", db, "--kind", "gain", "--format", "svg")
	if code != 0 || !strings.HasPrefix(out, "<svg") || strings.Count(out, "<text") < 5 || !strings.Contains(out, "colour: red = said in pains") {
		t.Errorf("cloud svg exit %d: %.300s", code, out)
	}
	code, out, _ = jm(t, "cloud", "--db", db, "--since", "2022-06-01", "--format", "json")
	var cloud struct {
		Method string           `json:"method"`
		Terms  []map[string]any `json:"terms"`
	}
	if code != 0 || json.Unmarshal([]byte(out), &cloud) != nil || cloud.Method != "log-likelihood" || len(cloud.Terms) == 0 {
		t.Errorf("cloud json exit %d: %.300s", code, out)
	}

	code, out, _ = jm(t, "canvas", "--db", db, "--product", "B0BLEND002")
	for _, want := range []string{"# Jobs-to-be-Done canvas", "product B0BLEND002", "## Customer", "## Job", "## Outcome", "## Role", "Main axis: **"} {
		if code != 0 || !strings.Contains(out, want) {
			t.Errorf("canvas markdown lacks %q (exit %d)", want, code)
		}
	}
	code, out, _ = jm(t, "canvas", "--db", db, "--format", "html")
	if code != 0 || !strings.HasPrefix(out, "<!DOCTYPE html>") || !strings.Contains(out, `<section id="role">`) {
		t.Errorf("canvas html exit %d", code)
	}
	code, out, _ = jm(t, "canvas", "--db", db, "--format", "json", "--doc-kind", "review")
	var cv map[string]any
	if code != 0 || json.Unmarshal([]byte(out), &cv) != nil || cv["role"] == nil || cv["outcomes"] == nil {
		t.Errorf("canvas json exit %d: %.200s", code, out)
	}
}
