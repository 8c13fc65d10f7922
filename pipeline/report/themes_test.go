package report

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"jobminer/classifiers"
	"jobminer/lexicons"
	"jobminer/pipeline/analyze"
	"jobminer/pipeline/store"
)

// The excerpt is real: 40 reviews of one body wash (B000URXP6E) from
// Amazon Review Data 2018, All Beauty 5-core (../shared/data/amazon-2018),
// the first 40 with distinct texts of 80 characters or more.
const themesExcerpt = "../../testdata/themes/all-beauty-B000URXP6E.jsonl"

func themesStore(t *testing.T, lexDir string) (*store.Store, *classifiers.Classifier) {
	return analyzedStore(t, themesExcerpt, lexDir)
}

func TestThemesOnRealReviews(t *testing.T) {
	st, c := themesStore(t, "")
	ctx := context.Background()
	themes, err := Themes(ctx, st.DB(), c, Filter{}, ThemeOptions{N: 10})
	if err != nil {
		t.Fatal(err)
	}
	names := map[string]Theme{}
	for _, th := range themes {
		names[th.Name] = th
	}
	// What a reader of these reviews names: dandruff (what the shampoo is
	// bought against), the body wash, its price and its scent.
	for _, want := range []string{"dandruff", "body wash", "price", "scent"} {
		if _, ok := names[want]; !ok {
			t.Errorf("no theme %q among %v", want, themeNames(themes))
		}
	}
	raw, _ := os.ReadFile(themesExcerpt)
	for _, th := range themes {
		if th.Pain+th.Gain > th.Mentions || th.Reviewers > th.Mentions || th.Reviewers == 0 {
			t.Errorf("%s: counts do not add up: %+v", th.Name, th)
		}
		sum := 0
		for _, m := range th.Terms {
			sum += m.Mentions
		}
		if sum < th.Mentions {
			t.Errorf("%s: %d mentions but its terms are named %d times", th.Name, th.Mentions, sum)
		}
		// Every quote is a sentence of the review it cites.
		for _, q := range []*Quote{th.PainQuote, th.GainQuote} {
			if q == nil {
				continue
			}
			if !bytes.Contains(raw, []byte(`"asin": "`+q.Product+`"`)) || !strings.Contains(q.DocumentID, q.Product) {
				t.Errorf("%s: quote cites %q of %q", th.Name, q.DocumentID, q.Product)
			}
			var text string
			if err := st.DB().QueryRow(`SELECT text FROM documents WHERE external_id = ?`, q.DocumentID).Scan(&text); err != nil || !strings.Contains(text, q.Text) {
				t.Errorf("%s: quote %q is not in review %s (%v)", th.Name, q.Text, q.DocumentID, err)
			}
		}
	}
	noSentimentThemes(t, ctx, st, c)
	if p := names["scent"]; p.GainShare <= p.PainShare {
		t.Errorf("the scent is praised in these reviews: %+v", p)
	}
	if d := names["dandruff"]; d.PainShare <= d.GainShare {
		t.Errorf("dandruff is a pain in these reviews: %+v", d)
	}
	// The terms are stored: a second report reads them, tagging nothing.
	var stored, docs int
	st.DB().QueryRow(`SELECT count(*) FROM aspect_tagging WHERE lexicons = ?`, c.Version).Scan(&stored)
	st.DB().QueryRow(`SELECT count(*) FROM analyses`).Scan(&docs)
	tagged := 0
	again, err := Themes(ctx, st.DB(), c, Filter{}, ThemeOptions{N: 10, Progress: func(done, total int) { tagged = total }})
	if err != nil || stored != docs || tagged != 0 {
		t.Errorf("second run: %d of %d documents marked tagged, %d sentences tagged again, err %v", stored, docs, tagged, err)
	}
	a, _ := json.Marshal(again)
	b, _ := json.Marshal(themes)
	if !bytes.Equal(a, b) {
		t.Errorf("stored terms give other themes:\n%s\n%s", a, b)
	}
	var buf bytes.Buffer
	WriteThemesText(&buf, themes)
	if !strings.Contains(buf.String(), "mentions by") || !strings.Contains(buf.String(), "terms: ") {
		t.Errorf("text output:\n%s", buf.String())
	}
}

// A themes.tsv line pins a term to a theme of the user's naming.
func TestThemesPinned(t *testing.T) {
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "en"), 0o755)
	os.WriteFile(filepath.Join(dir, "en", "themes.tsv"), []byte("scent\tfragrance\nsmell\tfragrance\nscents\tfragrance\n"), 0o644)
	st, c := themesStore(t, dir)
	themes, err := Themes(context.Background(), st.DB(), c, Filter{}, ThemeOptions{N: 30})
	if err != nil {
		t.Fatal(err)
	}
	for _, th := range themes {
		if th.Name == "scent" || th.Name == "smell" {
			t.Errorf("pinned term still its own theme: %+v", th)
		}
		if th.Name == "fragrance" {
			return
		}
	}
	t.Errorf("no fragrance theme among %v", themeNames(themes))
}

func themeNames(ts []Theme) []string {
	var n []string
	for _, t := range ts {
		n = append(n, t.Name)
	}
	return n
}

func TestShareOfSmallCounts(t *testing.T) {
	for _, tc := range []struct {
		n, total int
		want     string
	}{{2, 5, "2 of 5"}, {0, 9, "0 of 9"}, {5, 10, "50%"}, {1, 3, "1 of 3"}} {
		if got := share(tc.n, tc.total); got != tc.want {
			t.Errorf("share(%d, %d) = %q, want %q", tc.n, tc.total, got, tc.want)
		}
	}
}

// TestAspectTagsFollowLexiconsAndAnalysis: terms found with one lexicon
// version are found again with another, and a document analyzed again is
// tagged again; the themes stay what a fresh store gives.
func TestAspectTagsFollowLexiconsAndAnalysis(t *testing.T) {
	st, c := themesStore(t, "")
	ctx := context.Background()
	first, err := Themes(ctx, st.DB(), c, Filter{}, ThemeOptions{N: 10})
	if err != nil {
		t.Fatal(err)
	}
	// Other lexicons (a pin makes another version): every document is
	// tagged again, and nothing of the first version is left.
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "en"), 0o755)
	os.WriteFile(filepath.Join(dir, "en", "themes.tsv"), []byte("scent\tfragrance\n"), 0o644)
	set, err := lexicons.Load("en", dir)
	if err != nil {
		t.Fatal(err)
	}
	c2, err := classifiers.New(set)
	if err != nil || c2.Version == c.Version {
		t.Fatalf("second classifier: %v, version %s", err, c2.Version)
	}
	tagged := 0
	if _, err := Themes(ctx, st.DB(), c2, Filter{}, ThemeOptions{N: 10, Progress: func(done, total int) { tagged = total }}); err != nil {
		t.Fatal(err)
	}
	var old int
	st.DB().QueryRow(`SELECT count(*) FROM aspect_tagging WHERE lexicons <> ?`, c2.Version).Scan(&old)
	if tagged == 0 || old != 0 {
		t.Errorf("other lexicons: %d texts tagged, %d documents still marked with the old version", tagged, old)
	}
	// Back to the first lexicons, after analyzing everything again: the
	// marks went with the analyses, and the themes are the first ones.
	if _, err := analyze.Run(ctx, st, c, analyze.Options{Force: true}); err != nil {
		t.Fatal(err)
	}
	var marks int
	st.DB().QueryRow(`SELECT count(*) FROM aspect_tagging`).Scan(&marks)
	if marks != 0 {
		t.Errorf("%d documents still marked tagged after analyzing them again", marks)
	}
	again, err := Themes(ctx, st.DB(), c, Filter{}, ThemeOptions{N: 10})
	if err != nil {
		t.Fatal(err)
	}
	a, _ := json.Marshal(again)
	b, _ := json.Marshal(first)
	if !bytes.Equal(a, b) {
		t.Errorf("themes changed:\n%s\n%s", a, b)
	}
}

// sentimentWords are what a pain or gain says, never what it is about.
var sentimentWords = []string{"great", "good", "love", "problem", "problems", "issue", "issues", "bad", "poor", "nice", "awesome",
	"terrible", "excellent", "happy", "disappointed", "however", "later", "best", "worst", "amazing", "perfect", "broken"}

// noSentimentThemes checks every theme of the store, and every term of
// each, for sentiment words.
func noSentimentThemes(t *testing.T, ctx context.Context, st *store.Store, c *classifiers.Classifier) {
	t.Helper()
	all, err := Themes(ctx, st.DB(), c, Filter{}, ThemeOptions{N: 1000})
	if err != nil {
		t.Fatal(err)
	}
	for _, th := range all {
		for _, m := range append([]ThemeTerm{{Term: th.Name}}, th.Terms...) {
			for _, w := range strings.Fields(m.Term) {
				if slices.Contains(sentimentWords, w) {
					t.Errorf("theme %q (term %q) is a sentiment word", th.Name, m.Term)
				}
			}
		}
	}
}

func TestThemesTextCounts(t *testing.T) {
	for _, c := range []struct {
		mentions, reviewers int
		want                string
	}{
		{1, 1, "1 mention by 1 reviewer;"},
		{2, 1, "2 mentions by 1 reviewer;"},
		{12, 9, "12 mentions by 9 reviewers;"},
	} {
		var buf bytes.Buffer
		WriteThemesText(&buf, []Theme{{Name: "zipper", Mentions: c.mentions, Reviewers: c.reviewers, Pain: c.mentions}})
		if !strings.Contains(buf.String(), "zipper: "+c.want) {
			t.Errorf("%d mentions, %d reviewers: %q, want %q", c.mentions, c.reviewers, buf.String(), c.want)
		}
	}
}
