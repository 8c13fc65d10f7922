package report

import (
	"bytes"
	"context"
	"encoding/xml"
	"io"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
)

// The excerpt is real: the first 50 reviews of each of two Amazon Fire
// tablets, the Kids Edition (B018Y22C2Y) and the 7" tablet (B018Y22BI4),
// from Datafiniti's "Consumer Reviews of Amazon Products"
// (../shared/data/datafiniti, the 12-column copy, byte-order mark and
// CRLF kept), 2016-2017.
const tabletsExcerpt = "../../testdata/compare/datafiniti-fire-tablets.csv"

var tabletProducts = []string{"B018Y22C2Y", "B018Y22BI4"}

func TestTrendAddsUpToThemes(t *testing.T) {
	st, c := analyzedStore(t, tabletsExcerpt, "")
	ctx := context.Background()
	themes, err := Themes(ctx, st.DB(), c, Filter{}, ThemeOptions{N: 4})
	if err != nil {
		t.Fatal(err)
	}
	for _, by := range Periods {
		t.Run(by, func(t *testing.T) {
			tr, err := Trend(ctx, st.DB(), c, Filter{}, TrendOptions{By: by, N: 4})
			if err != nil {
				t.Fatal(err)
			}
			if len(tr.Series) != len(themes) {
				t.Fatalf("%d series, want the %d top themes", len(tr.Series), len(themes))
			}
			if len(tr.Periods) < 2 {
				t.Fatalf("periods %v: the reviews span a year", tr.Periods)
			}
			undated := 0
			for i, s := range tr.Series {
				// The same themes, most reviewed first, as themes lists them.
				if s.Theme != themes[i].Name {
					t.Errorf("series %d is %q, themes says %q", i, s.Theme, themes[i].Name)
				}
				if len(s.Points) != len(tr.Periods) {
					t.Fatalf("%s: %d points for %d periods", s.Theme, len(s.Points), len(tr.Periods))
				}
				sum := 0
				for j, p := range s.Points {
					if p.Period != tr.Periods[j] {
						t.Errorf("%s: point %d is %s, the period %s", s.Theme, j, p.Period, tr.Periods[j])
					}
					if p.Pain+p.Gain > p.Mentions || p.Reviewers > p.Mentions || (p.Mentions > 0) != (p.Reviewers > 0) {
						t.Errorf("%s %s: counts do not add up: %+v", s.Theme, p.Period, p)
					}
					sum += p.Mentions
				}
				if sum != s.Mentions {
					t.Errorf("%s: points add to %d, the series says %d", s.Theme, sum, s.Mentions)
				}
				// Every dated mention is in a period: the periods add up to
				// the theme's mentions (the excerpt's reviews all have dates).
				if s.Mentions != themes[i].Mentions {
					t.Errorf("%s: %d mentions over the periods, themes counts %d", s.Theme, s.Mentions, themes[i].Mentions)
				}
				undated += themes[i].Mentions - s.Mentions
			}
			if tr.Undated != undated {
				t.Errorf("undated %d, want %d", tr.Undated, undated)
			}
			// Periods follow each other without a gap.
			for j := 1; j < len(tr.Periods); j++ {
				prev, _ := time.Parse("2006-01-02", tr.Series[0].Points[j-1].Start)
				if got, want := tr.Series[0].Points[j].Start, nextPeriod(prev, by).Format("2006-01-02"); got != want {
					t.Errorf("period %s starts %s, want %s", tr.Periods[j], got, want)
				}
			}
			checkTrendSVG(t, tr)
		})
	}
}

// checkTrendSVG draws the trend and reads the SVG back as XML: a group
// per series, each with a point per period that has mentions.
func checkTrendSVG(t *testing.T, tr *TrendResult) {
	t.Helper()
	var buf bytes.Buffer
	if err := tr.WriteSVG(&buf, 900, 520); err != nil {
		t.Fatal(err)
	}
	dec := xml.NewDecoder(&buf)
	groups := map[string]int{} // theme → circles
	cur := ""
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("the SVG is not well-formed XML: %v", err)
		}
		if se, ok := tok.(xml.StartElement); ok {
			switch se.Name.Local {
			case "g":
				for _, a := range se.Attr {
					if a.Name.Local == "data-theme" {
						cur = a.Value
						groups[cur] = 0
					}
				}
			case "circle":
				groups[cur]++
			}
		}
	}
	for _, s := range tr.Series {
		want := 0
		for _, p := range s.Points {
			if p.Mentions > 0 {
				want++
			}
		}
		if got, ok := groups[s.Theme]; !ok || got != want {
			t.Errorf("SVG series %q: %d points, want %d (one per period with mentions)", s.Theme, got, want)
		}
	}
}

func TestTrendPeriods(t *testing.T) {
	for _, c := range []struct {
		date, by, label, start string
	}{
		{"2017-01-01", "week", "2016-W52", "2016-12-26"}, // a Sunday: the ISO week of the year before
		{"2017-01-02", "week", "2017-W01", "2017-01-02"},
		{"2016-02-29", "month", "2016-02", "2016-02-01"},
		{"2016-12-31", "quarter", "2016-Q4", "2016-10-01"},
		{"2017-04-01", "quarter", "2017-Q2", "2017-04-01"},
	} {
		d, _ := time.Parse("2006-01-02", c.date)
		start, label := periodOf(d.Add(13*time.Hour), c.by)
		if label != c.label || start.Format("2006-01-02") != c.start {
			t.Errorf("%s by %s: %s from %s, want %s from %s", c.date, c.by, label, start.Format("2006-01-02"), c.label, c.start)
		}
	}
}

func TestCompareOnRealReviews(t *testing.T) {
	st, c := analyzedStore(t, tabletsExcerpt, "")
	ctx := context.Background()
	cmp, err := Compare(ctx, st.DB(), c, Filter{Products: tabletProducts}, CompareOptions{N: 8})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(cmp.Products, tabletProducts) || len(cmp.Themes) == 0 {
		t.Fatalf("products %v, %d themes", cmp.Products, len(cmp.Themes))
	}
	raw, _ := os.ReadFile(tabletsExcerpt)
	// Each column is what themes says of that product alone.
	for _, p := range tabletProducts {
		alone, err := Themes(ctx, st.DB(), c, Filter{Products: []string{p}}, ThemeOptions{N: 100})
		if err != nil {
			t.Fatal(err)
		}
		byName := map[string]Theme{}
		for _, th := range alone {
			byName[th.Name] = th
		}
		for _, ct := range cmp.Themes {
			cell, th := ct.Cell(p), byName[ct.Theme]
			if cell.Mentions != th.Mentions || cell.Pain != th.Pain || cell.Gain != th.Gain || cell.Reviewers != th.Reviewers {
				t.Errorf("%s, %s: compare has %d mentions (%d pain, %d gain, %d reviewers), themes of the product alone %d (%d, %d, %d)",
					ct.Theme, p, cell.Mentions, cell.Pain, cell.Gain, cell.Reviewers, th.Mentions, th.Pain, th.Gain, th.Reviewers)
			}
			for _, q := range []*Quote{cell.PainQuote, cell.GainQuote} {
				if q != nil && (q.Product != p || !bytes.Contains(raw, []byte(strings.Fields(q.Text)[0]))) {
					t.Errorf("%s, %s: quote %q of product %s", ct.Theme, p, q.Text, q.Product)
				}
			}
		}
	}
	noSentimentThemes(t, ctx, st, c)
	// The tablet itself is what both products' reviews talk about most.
	if cmp.Themes[0].Theme != "tablet" || cmp.Themes[0].Cells[0].Mentions == 0 || cmp.Themes[0].Cells[1].Mentions == 0 {
		t.Errorf("first theme %+v, want the tablet, named for both", cmp.Themes[0])
	}
	var md, page bytes.Buffer
	cmp.WriteMarkdown(&md)
	if err := cmp.WriteHTML(&page); err != nil {
		t.Fatal(err)
	}
	for _, out := range []string{md.String(), page.String()} {
		for _, want := range append(slices.Clone(tabletProducts), cellText(cmp.Themes[0].Cells[0]), "Where they differ") {
			if !strings.Contains(out, want) {
				t.Errorf("output lacks %q", want)
			}
		}
	}
	if _, err := Compare(ctx, st.DB(), c, Filter{Products: tabletProducts[:1]}, CompareOptions{}); err == nil {
		t.Error("a comparison of one product is no comparison, and no error")
	}
}

func TestPainGap(t *testing.T) {
	cell := func(p string, mentions, pain int) CompareCell {
		return CompareCell{Product: p, Mentions: mentions, Pain: pain, PainShare: float64(pain) / float64(mentions)}
	}
	for _, c := range []struct {
		name          string
		cells         []CompareCell
		gap           float64
		worse, better string
	}{
		{"two products", []CompareCell{cell("A", 20, 10), cell("B", 40, 4)}, 0.4, "A", "B"},
		{"too few mentions are not compared", []CompareCell{cell("A", 9, 9), cell("B", 40, 4)}, 0, "", ""},
		{"the widest pair of three", []CompareCell{cell("A", 20, 4), cell("B", 10, 1), cell("C", 10, 6)}, 0.5, "C", "B"},
		{"a product without mentions", []CompareCell{{Product: "A"}, cell("B", 40, 4)}, 0, "", ""},
	} {
		gap, worse, better := painGap(c.cells)
		if gap != c.gap || worse != c.worse || better != c.better {
			t.Errorf("%s: gap %g (%q worse, %q better), want %g (%q, %q)", c.name, gap, worse, better, c.gap, c.worse, c.better)
		}
	}
}

func TestAspectCloud(t *testing.T) {
	st, c := analyzedStore(t, tabletsExcerpt, "")
	ctx := context.Background()
	cloud, err := AspectCloud(ctx, st.DB(), c, Filter{}, CloudOptions{N: 20}, nil)
	if err != nil {
		t.Fatal(err)
	}
	themes, err := Themes(ctx, st.DB(), c, Filter{}, ThemeOptions{N: 100})
	if err != nil {
		t.Fatal(err)
	}
	byName := map[string]Theme{}
	for _, th := range themes {
		byName[th.Name] = th
	}
	if len(cloud.Terms) < 5 {
		t.Fatalf("%d terms", len(cloud.Terms))
	}
	sawLean := map[bool]bool{}
	for _, term := range cloud.Terms {
		th, ok := byName[term.Term]
		if !ok {
			t.Errorf("cloud term %q is no theme", term.Term)
			continue
		}
		// Colour is the theme's gain share less its pain share.
		if want := th.GainShare - th.PainShare; term.Lean < want-1e-9 || term.Lean > want+1e-9 || term.Count != th.Mentions {
			t.Errorf("%s: lean %g, count %d; the theme has gain %g - pain %g, %d mentions", term.Term, term.Lean, term.Count, th.GainShare, th.PainShare, th.Mentions)
		}
		sawLean[term.Lean > 0.5] = true
		switch term.Term {
		case "great", "good", "problem", "love", "bad", "issue":
			t.Errorf("the sentiment word %q is a theme", term.Term)
		}
	}
	if !sawLean[true] || !sawLean[false] {
		t.Error("all themes lean the same way: colour says nothing")
	}
	var svg bytes.Buffer
	if _, err := cloud.WriteSVG(&svg, 900, 520); err != nil {
		t.Fatal(err)
	}
	if err := xml.Unmarshal(svg.Bytes(), new(struct{})); err != nil {
		t.Errorf("SVG: %v", err)
	}
}

// The excerpt is real: 15 reviews that Amazon Review Data 2018 (All
// Beauty 5-core, ../shared/data/amazon-2018) holds under two variants of
// one product, B0012Y0ZG2 and B000URXP6E, each review once per variant.
const variantsExcerpt = "../../testdata/compare/all-beauty-variants.jsonl"

// TestCompareVariantsSharingReviews compares two variants whose reviews
// are copies of each other: each column counts all of them (not the
// first variant alone), the columns agree, and the comparison says the
// reviews are shared.
func TestCompareVariantsSharingReviews(t *testing.T) {
	st, c := analyzedStore(t, variantsExcerpt, "")
	ctx := context.Background()
	variants := []string{"B0012Y0ZG2", "B000URXP6E"}
	cmp, err := Compare(ctx, st.DB(), c, Filter{Products: variants}, CompareOptions{N: 6})
	if err != nil {
		t.Fatal(err)
	}
	var sentences int
	if err := st.DB().QueryRow(`SELECT count(DISTINCT d.author || char(0) || lower(s.text)) FROM sentences s JOIN documents d ON d.id = s.document_id
		JOIN sentence_aspects a ON a.document_id = s.document_id AND a.position = s.position WHERE d.product_id = ? AND a.terms <> ''`, variants[0]).Scan(&sentences); err != nil {
		t.Fatal(err)
	}
	if len(cmp.Shared) != 1 || cmp.Shared[0].Sentences != sentences {
		t.Errorf("shared %+v, want the %d sentences of one variant that name a theme (the same author's same words once)", cmp.Shared, sentences)
	}
	if len(cmp.Themes) == 0 || cmp.Reviewers[0] != cmp.Reviewers[1] || cmp.Reviewers[0] == 0 {
		t.Fatalf("%d themes, reviewers %v", len(cmp.Themes), cmp.Reviewers)
	}
	for _, ct := range cmp.Themes {
		a, b := ct.Cells[0], ct.Cells[1]
		if a.Mentions == 0 || a.Mentions != b.Mentions || a.Pain != b.Pain || a.Gain != b.Gain {
			t.Errorf("%s: %+v and %+v differ, but the reviews are the same", ct.Theme, a, b)
		}
	}
	var md bytes.Buffer
	cmp.WriteMarkdown(&md)
	if !strings.Contains(md.String(), "share "+strconv.Itoa(sentences)+" of their sentences") {
		t.Errorf("the comparison does not say the variants share their reviews:\n%s", md.String())
	}
}
