package classifiers

import (
	"os"
	"slices"
	"strings"
	"testing"

	"jobminer/lexicons"
)

func newTest(t testing.TB) *Classifier {
	t.Helper()
	set, err := lexicons.Load("en", "")
	if err != nil {
		t.Fatal(err)
	}
	c, err := New(set)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// TestClassify checks the rules' mechanics (negation, "but", cues, the
// rating prior) on the rules' own verdict; the sentence model that weighs
// their findings on real text is tested in sentence_model_test.go.
func TestClassify(t *testing.T) {
	c := rulesOnly(t)
	tests := []struct {
		text      string
		rating    float64
		polarity  string
		outcomes  string
		job       string
		situation string
		stage     string
		alt       string
	}{
		{text: "The toaster quit working after ten days.", polarity: Pain, outcomes: "functional"},
		// The time a failure took is no verdict a negation before it flips.
		{text: "It stopped charging after two weeks.", polarity: Pain, outcomes: "functional"},
		{text: "The chicken was undercooked.", polarity: Pain, outcomes: "functional"},
		// A link is no words.
		{text: "https://www.dcard.tw/f/mood/p/235998390", polarity: Neutral},
		{text: "Love it, more at http://example.com/awful-broken-bad-junk", polarity: Gain, outcomes: "emotional"},
		{text: "Great (https://youtu.be/x)broken", polarity: Pain, outcomes: "functional"},
		{text: "It is not good at all.", polarity: Pain},
		{text: "It is good.", polarity: Gain},
		{text: "It is VERY good!!!", polarity: Gain},
		// A letter held is the word: "looooove" is "love", "sooo" is "so".
		{text: "I looooove this thing", polarity: Gain, outcomes: "emotional"},
		{text: "It is sooo baaad", polarity: Pain},
		// Spelt out in syllables or with a last letter doubled, a word is the word.
		{text: "It is A-MA-ZING!", polarity: Gain},
		{text: "So usefull", polarity: Gain, outcomes: "functional"},
		{text: "I am full.", polarity: Neutral},                                                           // a word as written stays itself
		{text: "I bought the Caress bar.", polarity: Neutral},                                             // a brand, no "cares"
		{text: "This protein powder made me sick to my stomach.", polarity: Pain, outcomes: "functional"}, // illness is functional
		// Praise in forms of regret, thanks and questions.
		{text: "I can't thank them enough.", polarity: Gain},
		{text: "Couldn't be happier.", polarity: Gain, outcomes: "emotional"},                         // the idiom, not "happier" negated
		{text: "I should not have to call them three times.", polarity: Pain, outcomes: "functional"}, // the longer cue holds the negation
		{text: "The speaker is not loud enough.", polarity: Pain, outcomes: "functional"},
		{text: "The remote would not work with my TV.", polarity: Pain, outcomes: "functional"}, // "not work" runs past "would not": both count
		{text: "I couldn't be more disappointed.", polarity: Pain, outcomes: "emotional"},       // a denied comparison that intensifies
		{text: "I can see why the price keeps dropping.", polarity: Neutral},                    // no ability cue for a bare "I can"
		{text: "I ended up having to throw them out.", polarity: Pain, outcomes: "functional"},  // a fact, no sentiment word
		{text: "This one lasted almost a month.", polarity: Pain, outcomes: "functional"},
		{text: "I couldn't send it back as I needed it for a project.", polarity: Pain, outcomes: "functional"}, // a return denied is no gain
		{text: "I didn't have to send it back.", polarity: Gain, outcomes: "functional"},
		{text: "Setup couldn't be easier.", polarity: Gain, outcomes: "functional"},
		// Attachment without a feeling word is the writer's feeling.
		{text: "This is my favorite soap.", polarity: Gain, outcomes: "emotional"},
		{text: "I can't live without it.", polarity: Gain, outcomes: "emotional"},
		{text: "Thankfully it arrived in time.", polarity: Gain, outcomes: "functional,emotional"},
		{text: "It is nowhere near as good as my old knife.", polarity: Pain, outcomes: "functional"}, // "nowhere" negates the word after it
		{text: "Nowhere near as greasy as my old sunscreen.", polarity: Gain, outcomes: "functional"},
		// Fixed phrases of success: the cue "had to" inside one is no pain.
		{text: "I just had to have it.", polarity: Gain},
		{text: "I just had to buy another charger because this one died.", polarity: Pain, outcomes: "functional"}, // "just": recently
		{text: "The hose was hooked up wrong and water sprayed everywhere.", polarity: Pain, outcomes: "functional"},
		{text: "I will never be able to use it again.", polarity: Pain, outcomes: "functional"},
		{text: "The seller promptly ignored my emails.", polarity: Pain, outcomes: "functional"},
		{text: "It shipped promptly.", polarity: Gain, outcomes: "functional"},
		// Wonder is no denial: "can't believe" says what follows the more.
		{text: "I can't believe how wonderful it is!", polarity: Gain, outcomes: "functional"}, // ("believe" counts as content, as any verb)
		{text: "I can't believe it broke.", polarity: Pain, outcomes: "functional"},
		{text: "I can't believe anyone likes this.", polarity: Pain, outcomes: "functional"}, // disbelief of others stays a negation
		{text: "I can't believe how easy it was.", polarity: Gain, outcomes: "functional"},   // no "can't" of inability
		{text: "I'm not a fan of the color.", polarity: Pain, outcomes: "emotional"},
		{text: "I am back to purchase more!", polarity: Gain},
		{text: "Their support is hard to beat.", polarity: Gain, outcomes: "functional"},
		{text: "Nobody answers the phone.", polarity: Pain, outcomes: "functional"},
		{text: "The colour is lovely, but the hinge snapped on day two.", polarity: Pain, outcomes: "functional"},
		{text: "My boyfriend loves it.", polarity: Gain, outcomes: "social"},
		{text: "I love it.", polarity: Gain, outcomes: "emotional"},
		{text: "Great product.", polarity: Gain, outcomes: ""},
		{text: "Which charger does it take?", polarity: Neutral, outcomes: ""},
		{text: "I got this to stop snoring and it does the job.", polarity: Gain, job: "to stop snoring"},
		{text: "I take it along on trips.", situation: "on trips", polarity: Neutral},
		{text: "I bought it for Christmas.", situation: "for Christmas", polarity: Neutral, outcomes: ""},
		{text: "This one would make a great holiday gift.", situation: "holiday", polarity: Gain, outcomes: "social"},
		{text: "Whenever the power goes out, we switch it on.", situation: "Whenever the power goes out", polarity: Neutral},
		{text: "I moved over from a Moka pot last year.", polarity: Neutral},
		{text: "I switched from a French press and never looked back.", alt: "a French press", polarity: Gain},
		{text: "Definite improvement over the paperwhite.", alt: "the paperwhite", polarity: Gain},
		{text: "It is better than the previous one.", alt: "the previous one", polarity: Gain},
		// Uses read from what it lets one do and what the writer enjoys doing.
		{text: "Bought this, so he could play games.", job: "play games"},
		{text: "I love playing movies on it.", job: "playing movies on it", polarity: Gain},
		// Praise of a time now past is the pain of its end, unless the
		// sentence turns back to now.
		{text: "The kettle worked great at first.", polarity: Pain, outcomes: "functional"},
		{text: "At first I hated the smell, but now I love it.", polarity: Gain, outcomes: "functional,emotional"},
		// A negation ends at the contrast: "good" is not negated.
		{text: "Not the prettiest, but sturdy and good.", polarity: Gain, outcomes: "functional"},
		// What was sought before buying is no verdict.
		{text: "I was looking for a good mat for hot yoga.", polarity: Neutral},
		// A base-layer word that names a product or topic is no verdict.
		{text: "I play it through the Fire tablet on holiday.", polarity: Neutral},
		{text: "Gets the job done.", polarity: Gain, outcomes: "functional"},
		{text: "I didn't notice any difference after a month.", polarity: Pain, outcomes: "functional"},
		{text: "They were a hit with our guests.", polarity: Gain, outcomes: "social"},
		// The lapse ends only with a turn to now: "until" keeps it.
		{text: "I loved it at first until it started leaking.", polarity: Pain, outcomes: "functional,emotional"},
		{text: "I always wanted a stand mixer and this one is amazing.", polarity: Gain, outcomes: "functional"},
		{text: "I really like that color.", polarity: Gain, outcomes: "emotional"},
		{text: "I'd recommend it to every new parent.", polarity: Gain, outcomes: "social", stage: "advocacy"},
		{text: "A friend recommended it to me last spring.", stage: "awareness", polarity: Gain},
		// "yet to" negates what follows; coming back is a verdict.
		{text: "The blender has yet to fail me.", polarity: Gain, outcomes: "functional"},
		{text: "We will definitely be back.", polarity: Gain},
		{text: "We won't be back.", polarity: Pain},
		// "feel like" thinks; "content" is a thing unless said of the writer.
		{text: "I feel like these boots were made for hiking.", polarity: Neutral, outcomes: ""},
		{text: "The app has lots of free content.", polarity: Neutral, outcomes: ""},
		// Regret and dislike in fixed phrases are the writer's feelings.
		{text: "Wish I had bought two of them.", outcomes: "emotional"},
		{text: "Not a fan of the new lid.", polarity: Pain, outcomes: "emotional"},
		// Bought for another person is social.
		{text: "We got one for him last winter.", polarity: Neutral, outcomes: "social"},
		// Praise of the product as a whole names no functional result.
		{text: "I love my new Kindle Paperwhite!", polarity: Gain, outcomes: "emotional"},
		// A feeling denied is still the writer's feeling.
		{text: "I did not like it.", polarity: Pain, outcomes: "emotional"},
		{text: "This kettle is really great.", polarity: Gain, outcomes: ""},
		{text: "The kettle boils water really fast.", polarity: Gain, outcomes: "functional"},
		// A negated defect cue is a gain, and its "doesn't" is no pain cue.
		{text: "The rug doesn't slip on my wooden floor.", rating: 4, polarity: Gain, outcomes: "functional"},
		// A concrete pain with no outcome word is still functional.
		{text: "The hinge wobbles and the paint is flaking.", polarity: Pain, outcomes: "functional"},
		// "I feel" + a sentiment word is the writer's own feeling.
		{text: "I feel secure on icy steps with these.", polarity: Gain, outcomes: "functional,emotional"}, // grip on ice is performance too,
		// The rating decides a bare statement of performance…
		{text: "The battery runs for two days.", rating: 5, polarity: Gain, outcomes: "functional"},
		{text: "The battery runs for two days.", rating: 1, polarity: Pain, outcomes: "functional"},
		// …and on background it is only a prior.
		{text: "I ordered it on a Tuesday.", rating: 4, polarity: Neutral},
	}
	for _, tt := range tests {
		r := c.Classify(tt.text, tt.rating)
		if tt.polarity != "" && r.Polarity != tt.polarity {
			t.Errorf("%q: polarity %s (score %.3f, evidence %v), want %s", tt.text, r.Polarity, r.PolarityScore, r.Evidence, tt.polarity)
		}
		if tt.outcomes != "" || tt.polarity != Neutral {
			if got := strings.Join(r.Outcomes, ","); tt.outcomes != "" && got != tt.outcomes || tt.outcomes == "" && tt.job == "" && tt.stage == "" && tt.alt == "" && got != "" && tt.situation == "" {
				t.Errorf("%q: outcomes %q (%v), want %q", tt.text, got, r.Evidence, tt.outcomes)
			}
		}
		for _, f := range []struct{ name, got, want string }{{"job", r.Job, tt.job}, {"situation", r.Situation, tt.situation},
			{"stage", r.JourneyStage, tt.stage}, {"alternative", r.Alternative, tt.alt}} {
			if f.want != "" && f.got != f.want {
				t.Errorf("%q: %s %q, want %q", tt.text, f.name, f.got, f.want)
			}
		}
	}
}

func TestNegationFlipsAndRatingIsOnlyAPrior(t *testing.T) {
	c := newTest(t)
	pos := c.Classify("The blade is sharp and works well.", 0).PolarityScore
	neg := c.Classify("The blade never works well.", 0).PolarityScore
	if !(pos > 0 && neg < 0) {
		t.Errorf("scores %.3f / %.3f: negation should flip", pos, neg)
	}
	if got := c.Classify("It leaked everywhere and I had to return it.", 5).Polarity; got != Pain {
		t.Errorf("a defect in a 5-star review is %s, want pain", got)
	}
}

func TestUserLexiconOverrides(t *testing.T) {
	dir := t.TempDir()
	os.MkdirAll(dir+"/en", 0o755)
	os.WriteFile(dir+"/en/valence.tsv", []byte("# user\nsquishy\t2.5\n"), 0o644)
	os.WriteFile(dir+"/en/outcomes.tsv", []byte("squishy\tfunctional\t1.0\n"), 0o644)
	set, err := lexicons.Load("en", dir)
	if err != nil {
		t.Fatal(err)
	}
	c, err := New(set)
	if err != nil {
		t.Fatal(err)
	}
	base := newTest(t)
	if c.Version == base.Version {
		t.Error("user lexicons should change the version")
	}
	if r := c.Classify("It is squishy.", 0); r.Polarity != Gain || strings.Join(r.Outcomes, ",") != "functional" {
		t.Errorf("with user lexicon: %+v", r)
	}
	if r := base.Classify("It is squishy.", 0); r.Polarity != Neutral {
		t.Errorf("without: %+v", r)
	}
	os.WriteFile(dir+"/en/nonsense.tsv", []byte("x\n"), 0o644)
	if _, err := lexicons.Load("en", dir); err == nil || !strings.Contains(err.Error(), "unknown table") {
		t.Errorf("unknown table: %v", err)
	}
}

// TestEvalFloor guards the measured quality from regressions: the
// figures come from "jobminer eval" and the floors sit a little under
// them. The real-dev sets hold real review sentences from ../shared/data,
// labelled by two annotators before the classifier saw them; they are
// tuned on (the sentence model is fitted to them) and lead. The written
// sets (dev, held-out, fresh) came from the lexicons' authors and stay as
// regression tests, of the rules alone and with the model; real-test.tsv
// and real-test2.tsv are scored once per round and have no floor here, so
// that nobody tunes to them.
func TestEvalFloor(t *testing.T) {
	model, rules := newTest(t), rulesOnly(t)
	for _, tc := range []struct {
		file           string
		min            int
		polarity, each float64
		rules          bool // the rules' thresholds, not the sentence model
	}{
		{file: "real-dev.tsv", min: 1000, polarity: 0.78, each: 0.83},
		{file: "real-dev3.tsv", min: 280, polarity: 0.74, each: 0.80},
		{file: "real-dev4.tsv", min: 290, polarity: 0.72, each: 0.72},
		{file: "real-dev5.tsv", min: 350, polarity: 0.72, each: 0.78},
		{file: "real-dev6.tsv", min: 390, polarity: 0.76, each: 0.80},
		{file: "real-dev7.tsv", min: 330, polarity: 0.70, each: 0.74},
		{file: "real-dev.tsv", min: 1000, polarity: 0.76, each: 0.83, rules: true},
		{file: "dev.tsv", min: 240, polarity: 0.84, each: 0.83, rules: true},
		{file: "heldout.tsv", min: 190, polarity: 0.80, each: 0.72, rules: true},
		// 0.80 before the base layer's topic words ("holiday", "played")
		// were zeroed, 0.772 before "friend" was: they had made gains of
		// some written sentences, and false ones on real text.
		{file: "fresh.tsv", min: 120, polarity: 0.76, each: 0.80, rules: true},
		// The model, fitted to real sentences, calls more of the written
		// sets' mild gains neutral ("The rug doesn't slip on my wooden
		// floor.", four stars): 0.787, 0.830 and 0.743 where the rules
		// score 0.862, 0.829 and 0.764 (fitted to 3,400 real sentences;
		// 0.801 on dev.tsv when fitted to 3,100). With the words weighed
		// too: 0.846, 0.794 and 0.766; fitted to 4,127 (real-dev10 and 11
		// added): 0.820, 0.796 and 0.739, functional on dev.tsv 0.824; to
		// 4,756 (real-dev12, 13): 0.823, 0.807 and 0.725; to 5,656
		// (real-dev14, 15, 16): heldout 0.778, one mixed written sentence
		// ("Setup was annoying, but once running it works great.") now pain.
		{file: "dev.tsv", min: 240, polarity: 0.78, each: 0.82},
		{file: "heldout.tsv", min: 190, polarity: 0.77, each: 0.72},
		{file: "fresh.tsv", min: 120, polarity: 0.72, each: 0.81},
	} {
		name, c := tc.file, model
		if tc.rules {
			name, c = tc.file+"/rules", rules
		}
		t.Run(name, func(t *testing.T) {
			f, err := os.Open("../testdata/labelled/" + tc.file)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			set, err := ReadLabelled(f, tc.file)
			if err != nil {
				t.Fatal(err)
			}
			if len(set) < tc.min {
				t.Fatalf("%d labelled sentences, want %d or more", len(set), tc.min)
			}
			ev := c.Evaluate(set)
			if ev.Polarity.MacroF1 < tc.polarity {
				t.Errorf("pain/gain/neutral macro-F1 %.3f, floor %.2f", ev.Polarity.MacroF1, tc.polarity)
			}
			for _, cs := range ev.Outcomes.Classes {
				if cs.F1 < tc.each {
					t.Errorf("%s F1 %.3f, floor %.2f", cs.Class, cs.F1, tc.each)
				}
			}
		})
	}
}

// TestRealTextVariants: the same real sentences written all in lower
// case, or read without their star rating, keep most of their labels
// (a user's export may have neither capitals nor ratings).
func TestRealTextVariants(t *testing.T) {
	c := newTest(t)
	set := realLines(t, "real-dev.tsv") // never the test set: it is scored once per round
	changed := 0
	lower := make([]Labelled, len(set))
	unrated := make([]Labelled, len(set))
	for i, l := range set {
		a, b := c.Classify(l.Text, l.Rating), c.Classify(strings.ToLower(l.Text), l.Rating)
		if a.Polarity != b.Polarity {
			changed++
		}
		lower[i], unrated[i] = l, l
		lower[i].Text = strings.ToLower(l.Text)
		unrated[i].Rating = 0
	}
	if changed > len(set)/50 {
		t.Errorf("lower-casing changes the polarity of %d of %d sentences", changed, len(set))
	}
	for name, s := range map[string][]Labelled{"lower case": lower, "no rating": unrated} {
		ev := c.Evaluate(s)
		if ev.Polarity.MacroF1 < 0.66 {
			t.Errorf("%s: pain/gain/neutral macro-F1 %.3f, floor 0.66", name, ev.Polarity.MacroF1)
		}
		for _, cs := range ev.Outcomes.Classes {
			if cs.F1 < 0.75 {
				t.Errorf("%s: %s F1 %.3f, floor 0.75", name, cs.Class, cs.F1)
			}
		}
		t.Logf("%s: macro-F1 %.3f", name, ev.Polarity.MacroF1)
	}
}

// TestCueWordsFlagged checks that the index flags every word the code
// reads by its text after a bit test, however it is written, so that no
// scan passes it over.
func TestCueWordsFlagged(t *testing.T) {
	c := newTest(t)
	for _, l := range []struct {
		words []string
		flag  wordFlags
	}{{clauseCues, isClauseCue}, {feelWords, isFeel}, {jobCues, isJobCue}, {settingPrepositions, isSettingPreposition}, {alternativeCues, isAlternativeCue}} {
		for _, w := range l.words {
			checkFlagged(t, c, w, l.flag)
		}
	}
	for _, l := range []struct {
		words map[string]bool
		flag  wordFlags
	}{{purposeWords, isPurpose}, {motionVerbs, isPurpose}, {determiners, isDeterminer}, {npDeterminers, isDeterminer}} {
		for w := range l.words {
			checkFlagged(t, c, w, l.flag)
		}
	}
}

// checkFlagged checks that the index flags word w, however written.
func checkFlagged(t *testing.T, c *Classifier, w string, flag wordFlags) {
	t.Helper()
	for _, written := range []string{w, strings.ToUpper(w[:1]) + w[1:], strings.ToUpper(w)} {
		if toks := c.ix.tokenize(nil, written); len(toks) != 1 || !toks[0].is(flag) {
			t.Errorf("%q: not flagged %b", written, flag)
		}
	}
}

// TestApostropheless: a negative contraction typed without its apostrophe
// reads as with it, in both tokenizer paths, and gets the same verdict.
func TestApostropheless(t *testing.T) {
	c := newTest(t)
	for bare, full := range map[string]string{
		"dont waste your money":     "don't waste your money",
		"it doesnt work":            "it doesn't work",
		"i cant figure out the app": "i can't figure out the app",
		"it isnt bad at all":        "it isn't bad at all",
	} {
		a, b := c.Classify(bare, 0), c.Classify(full, 0)
		if a.Polarity != b.Polarity || a.PolarityScore != b.PolarityScore {
			t.Errorf("%q: %s %.3f, %q: %s %.3f", bare, a.Polarity, a.PolarityScore, full, b.Polarity, b.PolarityScore)
		}
		for _, ix := range []*index{c.ix, nil} {
			var got, want []string
			for _, tk := range tokenizeIn(ix, nil, bare) {
				got = append(got, tk.text)
			}
			for _, tk := range tokenizeIn(ix, nil, full) {
				want = append(want, tk.text)
			}
			if !slices.Equal(got, want) {
				t.Errorf("%q tokenized %q, want %q (index %v)", bare, got, want, ix != nil)
			}
		}
	}
	if toks := tokenizeIn(nil, nil, "front"); toks[0].text != "front" {
		t.Errorf("front: %q", toks[0].text)
	}
}

// TestNotASpan: sentences the span rules must leave alone (a second
// reading's examples): the reader addressed, a wish, a bare use, a return,
// gift packaging, a second unit of the same product.
func TestNotASpan(t *testing.T) {
	c := rulesOnly(t)
	for _, text := range []string{"So you can imagine my joy when I found them.", "I love having it around.", "I would love seeing this in blue.",
		"I returned it so I could get a refund.", "It was so loud I could hear it downstairs."} {
		if got := c.Classify(text, 0).Job; got != "" {
			t.Errorf("%q: job %q, want none", text, got)
		}
	}
	if got := c.Classify("The Christmas gift wrap was torn.", 0).Situation; got != "" {
		t.Errorf("gift wrap: situation %q, want none", got)
	}
	for _, text := range []string{"I bought two and my other one works fine.", "I looked at the screen and it was cracked."} {
		if got := c.Classify(text, 0).Alternative; got != "" {
			t.Errorf("%q: alternative %q, want none", text, got)
		}
	}
}
