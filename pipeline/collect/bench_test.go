package collect

import (
	"bufio"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// Phrases the synthetic reviews are assembled from.
var (
	synOpen = []string{"I bought this to fall asleep faster after night shifts.", "I needed something for my daily commute.",
		"We got it for the kids' room.", "My old one broke, so I ordered this as a replacement.", "Bought it as a gift for my dad."}
	synMid = []string{"It works exactly as described and saves me time every morning.", "The lid leaked after two weeks and I had to return it.",
		"The battery lasts all day, even on long trips.", "It stopped working after a month, very disappointing.",
		"I finally feel relaxed at bedtime.", "My colleagues keep asking where I got it.", "Setup took less than five minutes."}
	synEnd = []string{"Would recommend.", "Not worth the money.", "Five stars from me.", "Customer service never answered.", ""}
)

// writeSynthetic writes n realistic-looking reviews in the Amazon 2023
// JSON Lines layout ("jsonl") or the Fine Food CSV layout ("csv").
func writeSynthetic(tb testing.TB, path string, n int, syntax string) int64 {
	tb.Helper()
	f, err := os.Create(path)
	if err != nil {
		tb.Fatal(err)
	}
	w := bufio.NewWriterSize(f, 1<<20)
	rng := rand.New(rand.NewSource(1))
	cw := csv.NewWriter(w)
	if syntax == "csv" {
		cw.Write([]string{"Id", "ProductId", "UserId", "ProfileName", "HelpfulnessNumerator", "HelpfulnessDenominator", "Score", "Time", "Summary", "Text"})
	}
	for i := 0; i < n; i++ {
		var b strings.Builder
		b.WriteString(synOpen[rng.Intn(len(synOpen))])
		for k := 0; k < 2+rng.Intn(4); k++ {
			b.WriteByte(' ')
			b.WriteString(synMid[rng.Intn(len(synMid))])
		}
		b.WriteByte(' ')
		b.WriteString(synEnd[rng.Intn(len(synEnd))])
		text := strings.TrimSpace(b.String())
		rating := 1 + rng.Intn(5)
		product := fmt.Sprintf("B0%08d", rng.Intn(500))
		if syntax == "csv" {
			cw.Write([]string{strconv.Itoa(i + 1), product, fmt.Sprintf("A%012d", i), "Reviewer " + strconv.Itoa(i%977),
				strconv.Itoa(rng.Intn(20)), "20", strconv.Itoa(rating), strconv.Itoa(1300000000 + i), "Review title " + strconv.Itoa(i%31), text})
			continue
		}
		line, _ := json.Marshal(map[string]any{"rating": float64(rating), "title": "Review title " + strconv.Itoa(i%31),
			"text": text, "images": []string{}, "asin": product, "parent_asin": product, "user_id": fmt.Sprintf("AE%026d", i),
			"timestamp": 1600000000000 + int64(i)*1000, "helpful_vote": rng.Intn(20), "verified_purchase": rng.Intn(4) > 0})
		w.Write(line)
		w.WriteByte('\n')
	}
	cw.Flush()
	if err := w.Flush(); err != nil {
		tb.Fatal(err)
	}
	st, _ := f.Stat()
	f.Close()
	return st.Size()
}

// BenchmarkImport imports 100,000 generated reviews into a fresh SQLite
// file per iteration and reports rows/s and MB/s of input.
func BenchmarkImport(b *testing.B) {
	for _, syntax := range []string{"jsonl", "csv"} {
		b.Run(syntax, func(b *testing.B) {
			const rows = 100_000
			dir := b.TempDir()
			path := filepath.Join(dir, "reviews."+syntax)
			size := writeSynthetic(b, path, rows, syntax)
			b.SetBytes(size)
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				b.StopTimer()
				st := openStore(b)
				b.StartTimer()
				res, err := Import(context.Background(), st, path, Options{})
				if err != nil || res.Counts.New != rows {
					b.Fatalf("%v %+v", err, res.Counts)
				}
			}
			b.ReportMetric(float64(rows)*float64(b.N)/b.Elapsed().Seconds(), "rows/s")
		})
	}
}
