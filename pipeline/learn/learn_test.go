package learn

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"jobminer/classifiers"
	"jobminer/lexicons"
	"jobminer/pipeline/store"
)

type review struct {
	product string
	rating  float64
	text    string
	author  string // default: one author per review
	lang    string // default: en
}

// storeWith writes reviews into a fresh SQLite file.
func storeWith(t *testing.T, reviews []review) *store.Store {
	t.Helper()
	st, err := store.Open(filepath.Join(t.TempDir(), "learn.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	ctx := context.Background()
	w, err := st.BeginSource(ctx, store.Source{Location: "test", Name: "test", Format: "test", Kind: store.KindReview})
	if err != nil {
		t.Fatal(err)
	}
	var docs []store.Document
	for i, r := range reviews {
		rating := r.rating
		author := r.author
		if author == "" {
			author = fmt.Sprint("a", i)
		}
		lang := r.lang
		if lang == "" {
			lang = "en"
		}
		docs = append(docs, store.Document{ExternalID: fmt.Sprint(i), Kind: store.KindReview, ProductID: r.product, Author: author,
			Rating: &rating, Text: r.text, Line: i + 1, Lang: lang})
	}
	if err := w.Write(ctx, docs, nil); err != nil {
		t.Fatal(err)
	}
	if err := w.Finish(ctx, store.StatusDone); err != nil {
		t.Fatal(err)
	}
	return st
}

func classifier(t *testing.T, dir string) *classifiers.Classifier {
	t.Helper()
	set, err := lexicons.Load("en", dir)
	if err != nil {
		t.Fatal(err)
	}
	c, err := classifiers.New(set)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// corpus: across eight products, pain reviews say the strap "is rickety"
// and it "does not work"; gain reviews say it "is very sturdy" and
// "works"; both sides mention the strap and the box.
func corpus() []review {
	var rs []review
	for p := range 8 {
		prod := fmt.Sprint("P", p)
		for k := range 6 {
			rs = append(rs,
				review{product: prod, rating: 1, text: fmt.Sprintf("The strap is rickety and it does not work. The box %d arrived on Monday.", k)},
				review{product: prod, rating: 5, text: fmt.Sprintf("The strap is very sturdy and it works. The box %d arrived on Monday.", k)},
				review{product: prod, rating: 4, text: fmt.Sprintf("The strap is sturdy, and the box %d is good.", k)},
			)
		}
		rs = append(rs, review{product: prod, rating: 3, text: "The strap is rickety but sturdy."})
	}
	return rs
}

func find(terms []Term, text string) *Term {
	for i := range terms {
		if terms[i].Text == text {
			return &terms[i]
		}
	}
	return nil
}

// wantSides checks that each term (true: pain) is learned on its side,
// and returns the learned ones.
func wantSides(t *testing.T, terms []Term, pain map[string]bool) []*Term {
	t.Helper()
	var found []*Term
	for term, isPain := range pain {
		tm := find(terms, term)
		if tm == nil {
			t.Errorf("%q not learned; terms: %v", term, terms)
			continue
		}
		if (tm.Weight < 0) != isPain {
			t.Errorf("%q weight %+.2f, want pain=%v", term, tm.Weight, isPain)
		}
		found = append(found, tm)
	}
	return found
}

func TestLearnSidesAndCounts(t *testing.T) {
	st := storeWith(t, corpus())
	res, err := Learn(context.Background(), st.DB(), classifier(t, ""), Options{MinReviews: 5, MinProducts: 3})
	if err != nil {
		t.Fatal(err)
	}
	if res.PainReviews != 48 || res.GainReviews != 96 || res.Neutral != 8 {
		t.Fatalf("counted %d pain, %d gain, %d neutral reviews; want 48, 96, 8", res.PainReviews, res.GainReviews, res.Neutral)
	}
	for _, tm := range wantSides(t, res.Terms, map[string]bool{"rickety": true, "not work": true, "sturdy": false}) {
		if tm.Products != 8 {
			t.Errorf("%q in %d products, want 8", tm.Text, tm.Products)
		}
	}
	// Negation-aware: "work" governed by "not" is not counted as a word,
	// so "work" itself does not lean to pain.
	if tm := find(res.Terms, "work"); tm != nil && tm.Weight < 0 {
		t.Errorf("\"work\" learned as pain (%+.2f): the negated use was counted", tm.Weight)
	}
	// Topic nouns (the strap, the box) are on both sides and are no verdict.
	for _, topic := range []string{"strap", "box"} {
		if tm := find(res.Terms, topic); tm != nil {
			t.Errorf("topic %q learned with weight %+.2f", topic, tm.Weight)
		}
	}
	for _, tm := range res.Terms {
		if tm.Pain+tm.Gain < 5 || tm.Products < 3 || tm.Weight < -3 || tm.Weight > 3 {
			t.Errorf("term %+v breaks the options", tm)
		}
	}
}

func TestLearnCountsCopiesOnceAndExcludes(t *testing.T) {
	rs := corpus()
	// The same text on every variant of a product counts once.
	for range 20 {
		rs = append(rs, review{product: "P0", rating: 1, text: "Flimsy and useless, the clasp snapped the first day I wore it."})
		rs[len(rs)-1].author = "same"
	}
	st := storeWith(t, rs)
	res, err := Learn(context.Background(), st.DB(), classifier(t, ""), Options{MinReviews: 1, MinProducts: 1,
		Exclude: []string{"The strap is very sturdy and it works.", "box"}})
	if err != nil {
		t.Fatal(err)
	}
	if res.Copies != 19 {
		t.Errorf("%d copies, want 19", res.Copies)
	}
	// The five-word sentence excludes the 48 reviews holding it; "box" is
	// too short to identify a review and excludes none.
	if res.Excluded != 48 || res.GainReviews != 48 {
		t.Errorf("excluded %d, counted %d gain reviews; want 48 and 48", res.Excluded, res.GainReviews)
	}
}

func TestLearnNeedsBothSides(t *testing.T) {
	st := storeWith(t, []review{{product: "P", rating: 5, text: "Lovely."}, {product: "Q", rating: 4, text: "Nice one."}})
	_, err := Learn(context.Background(), st.DB(), classifier(t, ""), Options{})
	if err == nil || !strings.Contains(err.Error(), "found 0 and 2") {
		t.Fatalf("err = %v, want the counts of both sides", err)
	}
}

// TestLayerIsReadByLexicons writes the layer where --lexicons reads it
// and checks the classifier then scores a learned word it did not know.
func TestLayerIsReadByLexicons(t *testing.T) {
	st := storeWith(t, corpus())
	res, err := Learn(context.Background(), st.DB(), classifier(t, ""), Options{MinReviews: 5, MinProducts: 3})
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	path, err := res.WriteLayer(dir, "test.db")
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(data, []byte("\nrickety\t-")) || !bytes.HasPrefix(data, []byte("# Learned layer")) {
		t.Fatalf("layer file:\n%s", data)
	}
	before := classifier(t, "").Classify("The handle is rickety.", 0)
	after := classifier(t, dir).Classify("The handle is rickety.", 0)
	if before.PolarityScore != 0 || after.PolarityScore >= 0 {
		t.Errorf("with the layer: %s %.2f; without: %s %.2f; want the learned word to lean it to pain", after.Polarity, after.PolarityScore, before.Polarity, before.PolarityScore)
	}
}

// Chinese reviews are learned with --lang zh, words from the segmenter:
// across eight products the 1-star reviews call the fabric rough and
// uncomfortable, the 5-star ones soft; both name the fabric and the shirt.
func TestLearnChinese(t *testing.T) {
	var rs []review
	for p := range 8 {
		prod := fmt.Sprint("P", p)
		for k := range 6 {
			rs = append(rs,
				review{product: prod, rating: 1, lang: "zh-Hant", text: fmt.Sprintf("襯衫的布料很粗糙，穿起來不舒服。第%d件", k)},
				review{product: prod, rating: 5, lang: "zh-Hant", text: fmt.Sprintf("襯衫的布料很柔軟，穿起來舒服。第%d件", k)},
			)
		}
		// English reviews of the same products are not Chinese documents.
		rs = append(rs, review{product: prod, rating: 1, text: "The fabric is rough."})
	}
	st := storeWith(t, rs)
	c, err := classifiers.Load("")
	if err != nil {
		t.Fatal(err)
	}
	res, err := Learn(context.Background(), st.DB(), c, Options{Lang: "zh", MinReviews: 5, MinProducts: 3})
	if err != nil {
		t.Fatal(err)
	}
	if res.PainReviews != 48 || res.GainReviews != 48 {
		t.Fatalf("counted %d pain and %d gain reviews, want 48 and 48 (the English ones are not Chinese)", res.PainReviews, res.GainReviews)
	}
	wantSides(t, res.Terms, map[string]bool{"粗糙": true, "柔軟": false, "不舒服": true})
	// Nouns (the shirt, the fabric) name what is reviewed; "很" is a degree
	// adverb the rules apply; "舒服" in "不舒服" (one word to the segmenter) is no gain.
	for _, w := range []string{"襯衫", "布料", "很", "舒服", "rough"} {
		if tm := find(res.Terms, w); tm != nil && (w != "舒服" || tm.Weight < 0) {
			t.Errorf("%q learned with weight %+.2f", w, tm.Weight)
		}
	}
	dir := t.TempDir()
	path, err := res.WriteLayer(dir, "test")
	if err != nil {
		t.Fatal(err)
	}
	if want := filepath.Join(dir, "zh", "learned.tsv"); path != want {
		t.Errorf("layer written to %s, want %s", path, want)
	}
}
