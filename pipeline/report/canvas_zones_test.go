package report

import (
	"context"
	"slices"
	"strconv"
	"strings"
	"testing"

	"jobminer/classifiers"
)

// TestCanvasZonesOnRealReviews builds the canvas of the Fire Kids
// Edition tablet from its 50 real reviews (testdata/compare) and checks
// what a reader of them sees: the customers are parents and grandparents
// buying for children, the product is met mostly in use and its price at
// purchase, and each zone's conclusion says so with its numbers.
func TestCanvasZonesOnRealReviews(t *testing.T) {
	st, c := analyzedStore(t, tabletsExcerpt, "")
	ctx := context.Background()
	cv, err := BuildCanvas(ctx, st.DB(), c, Filter{Products: []string{"B018Y22C2Y"}}, CanvasOptions{})
	if err != nil {
		t.Fatal(err)
	}
	var segs []string
	for _, g := range cv.Customer.Segments {
		segs = append(segs, g.Phrase)
	}
	if len(segs) == 0 || segs[0] != "kids" {
		t.Errorf("segments %v: the reviews are mostly about buying for kids", segs)
	}
	for _, want := range []string{"son", "daughter", "grandson"} {
		if !slices.Contains(segs, want) {
			t.Errorf("segments %v lack %q", segs, want)
		}
	}
	for _, bad := range []string{"me", "you", "everyone", "customer service"} {
		if slices.Contains(segs, bad) {
			t.Errorf("segment %q names no kind of customer", bad)
		}
	}
	if c := cv.Conclusions["customer"]; !strings.Contains(c, "kids ("+reviewers(cv.Customer.Segments[0].Count)+")") {
		t.Errorf("customer conclusion %q does not name the top segment and its count", c)
	}
	if th := cv.Customer.PainThemes; len(th) > 0 {
		// The theme that ranks first among the pains, with its counts.
		if c := cv.Conclusions["customer"]; !strings.Contains(c, "their pains weigh most on "+th[0].Name+" ("+strconv.Itoa(th[0].Pain)+" ") {
			t.Errorf("customer conclusion %q does not name the first pain theme with its pain count (%s, %d)", c, th[0].Name, th[0].Pain)
		}
	}
	// The journey: stages in order, use the largest, price met at purchase.
	var stages []string
	byStage := map[string]Stage{}
	for _, s := range cv.Journey {
		stages = append(stages, s.Stage)
		byStage[s.Stage] = s
	}
	if !slices.IsSortedFunc(stages, func(a, b string) int { return slices.Index(JourneyStages, a) - slices.Index(JourneyStages, b) }) {
		t.Errorf("stages out of order: %v", stages)
	}
	use, purchase := byStage["use"], byStage["purchase"]
	for _, s := range cv.Journey {
		if s.Reviewers > use.Reviewers {
			t.Errorf("stage %s has %d reviewers, more than use (%d)", s.Stage, s.Reviewers, use.Reviewers)
		}
	}
	if len(purchase.Touchpoints) == 0 || purchase.Touchpoints[0].Label != "price" {
		t.Errorf("purchase touchpoints %v: the price is what they meet at purchase", purchase.Touchpoints)
	}
	if use.TopPain == nil || use.TopGain == nil {
		t.Errorf("use stage without a top pain or gain: %+v", use)
	}
	// Role: the most stated dimension is the main axis, and the
	// conclusion leads with it.
	if v := cv.Role.Verdicts[cv.Role.Main]; v != MainAxis {
		t.Errorf("main dimension %s judged %q", cv.Role.Main, v)
	}
	if c := cv.Conclusions["role"]; !strings.HasPrefix(c, "Lead the message with "+cv.Role.Main) {
		t.Errorf("role conclusion %q", c)
	}
	// A job one reviewer states is no conclusion.
	if len(cv.Job.Statements) > 0 && cv.Job.Statements[0].Count < 2 && cv.Conclusions["job"] != "No job is stated by more than one reviewer." {
		t.Errorf("job conclusion %q from a job of %d reviewer", cv.Conclusions["job"], cv.Job.Statements[0].Count)
	}
	// Each force's quote states that force.
	for _, fc := range cv.Switching {
		if fc.Quote != nil {
			var n int
			st.DB().QueryRow(`SELECT count(*) FROM sentences WHERE text = ? AND force = ?`, fc.Quote.Text, fc.Force).Scan(&n)
			if n == 0 {
				t.Errorf("%s quote %q is no %s sentence", fc.Force, fc.Quote.Text, fc.Force)
			}
		}
		if !slices.Contains(classifiers.Forces, fc.Force) || fc.Reviewers == 0 {
			t.Errorf("force %+v", fc)
		}
	}
}
