package synth

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
)

func TestSameSeedSameStream(t *testing.T) {
	a, b := New(7, 20), New(7, 20)
	for range 100 {
		if x, y := a.Next(), b.Next(); x != y {
			t.Fatalf("streams differ: %+v vs %+v", x, y)
		}
	}
	if New(8, 20).Next() == New(7, 20).Next() {
		t.Error("different seeds gave the same first review")
	}
}

func TestReviewsLookReal(t *testing.T) {
	g := New(1, 5)
	products := map[string]bool{}
	low, lowBad := 0, 0
	for range 2000 {
		r := g.Next()
		products[r.ProductID] = true
		if r.Rating < 1 || r.Rating > 5 || strings.Contains(r.Text, "{") || len(strings.Fields(r.Text)) < 10 {
			t.Fatalf("bad review %+v", r)
		}
		if r.Rating == 1 {
			low++
			if strings.Contains(r.Text, "broke") || strings.Contains(r.Text, "stopped working") || strings.Contains(r.Text, "return") ||
				strings.Contains(r.Text, "never answered") || strings.Contains(r.Text, "Not worth") || strings.Contains(r.Text, "leaks") {
				lowBad++
			}
		}
	}
	if len(products) != 5 {
		t.Errorf("%d products, want 5", len(products))
	}
	if lowBad*2 < low {
		t.Errorf("only %d of %d one-star reviews complain", lowBad, low)
	}
}

func TestWriteJSONL(t *testing.T) {
	var buf bytes.Buffer
	n, err := New(1, 3).WriteJSONL(&buf, 50)
	if err != nil || n != int64(buf.Len()) {
		t.Fatalf("n=%d len=%d err=%v", n, buf.Len(), err)
	}
	lines := strings.Split(strings.TrimSpace(buf.String()), "\n")
	if len(lines) != 50 {
		t.Fatalf("%d lines", len(lines))
	}
	var v struct {
		Rating float64 `json:"rating"`
		Text   string  `json:"text"`
		ASIN   string  `json:"asin"`
	}
	if err := json.Unmarshal([]byte(lines[0]), &v); err != nil || v.Rating == 0 || v.Text == "" || v.ASIN == "" {
		t.Errorf("first line %s: %+v %v", lines[0], v, err)
	}
}
