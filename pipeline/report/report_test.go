package report

import (
	"bytes"
	"context"
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"jobminer/classifiers"
	"jobminer/lexicons"
	"jobminer/pipeline/analyze"
	"jobminer/pipeline/collect"
	"jobminer/pipeline/store"
)

// sampleStore imports and analyzes the bundled sample into a fresh
// SQLite file.
func sampleStore(t *testing.T) (*store.Store, *classifiers.Classifier) {
	return analyzedStore(t, "../../testdata/sample/amazon_reviews_2023.jsonl.gz", "")
}

// analyzedStore imports a file into a fresh SQLite file and analyzes it
// as the commands do (English and Chinese), with the built-in lexicons
// and, when lexDir is not empty, the user's.
func analyzedStore(t *testing.T, file, lexDir string) (*store.Store, *classifiers.Classifier) {
	t.Helper()
	st, err := store.Open(filepath.Join(t.TempDir(), "r.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	ctx := context.Background()
	if _, err := collect.Import(ctx, st, file, collect.Options{}); err != nil {
		t.Fatal(err)
	}
	c, err := classifiers.Load(lexDir)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := analyze.Run(ctx, st, c, analyze.Options{}); err != nil {
		t.Fatal(err)
	}
	return st, c
}

func TestQuotes(t *testing.T) {
	st, c := sampleStore(t)
	ctx := context.Background()
	for _, kind := range []string{"pain", "gain", "functional", "emotional", "social", "job", "situation"} {
		t.Run(kind, func(t *testing.T) {
			qs, err := Quotes(ctx, st.DB(), c, Filter{}, kind, QuoteOptions{N: 6})
			if err != nil {
				t.Fatal(err)
			}
			if len(qs) < 2 {
				t.Fatalf("%d quotes", len(qs))
			}
			seen := map[string]bool{}
			for _, q := range qs {
				if seen[q.Text] || q.DocumentID == "" || q.Product == "" || q.Date == "" || len(q.Text) < 30 || len(q.Text) > 280 {
					t.Errorf("bad or repeated quote %+v", q)
				}
				seen[q.Text] = true
				// The quote really is of its kind.
				var n int
				cond, _ := categoryCond(kind)
				st.DB().QueryRow(`SELECT count(*) FROM sentences s WHERE s.text = ? AND `+cond, q.Text).Scan(&n)
				if n == 0 {
					t.Errorf("%q is not a %s sentence", q.Text, kind)
				}
			}
		})
	}
	// Filters: a product and a rating range.
	qs, err := Quotes(ctx, st.DB(), c, Filter{Products: []string{"B0MUG00003"}, MaxRating: 2}, "pain", QuoteOptions{N: 10})
	if err != nil || len(qs) == 0 {
		t.Fatalf("%v, %d quotes", err, len(qs))
	}
	for _, q := range qs {
		if q.Product != "B0MUG00003" || q.Rating == nil || *q.Rating > 2 {
			t.Errorf("quote outside the filter: %+v", q)
		}
	}
	if _, err := Quotes(ctx, st.DB(), c, Filter{}, "happy", QuoteOptions{}); err == nil {
		t.Error("unknown kind accepted")
	}
}

func TestPickQuotesSuppressesNearDuplicates(t *testing.T) {
	set, _ := lexicons.Load("en", "")
	c, _ := classifiers.New(set)
	var cands []Quote
	for i := 0; i < 6; i++ {
		cands = append(cands, Quote{Text: "The lid leaks coffee all over my bag every morning.", Polarity: -0.5, DocumentID: string(rune('a' + i))})
	}
	cands = append(cands,
		Quote{Text: "The lid leaks coffee into my bag on the train.", Polarity: -0.6, DocumentID: "x"},
		Quote{Text: "Customer service never answered my emails.", Polarity: -0.3, DocumentID: "y"},
		Quote{Text: "The handle snapped off after two weeks.", Polarity: -0.4, DocumentID: "z"})
	got := pickQuotes(c, cands, 5)
	if len(got) != 3 {
		t.Fatalf("%d quotes, want 3 different ones: %+v", len(got), got)
	}
	if !strings.Contains(got[0].Text, "lid leaks") || got[0].Represents < 6 {
		t.Errorf("the most representative quote should be the leaking lid (said 7 times): %+v", got[0])
	}
}

// TestPickQuotesPrefersWhatSaysIt: of two pain quotes, the one whose words
// say a pain leads, though the other (praise with a pain verdict from its
// rating) leans harder.
func TestPickQuotesPrefersWhatSaysIt(t *testing.T) {
	set, _ := lexicons.Load("en", "")
	c, _ := classifiers.New(set)
	cands := []Quote{
		{Text: "These are great tablets and the price is wonderful.", Polarity: 0.9, evidence: "gain:great,gain:wonderful", Category: "pain", DocumentID: "a"},
		{Text: "The battery drains overnight even when it is off.", Polarity: -0.2, evidence: "pain:drains", Category: "pain", DocumentID: "b"},
	}
	got := pickQuotes(c, cands, 2)
	if len(got) != 2 || got[0].DocumentID != "b" {
		t.Errorf("the pain that says it should lead: %+v", got)
	}
}

func TestCloud(t *testing.T) {
	st, c := sampleStore(t)
	ctx := context.Background()
	pain, err := Cloud(ctx, st.DB(), c, Filter{}, "pain", CloudOptions{N: 30})
	if err != nil {
		t.Fatal(err)
	}
	if pain.Method != "log-likelihood" || len(pain.Terms) < 5 {
		t.Fatalf("pain cloud: %+v", pain)
	}
	keys := map[string]CloudTerm{}
	for i, term := range pain.Terms {
		keys[term.Key] = term
		if i > 0 && term.Weight > pain.Terms[i-1].Weight {
			t.Error("terms not in weight order")
		}
		if term.Lean > 0 {
			t.Errorf("%q leans to gains in a pain cloud: %+v", term.Term, term)
		}
	}
	if _, ok := keys["return"]; !ok {
		t.Errorf("no 'return' in the pain cloud: %v", pain.Terms)
	}
	for _, stop := range []string{"the", "it", "product", "was"} {
		if _, ok := keys[stop]; ok {
			t.Errorf("stop word %q in the cloud", stop)
		}
	}
	// Inflections fold into one key.
	if term, ok := keys["week"]; ok && term.Term != "weeks" && term.Term != "week" {
		t.Errorf("week shown as %q", term.Term)
	}
	// The whole corpus has no rest to compare with: TF-IDF.
	all, err := Cloud(ctx, st.DB(), c, Filter{}, "", CloudOptions{})
	if err != nil || all.Method != "tf-idf" {
		t.Fatalf("%v %+v", err, all)
	}
	// The term counts are cached and reused until the analyses change.
	var stamp1, stamp2 string
	st.DB().QueryRow(`SELECT stamp FROM report_cache WHERE name = 'term_counts'`).Scan(&stamp1)
	Cloud(ctx, st.DB(), c, Filter{Products: []string{"B0MUG00003"}}, "", CloudOptions{})
	st.DB().QueryRow(`SELECT stamp FROM report_cache WHERE name = 'term_counts'`).Scan(&stamp2)
	if stamp1 == "" || stamp1 != stamp2 {
		t.Errorf("stamps %q, %q", stamp1, stamp2)
	}

	var buf bytes.Buffer
	if err := pain.WriteCSV(&buf); err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(&buf).ReadAll()
	if err != nil || len(recs) != len(pain.Terms)+1 || recs[0][0] != "term" || recs[0][2] != "weight" {
		t.Errorf("CSV: %v %v", err, recs[:1])
	}
}

func TestLayoutHasNoOverlaps(t *testing.T) {
	var terms []CloudTerm
	for i, w := range strings.Fields("battery life fall asleep comfortable returned leaks lid strap noise quiet gift husband kids travel charger coffee blender smoothie mug warm cold cheap broke flimsy sturdy night shift commute office colleagues") {
		terms = append(terms, CloudTerm{Term: w, Weight: float64(40 - i), Lean: float64(i%3 - 1)})
	}
	boxes := Layout(terms, 700, 400)
	if len(boxes) < len(terms)*3/4 {
		t.Fatalf("only %d of %d terms placed", len(boxes), len(terms))
	}
	for i := range boxes {
		b := boxes[i]
		if b.X < 0 || b.Y < 0 || b.X+b.Width > 700 || b.Y+b.Height > 400 {
			t.Errorf("%q outside the canvas: %+v", b.Term.Term, b)
		}
		for j := i + 1; j < len(boxes); j++ {
			if Overlap(b, boxes[j]) {
				t.Errorf("%q overlaps %q", b.Term.Term, boxes[j].Term.Term)
			}
		}
	}
	if boxes[0].FontSize <= boxes[len(boxes)-1].FontSize {
		t.Error("the heaviest term is not the largest")
	}
	if leanColor(-1) != "#c0392b" || leanColor(1) != "#1e8449" || leanColor(0) != "#6e767d" {
		t.Errorf("colours %s %s %s", leanColor(-1), leanColor(1), leanColor(0))
	}
}

func TestCanvas(t *testing.T) {
	st, c := sampleStore(t)
	cv, err := BuildCanvas(context.Background(), st.DB(), c, Filter{Products: []string{"B0SLEEP001"}}, CanvasOptions{})
	if err != nil {
		t.Fatal(err)
	}
	var docs int
	st.DB().QueryRow(`SELECT count(*) FROM documents WHERE product_id = 'B0SLEEP001'`).Scan(&docs)
	if cv.Documents != docs || cv.Sentences == 0 {
		t.Errorf("canvas covers %d documents, the product has %d", cv.Documents, docs)
	}
	if cv.Customer.MainQuote == nil || len(cv.Customer.Pains) == 0 || len(cv.Customer.Gains) == 0 || len(cv.Customer.Interests) == 0 {
		t.Errorf("customer: %+v", cv.Customer)
	}
	for _, q := range append(cv.Customer.Pains, cv.Customer.Gains...) {
		if q.Product != "B0SLEEP001" {
			t.Errorf("quote from another product: %+v", q)
		}
	}
	if len(cv.Job.Statements) == 0 || len(cv.Job.Situations) == 0 {
		t.Errorf("job: %+v", cv.Job)
	}
	for _, s := range cv.Job.Stories {
		if !strings.Contains(s.Text, ", I want ") || !strings.Contains(s.Text, ", so ") || !strings.HasSuffix(s.Text, ".") || s.Text[0] < 'A' || s.Text[0] > 'Z' || len(s.Reviews) == 0 {
			t.Errorf("story %+v", s)
		}
	}
	for _, g := range append(cv.Job.Statements, cv.Job.Situations...) {
		if g.Count == 0 || len(g.Reviews) == 0 || g.Reviews[0].ID == "" {
			t.Errorf("group without its reviews: %+v", g)
		}
	}
	// Shares are of all reviewers in the selection: each is its reviewers
	// over them, and a reviewer can state several outcomes.
	sharesOK := true
	for _, d := range cv.Outcomes {
		want := float64(d.Reviewers) / float64(cv.Reviewers)
		sharesOK = sharesOK && d.Share >= want-0.001 && d.Share <= want+0.001 && d.Share <= 1
	}
	if len(cv.Outcomes) != 3 || !sharesOK || cv.Role.Main == "" || cv.Role.Main == cv.Role.Secondary ||
		cv.Role.Shares[cv.Role.Main] < cv.Role.Shares[cv.Role.Secondary] {
		t.Errorf("outcomes/role: %+v %+v", cv.Outcomes, cv.Role)
	}
	var html, md bytes.Buffer
	if err := cv.WriteHTML(&html); err != nil {
		t.Fatal(err)
	}
	cv.WriteMarkdown(&md)
	for _, want := range []string{`<section id="customer">`, `<section id="job">`, `<section id="outcome">`, `<section id="role">`,
		"Main axis: <strong>" + cv.Role.Main, cv.Customer.Pains[0].DocumentID} {
		if !strings.Contains(html.String(), want) {
			t.Errorf("HTML lacks %q", want)
		}
	}
	// Self-contained: nothing loaded from elsewhere (the inline SVG's
	// namespace is a name, not a resource).
	if strings.Contains(html.String(), `src="http`) || strings.Contains(html.String(), "url(http") || strings.Contains(html.String(), "<script") || strings.Contains(html.String(), "<link") {
		t.Error("the HTML canvas is not self-contained")
	}
	for _, want := range []string{"## Customer", "## Job", "## Outcome", "## Role", "### Customer journey", "Main axis: **" + cv.Role.Main} {
		if !strings.Contains(md.String(), want) {
			t.Errorf("Markdown lacks %q", want)
		}
	}
}

func TestJobStory(t *testing.T) {
	for _, tc := range []struct{ sit, job, out, want string }{
		{"after night shifts", "to fall asleep faster", "I can fall asleep within minutes",
			"After night shifts, I want to fall asleep faster, so I can fall asleep within minutes."},
		{"when I travel", "for my daily commute", "my phone lasts all day!",
			"When I travel, I want something for my daily commute, so my phone lasts all day."},
		{"at night", "as an alarm clock", "I can sleep through",
			"At night, I want to use it as an alarm clock, so I can sleep through."},
		{"in the winter", "moisturizing my skin", "my skin feels soft",
			"In the winter, I want something for moisturizing my skin, so my skin feels soft."},
		{"on rainy mornings", "keep my feet dry", "I don't have to change socks at work.",
			"On rainy mornings, I want to keep my feet dry, so I don't have to change socks at work."},
	} {
		if got := jobStory(tc.sit, tc.job, tc.out); got != tc.want {
			t.Errorf("got  %s\nwant %s", got, tc.want)
		}
	}
}

func TestFilterDescribeAndWhere(t *testing.T) {
	f := Filter{Products: []string{"A", "B"}, Kind: "comment", MinRating: 4}
	where, args := f.where()
	if strings.Count(where, "?") != len(args) || len(args) != 4 {
		t.Errorf("%s %v", where, args)
	}
	if got := f.Describe(); got != "product A, B, comments, rated 4 or more" {
		t.Errorf("Describe = %q", got)
	}
}

// TestCanvasJourneyTopPain: a stage with pain sentences shows one of
// them as its top pain, taken from that stage (the stage was once bound
// to the length placeholder, and every top pain came out empty); the same
// for the top gain, and the opportunity is a request of that stage.
func TestCanvasJourneyTopPain(t *testing.T) {
	st, c := sampleStore(t)
	cv, err := BuildCanvas(context.Background(), st.DB(), c, Filter{}, CanvasOptions{})
	if err != nil {
		t.Fatal(err)
	}
	shown := 0
	of := func(text, stage, polarity string) int {
		var n int
		st.DB().QueryRow(`SELECT count(*) FROM sentences s WHERE s.text = ? AND `+stageExpr+` = ? AND (s.polarity = ? OR ? = '')`, text, stage, polarity, polarity).Scan(&n)
		return n
	}
	for _, s := range cv.Journey {
		if s.TopPain != nil {
			shown++
			if of(s.TopPain.Text, s.Stage, "pain") == 0 {
				t.Errorf("stage %s: top pain %q is not a pain sentence of that stage", s.Stage, s.TopPain.Text)
			}
		}
		if s.TopGain != nil && of(s.TopGain.Text, s.Stage, "gain") == 0 {
			t.Errorf("stage %s: top gain %q is not a gain sentence of that stage", s.Stage, s.TopGain.Text)
		}
		if o := s.Opportunity; o != nil && (of(o.Text, s.Stage, "") == 0 || c.Request(o.Text) == "") {
			t.Errorf("stage %s: opportunity %q is no request of that stage", s.Stage, o.Text)
		}
		if s.Pains+s.Gains > s.Sentences || s.Reviewers > s.Sentences || s.Feeling < -1 || s.Feeling > 1 {
			t.Errorf("stage %s: counts do not add up: %+v", s.Stage, s)
		}
	}
	var stagesWithPain int
	st.DB().QueryRow(`SELECT count(DISTINCT journey_stage) FROM sentences WHERE journey_stage <> '' AND polarity = 'pain' AND length(text) BETWEEN 25 AND 300`).Scan(&stagesWithPain)
	if stagesWithPain == 0 || shown == 0 {
		t.Fatalf("%d stages have pain sentences, %d show a top pain", stagesWithPain, shown)
	}
}

// TestQuotesCountReviewers: one reviewer's review copied onto eight
// product variants (as Amazon 2018 exports do), and one long review
// saying the same thing in many sentences, count as one reviewer each;
// three different reviewers saying it count as three.
func TestQuotesCountReviewers(t *testing.T) {
	st, err := store.Open(filepath.Join(t.TempDir(), "copies.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	ctx := context.Background()
	w, err := st.BeginSource(ctx, store.Source{Location: "copies", Name: "copies", Format: "test", Kind: store.KindReview})
	if err != nil {
		t.Fatal(err)
	}
	five := 5.0
	var docs []store.Document
	for v := range 8 {
		docs = append(docs, store.Document{ExternalID: fmt.Sprint("copy", v), Kind: store.KindReview, ProductID: fmt.Sprint("VARIANT", v),
			Author: "A1", Rating: &five, Text: "The zipper broke after two days of light use.", Line: v + 1})
	}
	long := strings.Repeat("The zipper broke after two days of light use. ", 30)
	docs = append(docs, store.Document{ExternalID: "long", Kind: store.KindReview, ProductID: "P", Author: "A2", Rating: &five, Text: long, Line: 9})
	// Two different customers both shown as "Amazon Customer": two reviewers.
	for i := range 2 {
		docs = append(docs, store.Document{ExternalID: fmt.Sprint("anon", i), Kind: store.KindReview, ProductID: "Q", Author: "Amazon Customer", Rating: &five,
			Text: "Our old one broke, this one is sturdy and the zipper broke after two days of light use.", Line: 20 + i})
	}
	for i, a := range []string{"B1", "B2", "B3"} {
		docs = append(docs, store.Document{ExternalID: a, Kind: store.KindReview, ProductID: "P", Author: a, Rating: &five,
			Text: "Sadly I must say it. The zipper broke after two days of light use.", Line: 10 + i})
	}
	if err := w.Write(ctx, docs, nil); err != nil {
		t.Fatal(err)
	}
	if err := w.Finish(ctx, store.StatusDone); err != nil {
		t.Fatal(err)
	}
	set, _ := lexicons.Load("en", "")
	c, _ := classifiers.New(set)
	if _, err := analyze.Run(ctx, st, c, analyze.Options{}); err != nil {
		t.Fatal(err)
	}
	qs, err := Quotes(ctx, st.DB(), c, Filter{}, "pain", QuoteOptions{N: 3})
	if err != nil || len(qs) == 0 {
		t.Fatalf("quotes: %v %v", qs, err)
	}
	if qs[0].Represents != 7 {
		t.Errorf("top pain quote represents %d, want 7 reviewers (A1 once for 8 copies, A2 once for 30 sentences, B1-B3, two Amazon Customers)", qs[0].Represents)
	}
	var buf bytes.Buffer
	WriteQuotesText(&buf, qs)
	if !strings.Contains(buf.String(), "like 7 reviewers") {
		t.Errorf("text output:\n%s", buf.String())
	}
	cloud, err := Cloud(ctx, st.DB(), c, Filter{}, "", CloudOptions{MinCount: 1})
	if err != nil {
		t.Fatal(err)
	}
	zipper, reviewers := 0, 0
	for _, term := range cloud.Terms {
		if term.Key == "zipper" {
			zipper, reviewers = term.Count, term.Reviewers
		}
	}
	if zipper != 7 || reviewers != 7 { // A1 once for 8 copies, A2 once for 30 sentences, B1-B3, two Amazon Customers
		t.Errorf("cloud: zipper counted %d times by %d reviewers, want 7 and 7 (one per reviewer)", zipper, reviewers)
	}
	product, err := Cloud(ctx, st.DB(), c, Filter{Products: []string{"P"}}, "", CloudOptions{MinCount: 1, N: 500})
	if err != nil {
		t.Fatal(err)
	}
	sadly := -1
	for _, term := range product.Terms {
		if term.Key == "sadly" {
			sadly = term.Reviewers
		}
	}
	if sadly != 3 {
		t.Errorf("product P: \"sadly\" used by %d reviewers, want 3 (B1-B3)", sadly)
	}
	cv, err := BuildCanvas(ctx, st.DB(), c, Filter{}, CanvasOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if cv.Reviewers != 7 || cv.Sentences < 40 {
		t.Errorf("canvas: %d reviewers, %d sentences; want 7 reviewers (two of them \"Amazon Customer\")", cv.Reviewers, cv.Sentences)
	}
	for _, d := range cv.Outcomes {
		if d.Name == classifiers.Functional && d.Reviewers != 7 { // all seven reviewers
			t.Errorf("functional: %d reviewers, share %.2f; want 5 and all of it", d.Reviewers, d.Share)
		}
	}
}

// TestStatsShowsKilledRunAsInterrupted: a source left "running" by a
// process that no longer exists (killed with -9) is shown as interrupted;
// one whose process is alive (this test) stays running.
func TestStatsShowsKilledRunAsInterrupted(t *testing.T) {
	st, err := store.Open(filepath.Join(t.TempDir(), "stale.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	ctx := context.Background()
	for _, loc := range []string{"alive", "killed"} {
		if _, err := st.BeginSource(ctx, store.Source{Location: loc, Name: loc, Format: "test", Kind: store.KindReview}); err != nil {
			t.Fatal(err)
		}
	}
	// A pid no process has: beyond the kernel's pid_max.
	if _, err := st.DB().Exec(`UPDATE sources SET pid = 99999999 WHERE location = 'killed'`); err != nil {
		t.Fatal(err)
	}
	s, err := LoadStats(ctx, st.DB(), 5, 5)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, src := range s.Sources {
		got[src.Location] = src.LastStatus
	}
	if got["alive"] != store.StatusRunning || got["killed"] != store.StatusInterrupted {
		t.Errorf("statuses %v, want alive running, killed interrupted", got)
	}
}

func TestCSVCellsRunNoFormula(t *testing.T) {
	qs := []Quote{{Text: `=HYPERLINK("http://evil.example","click")`, DocumentID: "+1", Product: "@SUM(A1)", Polarity: -0.5, Category: "pain"},
		{Text: "-5 stars, broke at once", DocumentID: "R2", Product: "P"}}
	var buf bytes.Buffer
	if err := WriteQuotesCSV(&buf, qs); err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(&buf).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	for _, rec := range recs[1:] {
		for i, cell := range rec {
			if cell != "" && strings.ContainsRune("=+@", rune(cell[0])) || i == 2 && strings.HasPrefix(cell, "-") {
				t.Errorf("cell %d %q would run as a formula", i, cell)
			}
		}
	}
	if recs[1][9] != "-0.5" {
		t.Errorf("a number cell was changed: %q", recs[1][9])
	}
	cloud := &CloudResult{Terms: []CloudTerm{{Term: "=cmd", Key: "=cmd"}}}
	buf.Reset()
	cloud.WriteCSV(&buf)
	if !strings.Contains(buf.String(), "'=cmd") {
		t.Errorf("cloud CSV: %s", buf.String())
	}
}

// TestJobCloudIsMadeOfJobs: a job or situation cloud counts the words of
// the extracted phrases, and no praise word leads it.
func TestJobCloudIsMadeOfJobs(t *testing.T) {
	st, c := sampleStore(t)
	ctx := context.Background()
	for _, kind := range []string{"job", "situation"} {
		res, err := Cloud(ctx, st.DB(), c, Filter{Products: []string{"B0SLEEP001"}}, kind, CloudOptions{MinCount: 1})
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Terms) == 0 {
			t.Fatalf("%s cloud is empty", kind)
		}
		for _, term := range res.Terms {
			if c.HasVerdictWord(term.Key) {
				t.Errorf("%s cloud holds the praise word %q", kind, term.Term)
			}
			var n int
			st.DB().QueryRow(`SELECT count(*) FROM sentences WHERE lower(`+kind+`) LIKE ?`, "%"+strings.Fields(term.Term)[0]+"%").Scan(&n)
			if n == 0 {
				t.Errorf("%s cloud term %q is in no %s phrase", kind, term.Term, kind)
			}
		}
	}
	if !c.HasVerdictWord("perfect") || !c.HasVerdictWord("great") || c.HasVerdictWord("coffee") {
		t.Error("HasVerdictWord: perfect and great are verdicts, coffee is not")
	}
}

func TestStoryParts(t *testing.T) {
	for _, tc := range []struct {
		sit, job string
		ok       bool
	}{
		{"after night shifts", "to fall asleep faster", true},
		{"when I travel", "for my daily commute", true},
		{"if it were still available on", "for his hair", false}, // a condition sets no scene
		{"when it's old", "to with my lip condition", false},     // "to with": no verb
		{"when at the gym", "for years", false},                  // a duration is no use
	} {
		if got := storyParts(tc.sit, tc.job); got != tc.ok {
			t.Errorf("storyParts(%q, %q) = %v, want %v", tc.sit, tc.job, got, tc.ok)
		}
	}
}

// TestStoryPartsApart: a job and a situation a contrast or many words part
// are two thoughts of their sentence, no story; an outcome said before the
// job in its sentence is no result of it.
func TestStoryPartsApart(t *testing.T) {
	for _, tc := range []struct {
		text, job, situation string
		apart                bool
	}{
		{"I use it for music when my hands are full.", "for music", "when my hands are full", false},
		{"Most of the time I use the tablet for the Web, reading and email, but when I want to work on a Word doc, I can do it well.", "for the Web", "when I want to work on a Word doc", true},
		{"I wanted to get my mother something she would enjoy and not be upset about the cost, since she worried about me for years, and after she used the soap she loved it.", "to get my mother", "after she used the soap", true},
		{"When I travel I use it to stay organized.", "to stay organized", "When I travel", false},
	} {
		if got := apart(tc.text, tc.job, tc.situation); got != tc.apart {
			t.Errorf("apart(%q, %q, %q) = %v, want %v", tc.text, tc.job, tc.situation, got, tc.apart)
		}
	}
	for _, tc := range []struct {
		text, outcome, job string
		before             bool
	}{
		{"I add my lights to the process and now it is so easy to turn lights on.", "I add my lights to the process", "to turn lights on", true},
		{"I bought it to read at night so I can fall asleep faster.", "I can fall asleep faster", "to read at night", false},
		{"I use it for walks so I can use it on the trail.", "I can use it on the trail", "for walks", false}, // "use it" after the job too
	} {
		if got := before(tc.text, tc.outcome, tc.job); got != tc.before {
			t.Errorf("before(%q, %q, %q) = %v, want %v", tc.text, tc.outcome, tc.job, got, tc.before)
		}
	}
}

// TestRefsNameTheirFile: a "line N" reference names the file it is a line
// of, once for lines of one file in a row; ids of their own and links stay
// as they are.
func TestRefsNameTheirFile(t *testing.T) {
	a, b := "/data/datafiniti/7817_1.csv", "/data/datafiniti/Datafiniti_Amazon.csv.gz"
	for _, tc := range []struct {
		refs []Ref
		want string
	}{
		{[]Ref{{ID: "line 7", File: a}}, "review line 7 of 7817_1.csv"},
		{[]Ref{{ID: "line 7", File: a}, {ID: "line 9", File: a}, {ID: "line 3", File: b}}, "review lines 7, 9 of 7817_1.csv, review line 3 of Datafiniti_Amazon.csv.gz"},
		{[]Ref{{ID: "R2X", File: a}, {ID: "line 4", File: a}}, "review R2X, review line 4 of 7817_1.csv"},
		{[]Ref{{ID: "line 5", URL: "https://shop.example/r/5", File: a}}, "[line 5](https://shop.example/r/5)"},
		{[]Ref{{ID: "line 5"}}, "review line 5"}, // no file known
	} {
		if got := mdRefs(tc.refs); got != tc.want {
			t.Errorf("mdRefs(%v) = %q, want %q", tc.refs, got, tc.want)
		}
	}
}

// TestGroupRefsSayTheRest: a phrase said by more reviewers than it cites
// says how many it leaves out.
func TestGroupRefsSayTheRest(t *testing.T) {
	g := Group{Phrase: "for Christmas", Count: 7, Reviews: []Ref{{ID: "R1"}, {ID: "R2"}}}
	if got, want := groupRefs(g), "review R1, review R2, … 5 more"; got != want {
		t.Errorf("groupRefs = %q, want %q", got, want)
	}
	g.Count = 2
	if got, want := groupRefs(g), "review R1, review R2"; got != want {
		t.Errorf("groupRefs = %q, want %q", got, want)
	}
}

// TestPainQuoteSaysThePain: of two pain sentences of a theme, the one whose
// own words say the pain is its quote, though the other (praise in a 3★
// review, a pain by its rating) scores higher in magnitude.
func TestPainQuoteSaysThePain(t *testing.T) {
	praise := &aspectRow{text: "These are great tablets for the kids and the price is wonderful.", polarity: "pain", score: 0.9, evidence: "gain:great,gain:wonderful"}
	flaw := &aspectRow{text: "The tablet is slow to load games for the kids.", polarity: "pain", score: -0.3}
	if got := betterRow(praise, flaw); got != flaw {
		t.Errorf("betterRow kept %q", got.text)
	}
	if got := betterRow(flaw, praise); got != flaw {
		t.Errorf("betterRow took %q", got.text)
	}
	for _, tc := range []struct {
		verdict  string
		score    float64
		evidence string
		says     bool
	}{
		{"pain", -0.2, "", true},
		{"pain", 0.4, "gain:great", false},
		{"pain", 0.4, "functional:apps,pain:can't", true}, // a cue of its side says it
		{"pain", 0, "functional:netflix", true},           // no words either way: not against it
		{"gain", 0.4, "", true},
		{"gain", -0.1, "pain:bad", false},
		{"job", 0.5, "", true},
	} {
		if got := saysIt(tc.verdict, tc.score, tc.evidence); got != tc.says {
			t.Errorf("saysIt(%s, %v, %q) = %v", tc.verdict, tc.score, tc.evidence, got)
		}
	}
}

// TestShownForm: a group shows the way most of its reviewers wrote it, and
// a shouted phrase in lower case only when no other is at hand.
func TestShownForm(t *testing.T) {
	for _, tc := range []struct {
		forms map[string]int
		first string
		want  string
	}{
		{map[string]int{"READ BOOKS": 3, "for reading books": 1}, "READ BOOKS", "for reading books"},
		{map[string]int{"READ BOOKS": 3}, "READ BOOKS", "read books"},
		{map[string]int{"for Christmas": 15, "Christmas": 14}, "Christmas", "for Christmas"},
		{map[string]int{"for iPad": 1, "for ipad": 1}, "for ipad", "for iPad"}, // a tie: byte order
		{map[string]int{"TV": 2}, "TV", "TV"},                                  // one word is no shouting
	} {
		if got := shownForm(tc.forms, tc.first); got != tc.want {
			t.Errorf("shownForm(%v) = %q, want %q", tc.forms, got, tc.want)
		}
	}
}

// TestQuoteOfALineNamesItsFile: a review from a file without ids is cited
// by its line and the file's source, and an empty product is left out.
func TestQuoteOfALineNamesItsFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "shop_export.csv")
	os.WriteFile(path, []byte("text,rating\nThe lid cracked after two days and the kettle leaked everywhere.,1\n"), 0o644)
	st, err := store.Open(filepath.Join(dir, "l.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	ctx := context.Background()
	if _, err := collect.Import(ctx, st, path, collect.Options{}); err != nil {
		t.Fatal(err)
	}
	set, _ := lexicons.Load("en", "")
	c, _ := classifiers.New(set)
	if _, err := analyze.Run(ctx, st, c, analyze.Options{}); err != nil {
		t.Fatal(err)
	}
	qs, err := Quotes(ctx, st.DB(), c, Filter{}, "pain", QuoteOptions{N: 1})
	if err != nil || len(qs) != 1 {
		t.Fatalf("%v %v", qs, err)
	}
	var buf bytes.Buffer
	WriteQuotesText(&buf, qs)
	if !strings.Contains(buf.String(), "review line 2 of shop_export") || strings.Contains(buf.String(), "·  ·") {
		t.Errorf("quote source: %s", buf.String())
	}
}

// TestReviewerOfMatchesSQL: the reviewer key computed in Go (for the
// theme reports, once per document) is the one SQL computes.
func TestReviewerOfMatchesSQL(t *testing.T) {
	st, err := store.Open(filepath.Join(t.TempDir(), "authors.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	ctx := context.Background()
	w, err := st.BeginSource(ctx, store.Source{Location: "authors", Name: "authors", Format: "test", Kind: store.KindReview})
	if err != nil {
		t.Fatal(err)
	}
	authors := []string{"", "Amazon Customer", " amazon customer ", "AMAZON CUSTOMER", "Jo, Smith", "Émile", "ÉMILE", "n/a", "N/A ", "A1B2C3", "user1"}
	var docs []store.Document
	for i, a := range authors {
		docs = append(docs, store.Document{ExternalID: fmt.Sprint("d", i), Kind: store.KindReview, Author: a, Text: fmt.Sprint("Review number ", i, "."), Line: i + 1})
	}
	if err := w.Write(ctx, docs, nil); err != nil {
		t.Fatal(err)
	}
	if err := w.Finish(ctx, store.StatusDone); err != nil {
		t.Fatal(err)
	}
	rows, err := st.DB().Query(`SELECT d.source_id, d.id, d.author, ` + reviewerKey + ` FROM documents d`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	n := 0
	for rows.Next() {
		var source, doc int64
		var author, want string
		if err := rows.Scan(&source, &doc, &author, &want); err != nil {
			t.Fatal(err)
		}
		if got := reviewerOf(source, doc, []byte(author)); got != want {
			t.Errorf("author %q: Go says %q, SQL %q", author, got, want)
		}
		n++
	}
	if n != len(authors) {
		t.Fatalf("%d documents, want %d", n, len(authors))
	}
}

// TestStatsRatingLabels: unrated documents count as "no rating", not as
// "0 stars" (SQLite's printf reads NULL as 0); ratings round to stars.
func TestStatsRatingLabels(t *testing.T) {
	st, err := store.Open(filepath.Join(t.TempDir(), "ratings.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	ctx := context.Background()
	w, err := st.BeginSource(ctx, store.Source{Location: "r", Name: "r", Format: "test", Kind: store.KindReview})
	if err != nil {
		t.Fatal(err)
	}
	four, one, half := 4.0, 1.0, 4.6
	var docs []store.Document
	for i, r := range []*float64{&four, nil, &one, nil, &half} {
		docs = append(docs, store.Document{ExternalID: fmt.Sprint("d", i), Kind: store.KindReview, ProductID: "P",
			Author: fmt.Sprint("A", i), Rating: r, Text: fmt.Sprint("Review number ", i, " says the lid leaks."), Line: i + 1})
	}
	if err := w.Write(ctx, docs, nil); err != nil {
		t.Fatal(err)
	}
	if err := w.Finish(ctx, store.StatusDone); err != nil {
		t.Fatal(err)
	}
	s, err := LoadStats(ctx, st.DB(), 5, 5)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]int{}
	for _, c := range s.Ratings {
		got[c.Label] = c.N
	}
	for label, want := range map[string]int{"no rating": 2, "5 stars": 1, "4 stars": 1, "1 star": 1, "0 stars": 0} {
		if got[label] != want {
			t.Errorf("%s: %d documents, want %d (all %v)", label, got[label], want, got)
		}
	}
}

// TestCountWords: counts of one read in the singular.
func TestCountWords(t *testing.T) {
	for _, c := range []struct {
		n     int
		thing string
		want  string
	}{{1, "review", "1 review"}, {2, "review", "2 reviews"}, {0, "sentence", "0 sentences"}, {1, "reviewer", "1 reviewer"}} {
		if got := counted(c.n, c.thing); got != c.want {
			t.Errorf("counted(%d, %q) = %q, want %q", c.n, c.thing, got, c.want)
		}
	}
}

// TestQuoteSourceNamesTheFile: a "line N" id names the file it is a line
// of, as sources of one name may be several files.
func TestQuoteSourceNamesTheFile(t *testing.T) {
	q := Quote{DocumentID: "line 7", Source: "datafiniti", File: "/data/datafiniti/7817_1.csv"}
	if got := quoteSource(q); !strings.HasPrefix(got, "review line 7 of 7817_1.csv") {
		t.Errorf("quoteSource = %q", got)
	}
	q.File = ""
	if got := quoteSource(q); !strings.HasPrefix(got, "review line 7 of datafiniti") {
		t.Errorf("without a file: quoteSource = %q", got)
	}
}

// TestStatsCountsSkippedRows: past the problems listed one by one, a
// summary problem stands for many rows; the headline says the rows.
func TestStatsCountsSkippedRows(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "stars_only.csv")
	var b strings.Builder
	b.WriteString("text,rating\nThe zipper broke on the first day.,1\n")
	for range 1200 {
		b.WriteString(",5\n") // a star without a review
	}
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	st, _ := analyzedStore(t, path, "")
	ctx := context.Background()
	s, err := LoadStats(ctx, st.DB(), 5, 5)
	if err != nil {
		t.Fatal(err)
	}
	if s.RowsSkipped != 1200 || s.ProblemTotal >= 1200 {
		t.Fatalf("rows skipped %d, problems %d; want 1200 rows in fewer problems", s.RowsSkipped, s.ProblemTotal)
	}
	var out strings.Builder
	s.WriteText(&out)
	if !strings.Contains(out.String(), "; 1200 rows skipped in all") {
		t.Errorf("stats do not say the rows skipped:\n%s", out.String())
	}
	// The file grows and is imported again: its summary row is replaced,
	// not kept beside the new one.
	for range 300 {
		b.WriteString(",4\n")
	}
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := collect.Import(ctx, st, path, collect.Options{}); err != nil {
		t.Fatal(err)
	}
	var summaries int
	if err := st.DB().QueryRow(`SELECT count(*) FROM import_problems WHERE reason LIKE '% more rows with %'`).Scan(&summaries); err != nil {
		t.Fatal(err)
	}
	if s, err = LoadStats(ctx, st.DB(), 5, 5); err != nil {
		t.Fatal(err)
	}
	if summaries != 1 || s.RowsSkipped != 1500 {
		t.Errorf("after a second import: %d summary rows, %d rows skipped; want 1 and 1500", summaries, s.RowsSkipped)
	}
}
