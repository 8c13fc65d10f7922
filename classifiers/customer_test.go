package classifiers

import (
	"os"
	"testing"

	"jobminer/lexicons"
)

func TestCustomerCues(t *testing.T) {
	set, err := lexicons.Load("en", "")
	if err != nil {
		t.Fatal(err)
	}
	c, err := New(set)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		sentence                   string
		segment, force, touchpoint string
	}{
		{"As a night-shift nurse I need something that keeps me going.", "a night-shift nurse", "", ""},
		{"Bought it for my elderly dad and he uses it every day.", "my elderly dad", "", "use"},
		{"Great for people with sensitive skin like mine.", "people with sensitive skin", "", "use"},
		{"I'm a mom of two and this saves my mornings.", "a mom of two", "", "use"},
		{"My mother in law loves it.", "My mother in law", "", "use"},
		{"I was skeptical at first, but it works.", "", "anxiety", "use"},
		{"My old kettle kept leaking all over the counter.", "", "push", "use"},
		{"Now I don't have to wake up early to make coffee.", "", "pull", ""},
		{"I've always used paper maps on road trips.", "", "habit", ""},
		{"The package arrived two days late and the box was crushed.", "", "", "delivery"},
		{"Customer service never answered my emails.", "", "", "customer-service"},
		{"I returned it for a refund.", "", "", "returns"},
		{"Setup took less than five minutes.", "", "", "setup"},
		{"It looks nothing like the picture in the listing.", "", "", "product-page"},
		{"Way too expensive for what it is.", "", "", "price"},
		{"I bought the fifty foot version.", "", "", ""},
	} {
		r := c.Classify(tc.sentence, 0)
		if r.Segment != tc.segment || r.Force != tc.force || r.Touchpoint != tc.touchpoint {
			t.Errorf("%q: segment %q, force %q, touchpoint %q; want %q, %q, %q", tc.sentence, r.Segment, r.Force, r.Touchpoint, tc.segment, tc.force, tc.touchpoint)
		}
	}
}

// TestCustomerDevFloor guards the figures on the real development set
// (tuned on; the test set is scored once a round, by hand).
func TestCustomerDevFloor(t *testing.T) {
	set, _ := lexicons.Load("en", "")
	c, _ := New(set)
	f, err := os.Open("../testdata/labelled/real-dev-canvas.tsv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	labelled, err := ReadLabelled(f, "real-dev-canvas.tsv")
	if err != nil {
		t.Fatal(err)
	}
	ev := c.Evaluate(labelled)
	if ev.Customer == nil {
		t.Fatal("no customer scores")
	}
	if s := ev.Customer.Segment; s == nil || s.F1 < 0.80 {
		t.Errorf("segment detection %+v, F1 under 0.80", s)
	}
	if s := ev.Customer.ForceDetection.F1; s < 0.65 {
		t.Errorf("force detection F1 %.3f, under 0.65", s)
	}
	if s := ev.Customer.TouchpointAccuracy; s < 0.70 {
		t.Errorf("touchpoint accuracy %.3f, under 0.70", s)
	}
}
