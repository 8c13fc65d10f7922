package classifiers

import "testing"

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
		{text: "I bought it for christmas.", job: "", situation: "for christmas"}, // the occasion, no job
		{text: "It is good for a phone of this size.", job: ""},
		{text: "I bought these for my kids for easter.", job: "", situation: "for easter"},
		{text: "I bought it for her dry skin.", job: "for her dry skin"},
		{text: "It is great for beginners.", job: ""},                                        // a kind of customer, no job
		{text: "Great for kids and adults.", job: ""},                                        // …, two of them
		{text: "I bought it for my mother in law.", job: ""},                                 // a person, "in law" after
		{text: "I got it for a great price.", job: ""},                                       // a price
		{text: "I bought it for beginner piano lessons.", job: "for beginner piano lessons"}, // a use after the word
		{text: "I use this cream for acne.", job: "for acne"},                                // a condition is what it is for
		{text: "The apps are big so they can b seen.", job: ""},                              // no verb after "can"
		{text: "It helps with my back pain when I run.", job: "help with my back pain"},
		{text: "After 3 weeks my family started commenting on the smell.", situation: ""},
		{text: "I have had it for a while now and love it.", situation: ""},
		{text: "It lasted longer than 2600 hours.", alternative: ""},
		{text: "It charges faster than an hour.", alternative: ""},
		{text: "I use it to keep my coffee hot on the commute.", job: "to keep my coffee hot on the commute"},
		{text: "My favorite way to relax.", job: "to relax"},
		{text: "I use it to play music without pairing my phone.", job: "to play music"},
		{text: "I use it to cook without oil.", job: "to cook without oil"},               // "without" + a noun is the job's
		{text: "I bought these to send thank you notes.", job: "to send thank you notes"}, // "thank you" as a noun
		{text: "I drink one on the way to school.", job: ""},                              // a road, no job
		{text: "The best way to describe it is chalky.", job: ""},                         // talk
		{text: "The pads stay in place for the whole night.", job: ""},                    // "in place", a duration
		{text: "It helps with the dry mouth and also leaves my mouth fresh.", job: "help with the dry mouth"},
		{text: "It is the best way to go!", job: ""},
		{text: "A lovely place to enjoy a quiet dinner.", job: "to enjoy a quiet dinner"},
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
		if tc.situation != "" && r.Situation != tc.situation {
			t.Errorf("%q: situation %q, want %q", tc.text, r.Situation, tc.situation)
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
		"real-dev-spans2.tsv": {"job": 0.40, "situation": 0.44, "alternative": 0.44},
	} {
		for _, s := range c.Evaluate(realLines(t, file)).Spans {
			if s.TokenF1 < floors[s.Kind] {
				t.Errorf("%s: %s token-overlap F1 %.3f, floor %.2f", file, s.Kind, s.TokenF1, floors[s.Kind])
			}
		}
	}
}

// TestOutcomePhrase: the clause a job story puts after "so", or none when
// the sentence only judges the product.
func TestOutcomePhrase(t *testing.T) {
	c := newTest(t)
	for _, tc := range []struct{ text, want string }{
		{"Now I can finally read in bed without waking my wife.", "I can read in bed without waking my wife"},
		{"It helps me sleep through the night!", "I can sleep through the night"},
		{"We don't have to make stops for coffee!", "I don't have to make stops for coffee"},
		{"My hair feels soft and smells great.", "my hair feels soft and smells great"},
		{"I fall asleep within minutes now.", "I fall asleep within minutes"},
		{"Love it!", ""},
		{"I could not use it.", ""},
		{"My hair is not soft.", ""},
		{"My husband is super sensitive to smells.", ""},
		{"I sleep like I do at home.", ""},
		{"I can honestly say it is great.", ""},
		{"I agree with the other reviews.", ""},
		{"Now I can get a good night's sleep.", "I can get a good night's sleep"},
		{"I no longer have to iron my shirts.", "I don't have to iron my shirts"},
		{"My hair feels so soft now.", "my hair feels so soft"},
		{"I smell like wood most of the time.", ""}, // a habit, no result of the product
		{"I wear sandals all day.", ""},
		{"I've had these for two years now and I wear them every day.", ""}, // "now" after a span only dates it
	} {
		if got := c.OutcomePhrase(tc.text); got != tc.want {
			t.Errorf("OutcomePhrase(%q) = %q, want %q", tc.text, got, tc.want)
		}
	}
}

// TestSpanRules: the rules of situations.go and alternatives.go, one
// sentence each.
func TestSpanRules(t *testing.T) {
	c := newTest(t)
	for _, tc := range []struct{ text, situation, alternative string }{
		{"I use it in the shower every day.", "in the shower", ""},
		{"It really hits the spot on a Sunday morning!", "on a Sunday morning", ""},
		{"I was thrilled when I opened the box.", "", ""},
		{"It would be perfect if only the cord were longer.", "", ""},
		{"You can't go wrong if you're a fan of mint.", "", ""},
		{"My hair feels clean after using it.", "", ""},
		{"After the third cable failed I tried these.", "", ""},
		{"It is better than the paper white and cheaper.", "", "the paper white"},
		{"It is a niche market next to FireTV/Roku/Apple TV players, cheaper than FireTV/Roku/Apple TV.", "", "FireTV/Roku/Apple TV"},
		{"They are more than willing to help.", "", ""},
		{"It works like a charm.", "", ""},
		{"I like these instead of doing it by hand.", "", "doing it by hand"},
		{"Many other salt and vinegar chips contain dairy.", "", "other salt and vinegar chips"},
		{"We are looking at dots for other rooms.", "", ""},
		{"I have an Alexa but wanted a speaker.", "", "an Alexa"},
		{"It is not bulky like my previous running shoes.", "", "my previous running shoes"},
		{"I don't use anything other than the shampoo.", "", ""},
		{"But when I travel I use it to stay organized.", "when I travel", ""},
		{"When I got home from work I used it.", "When I got home from work", ""},
		{"She uses it like a pro.", "", ""},               // a person, no product
		{"This replaced my iPad Pro.", "", "my iPad Pro"}, // … but a name is a product
		{"Compared to Burts Bees Baby, this lotion is thicker.", "", "Burts Bees Baby"},
		{"They have an iPad like the adults.", "", "an iPad"},                    // the phrase ends before "like"
		{"I got this tablet to replace my sons old one.", "", "my sons old one"}, // "one" after old
		{"Had to buy an after market cable.", "", ""},                            // aftermarket: no time
		{"I had a dot, but this is so much better.", "", "a dot"},                // owned, then turned from with "but"
		{"I had a problem but they fixed it.", "", ""},                           // … not a thing one owns
		{"It has a cap that clicks, but it leaks.", "", ""},                      // the product's part: the writer is no owner
		{"I had an old injury in my shoulder.", "", ""},                          // old, but no product
		{"I have the previous model and this is better.", "", "the previous model"},
		{"I prefer the Kindle to a real book.", "", "a real book"},
		{"They are $3 less at Target.", "", "Target"},                  // a price compared with a shop's
		{"I bought it at Target.", "", ""},                             // the shop it came from, no alternative
		{"I expected more from Samsung.", "", ""},                      // "more" is no price
		{"I bought a white one for my kitchen.", "for my kitchen", ""}, // a room is where, not what for
		{"Good speaker for bedroom or office.", "for bedroom or office", ""},
		{"Got it for Father's Day.", "for Father's Day", ""}, // an occasion, as "for christmas"
		{"Perfect for game night.", "for game night", ""},
		{"Bought on Prime Day and got a great deal.", "on Prime Day", ""},
		{"I have an older version of the Kindle, but this one is faster.", "", "an older version"},
		{"I prefer to use it on weekends.", "on weekends", ""},
		{"I have an older one but this is superb.", "", "an older one"},
		{"It is better than an older version of it.", "", "an older version"},
	} {
		r := c.Classify(tc.text, 0)
		if r.Situation != tc.situation || r.Alternative != tc.alternative {
			t.Errorf("%q: situation %q, alternative %q; want %q, %q", tc.text, r.Situation, r.Alternative, tc.situation, tc.alternative)
		}
	}
}
