package main

import (
	"encoding/json"
	"encoding/xml"
	"strings"
	"testing"
)

// TestThemeCommands runs themes, trend, compare and the aspect cloud on
// a real excerpt (two Fire tablets, Datafiniti) through the command line.
func TestThemeCommands(t *testing.T) {
	db := analyzedDB(t, "../../testdata/compare/datafiniti-fire-tablets.csv")
	code, out, errOut := jm(t, "trend", "--db", db, "--by", "quarter", "-n", "3")
	if code != 0 || !strings.HasPrefix(out, "Pain share of 3 themes by quarter") || !strings.Contains(out, "2016-Q4") || !strings.Contains(out, "tablet") {
		t.Errorf("trend exit %d:\n%s%s", code, out, errOut)
	}
	code, out, _ = jm(t, "trend", "--db", db, "--format", "csv", "--theme", "tablet,price")
	if lines := strings.Split(strings.TrimSpace(out), "\n"); code != 0 || lines[0] != "period,start,theme,mentions,reviewers,pain,gain,pain_share,gain_share" || len(lines) < 5 {
		t.Errorf("trend csv exit %d:\n%s", code, out)
	}
	code, out, _ = jm(t, "trend", "--db", db, "--format", "svg")
	if code != 0 || xml.Unmarshal([]byte(out), new(struct{})) != nil || !strings.Contains(out, "<polyline") {
		t.Errorf("trend svg exit %d: %.300s", code, out)
	}
	code, out, _ = jm(t, "compare", "--db", db, "--product", "B018Y22C2Y,B018Y22BI4", "--format", "json")
	var cmp struct {
		Products []string `json:"products"`
		Themes   []struct {
			Theme    string `json:"theme"`
			Products []struct {
				Product  string `json:"product"`
				Mentions int    `json:"mentions"`
			} `json:"products"`
		} `json:"themes"`
	}
	if code != 0 || json.Unmarshal([]byte(out), &cmp) != nil || len(cmp.Products) != 2 || len(cmp.Themes) == 0 || len(cmp.Themes[0].Products) != 2 {
		t.Errorf("compare json exit %d: %.300s", code, out)
	}
	code, out, _ = jm(t, "compare", "--db", db, "--product", "B018Y22C2Y,B018Y22BI4")
	if code != 0 || !strings.HasPrefix(out, "# Themes compared: B018Y22C2Y vs B018Y22BI4") || !strings.Contains(out, "| theme | B018Y22C2Y | B018Y22BI4 |") {
		t.Errorf("compare markdown exit %d:\n%s", code, out)
	}
	code, out, _ = jm(t, "compare", "--db", db, "--product", "B018Y22C2Y,B018Y22BI4", "--format", "html")
	if code != 0 || !strings.HasPrefix(out, "<!DOCTYPE html>") || !strings.Contains(out, `<section id="differences">`) {
		t.Errorf("compare html exit %d", code)
	}
	code, out, _ = jm(t, "cloud", "--db", db, "--kind", "aspect", "--format", "svg")
	if code != 0 || !strings.Contains(out, "Themes: all documents") || !strings.Contains(out, ">tablet</text>") {
		t.Errorf("aspect cloud exit %d: %.400s", code, out)
	}
	for _, bad := range [][]string{
		{"trend", "--by", "day"},
		{"trend", "--format", "png"},
		{"compare", "--product", "B018Y22C2Y"},
		{"compare", "--product", "B018Y22C2Y,B018Y22BI4", "--format", "pdf"},
	} {
		if code, _, errOut := jm(t, append(bad, "--db", db)...); code != 2 || errOut == "" {
			t.Errorf("%v: exit %d (want 2, a usage error), %s", bad, code, errOut)
		}
	}
}

// TestJourneyCommand runs journey on the real tablet excerpt in each
// format, and on real Chinese reviews, where it notes that the stages have
// no Chinese cues.
func TestJourneyCommand(t *testing.T) {
	db := analyzedDB(t, "../../testdata/compare/datafiniti-fire-tablets.csv")
	code, out, errOut := jm(t, "journey", "--db", db)
	if code != 0 || !strings.HasPrefix(out, "Customer journey, all documents") || !strings.Contains(out, "\nuse: ") || !strings.Contains(out, "touchpoints (reviewers): ") {
		t.Errorf("journey text exit %d:\n%s", code, out)
	}
	if strings.Contains(errOut, "no Chinese cues") {
		t.Errorf("an English journey notes Chinese: %s", errOut)
	}
	zh := analyzedDB(t, "../../testdata/zh/shopee-hawaiian-shirts.csv")
	if code, _, errOut := jm(t, "journey", "--db", zh); code != 0 || !strings.Contains(errOut, "journey stages have no Chinese cues yet") {
		t.Errorf("Chinese journey exit %d, stderr %q", code, errOut)
	}
	code, out, _ = jm(t, "journey", "--db", db, "--format", "svg")
	if code != 0 || xml.Unmarshal([]byte(out), new(struct{})) != nil || !strings.Contains(out, `class="feeling"`) {
		t.Errorf("journey svg exit %d: %.300s", code, out)
	}
	code, out, _ = jm(t, "journey", "--db", db, "--format", "json")
	var stages []struct {
		Stage     string  `json:"stage"`
		Reviewers int     `json:"reviewers"`
		Feeling   float64 `json:"feeling"`
	}
	if code != 0 || json.Unmarshal([]byte(out), &stages) != nil || len(stages) < 2 {
		t.Errorf("journey json exit %d: %.300s", code, out)
	}
	code, out, _ = jm(t, "journey", "--db", db, "--format", "csv")
	if code != 0 || !strings.HasPrefix(out, "stage,sentences,reviewers,pains,gains,feeling,touchpoints") {
		t.Errorf("journey csv exit %d: %.300s", code, out)
	}
	code, out, _ = jm(t, "journey", "--db", db, "--format", "html")
	if code != 0 || !strings.HasPrefix(out, "<!DOCTYPE html>") || !strings.Contains(out, "<svg") {
		t.Errorf("journey html exit %d", code)
	}
	if code, _, errOut := jm(t, "journey", "--db", db, "--format", "pdf"); code != 2 || errOut == "" {
		t.Errorf("journey --format pdf: exit %d, want 2", code)
	}
}
