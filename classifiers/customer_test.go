package classifiers

import (
	"os"
	"testing"
)

func TestCustomerCues(t *testing.T) {
	c := newTest(t)
	for _, tc := range []struct {
		sentence                   string
		segment, force, touchpoint string
	}{
		{"As a night-shift nurse I need something that keeps me going.", "a night-shift nurse", "", ""},
		{"Bought it for my elderly dad and he uses it every day.", "my elderly dad", "", "use"},
		{"Great for people with sensitive skin like mine.", "people with sensitive skin", "", "use"},
		{"I'm a mom of two and this saves my mornings.", "a mom of two", "", "use"},
		{"My mother in law loves it.", "My mother in law", "", "use"},
		{"I got it for my 14 year old daughter.", "my 14 year old daughter", "", ""}, // an age and a person, one phrase
		{"I got it for my 10 yr old nephew.", "my 10 yr old nephew", "", ""},
		{"I have very curly hair and it works.", "very curly hair", "", "use"},
		{"As a big fan of dark roasts I love it.", "a big fan of dark roasts", "", "use"},
		{"I would warn anyone with sensitive skin.", "anyone with sensitive skin", "", ""}, // no verb before "anyone"
		{"Very kid friendly.", "kid", "", "use"},                                           // no "very kid"
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

// TestForceRules checks the general force rules of forces.go on
// sentences written for the test: what the other side of a comparison is,
// denied worries, trouble with the old one, what drew the buyer.
func TestForceRules(t *testing.T) {
	c := newTest(t)
	for _, tc := range []struct{ sentence, force string }{
		// Comparisons with an alternative.
		{"It is much quieter than my old blender.", "pull"},
		{"Way lighter than my old laptop.", "pull"},
		{"This charger works better than any other I have owned.", "pull"},
		{"I sleep better than ever.", "pull"},
		{"The grinder is great, much easier to clean than the Krups.", "pull"},
		// Comparisons with nothing that is an alternative.
		{"The lamp is great, other than that the cord is short.", ""},
		{"Great blender other than the noise.", ""},
		{"The box was bigger than I expected and I love it.", ""},
		{"Great value, one bag is more than a week of snacks.", ""},
		{"Love it, it holds more than enough water.", ""},
		{"It does so much more than I thought it would, love it.", ""},
		{"I like the screen better than the keyboard, both are great.", ""},
		{"Nice mug, it is more of a bowl than a cup.", ""},
		{"Great knife, though it is no better than this one I got last year.", ""},
		{"This one is much worse than my old toaster.", ""},
		// A comparative that measures, and a superlative, draw no one.
		{"Great mug, a bit taller than the one at work.", ""},
		{"This is the most comfortable chair I've ever had.", ""},
		{"Love it, much cheaper than the brand at the store.", "pull"},
		{"Love it, it is much quieter than the Vitamix.", "pull"}, // a preference, whatever its valence
		{"Bugs are attracted to the light at night.", ""},         // no writer, no force
		{"The ice maker quit making ice after two months.", ""},   // no product that quit being sold
		// Worries and their denial.
		{"I was hesitant to order a mattress online.", "anxiety"},
		{"No worries about leaks with this bottle, love it.", ""},
		{"Now I don't have to worry about the battery dying.", "pull"},
		// Trouble with the old one.
		{"My old vacuum finally died so I ordered this one.", "push"},
		{"Bought it to replace the one that broke last week.", "push"},
		{"They stopped making my favorite shampoo.", "push"},
		{"Bought this to replace a lamp in the hallway.", ""},
		// What drew them.
		{"The reviews convinced me to try it.", "pull"},
		{"What sold me was the long warranty.", "pull"},
		{"It was on sale, so I grabbed two and they are great.", "pull"},
		{"I no longer have to iron my shirts.", "pull"},
		// Attachment to the old way.
		{"I have always used a paper planner.", "habit"},
		{"The keys feel stiffer than what I am used to, but it's great.", "pull"},
		// Ordinary sentences.
		{"The cord is six feet long.", ""},
		{"I use it every morning for my coffee.", ""},
	} {
		if r := c.Classify(tc.sentence, 0); r.Force != tc.force {
			t.Errorf("%q: force %q (polarity %s), want %q", tc.sentence, r.Force, r.Polarity, tc.force)
		}
	}
}

// TestCustomerDevFloor guards the figures on the real development set
// (tuned on; the test set is scored once a round, by hand).
func TestCustomerDevFloor(t *testing.T) {
	c := newTest(t)
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
	// Force cues lifted from this set's sentences were taken out for
	// rules written from the guide (forces.go): 0.65 with them, 0.649
	// without.
	if s := ev.Customer.ForceDetection.F1; s < 0.62 {
		t.Errorf("force detection F1 %.3f, under 0.62", s)
	}
	if s := ev.Customer.TouchpointAccuracy; s < 0.70 {
		t.Errorf("touchpoint accuracy %.3f, under 0.70", s)
	}
}
