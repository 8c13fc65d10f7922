package analyze

import (
	"context"
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"jobminer/classifiers"
	"jobminer/lexicons"
	"jobminer/pipeline/store"
	"jobminer/pipeline/store/storetest"
	"jobminer/pipeline/synth"
)

// fillStore writes n generated reviews into a fresh SQLite file and
// returns the store and the bytes of review text.
func fillStore(tb testing.TB, n int) (*store.Store, int64) {
	tb.Helper()
	st, err := store.Open(filepath.Join(tb.TempDir(), "bench.db"))
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { st.Close() })
	text, err := storetest.Synth(context.Background(), st, n)
	if err != nil {
		tb.Fatal(err)
	}
	return st, text
}

// BenchmarkAnalyze analyzes 100,000 generated reviews (about 21 MB of
// text, 500,000 sentences) per iteration on all cores, from and into a
// real SQLite file, and reports MB/s of review text and sentences/s.
func BenchmarkAnalyze(b *testing.B) {
	const reviews = 100_000
	st, text := fillStore(b, reviews)
	set, err := lexicons.Load("en", "")
	if err != nil {
		b.Fatal(err)
	}
	c, err := classifiers.New(set)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(text)
	b.ResetTimer()
	sentences := 0
	for range b.N {
		b.StopTimer()
		if _, err := st.DB().Exec(`DELETE FROM sentences; DELETE FROM analyses`); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		s, err := Run(context.Background(), st, c, Options{})
		if err != nil || s.Documents != reviews {
			b.Fatalf("%v %+v", err, s)
		}
		sentences += s.Sentences
	}
	b.ReportMetric(float64(sentences)/b.Elapsed().Seconds(), "sentences/s")
}

// BenchmarkClassify measures the classifier alone, one sentence at a time.
func BenchmarkClassify(b *testing.B) {
	set, _ := lexicons.Load("en", "")
	c, err := classifiers.New(set)
	if err != nil {
		b.Fatal(err)
	}
	g := synth.New(2, 10)
	seg := NewSegmenter()
	var sents []string
	var size int64
	for len(sents) < 10000 {
		for _, sp := range seg.Split(g.Next().Text) {
			sents = append(sents, sp.Text)
			size += int64(len(sp.Text))
		}
	}
	b.SetBytes(size / int64(len(sents)))
	b.ResetTimer()
	for i := range b.N {
		c.Classify(sents[i%len(sents)], 4)
	}
}

// BenchmarkSegment measures sentence splitting alone.
func BenchmarkSegment(b *testing.B) {
	g := synth.New(3, 10)
	texts := make([]string, 1000)
	var size int64
	for i := range texts {
		texts[i] = g.Next().Text
		size += int64(len(texts[i]))
	}
	seg := NewSegmenter()
	b.SetBytes(size / int64(len(texts)))
	b.ResetTimer()
	for i := range b.N {
		seg.Split(texts[i%len(texts)])
	}
}

// BenchmarkWriteBatch measures the writer alone: the sentences of
// 100,000 generated reviews, analyzed beforehand, stored in batches as Run
// stores them. Its MB/s bounds what the single writer lets Run reach.
func BenchmarkWriteBatch(b *testing.B) {
	const reviews = 100_000
	st, text := fillStore(b, reviews)
	set, _ := lexicons.Load("en", "")
	c, err := classifiers.New(set)
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	in := make(chan []docIn, 4)
	readErr := make(chan error, 1)
	go func() {
		defer close(in)
		readErr <- readDocuments(ctx, st.DB(), Options{BatchSize: 500}, in)
	}()
	seg := NewSegmenter()
	var batches [][]docOut
	for batch := range in {
		out := make([]docOut, len(batch))
		for i, d := range batch {
			out[i] = analyzeDocument(seg, c, d)
		}
		batches = append(batches, out)
	}
	if err := <-readErr; err != nil {
		b.Fatal(err)
	}
	b.SetBytes(text)
	b.ResetTimer()
	for range b.N {
		b.StopTimer()
		if _, err := st.DB().Exec(`DELETE FROM sentences; DELETE FROM analyses`); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		for _, batch := range batches {
			if _, err := writeBatch(ctx, st, c.Version, batch, false); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkAnalyzeChinese analyzes 20,000 Chinese documents per iteration
// (the real Dcard comments and Shopee reviews of testdata/formats, over
// and over), all cores, from and into a real SQLite file, and reports MB/s
// of text.
func BenchmarkAnalyzeChinese(b *testing.B) {
	var texts []string
	for _, f := range []string{"dcard_comments.csv", "shopee_reviews.csv", "dcard_posts.csv"} {
		raw, err := os.ReadFile(filepath.Join("..", "..", "testdata", "formats", f))
		if err != nil {
			b.Fatal(err)
		}
		rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(string(raw), "\ufeff"))).ReadAll()
		if err != nil {
			b.Fatal(err)
		}
		col := slices.Index(rows[0], "留言內容")
		if col < 0 {
			col = slices.Index(rows[0], "內文簡介")
		}
		for _, r := range rows[1:] {
			if strings.TrimSpace(r[col]) != "" {
				texts = append(texts, r[col])
			}
		}
	}
	st, err := store.Open(filepath.Join(b.TempDir(), "zh.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	ctx := context.Background()
	w, err := st.BeginSource(ctx, store.Source{Location: "zh", Name: "zh", Format: "test", Kind: store.KindReview})
	if err != nil {
		b.Fatal(err)
	}
	const n = 20_000
	var size int64
	docs := make([]store.Document, 0, n)
	for i := range n {
		t := texts[i%len(texts)]
		docs = append(docs, store.Document{ExternalID: fmt.Sprint("zh", i), Kind: store.KindReview, Text: t, Lang: "zh-Hant", Line: i + 1})
		size += int64(len(t))
	}
	if err := w.Write(ctx, docs, nil); err != nil {
		b.Fatal(err)
	}
	w.Finish(ctx, store.StatusDone)
	c, err := classifiers.Load("")
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(size)
	b.ResetTimer()
	for range b.N {
		b.StopTimer()
		st.DB().Exec(`DELETE FROM sentences; DELETE FROM analyses`)
		b.StartTimer()
		if s, err := Run(ctx, st, c, Options{}); err != nil || s.Documents != n {
			b.Fatalf("%v %+v", err, s)
		}
	}
}
