package collect

import (
	"bufio"
	"context"
	"os"
	"path/filepath"
	"testing"

	"jobminer/pipeline/synth"
)

// writeSynthetic writes n generated reviews in the Amazon 2023 JSON Lines
// layout ("jsonl") or the Fine Food CSV layout ("csv").
func writeSynthetic(tb testing.TB, path string, n int, syntax string) int64 {
	tb.Helper()
	f, err := os.Create(path)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	w := bufio.NewWriterSize(f, 1<<20)
	g := synth.New(1, 500)
	write := g.WriteJSONL
	if syntax == "csv" {
		write = g.WriteCSV
	}
	size, err := write(w, n)
	if err == nil {
		err = w.Flush()
	}
	if err != nil {
		tb.Fatal(err)
	}
	return size
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
