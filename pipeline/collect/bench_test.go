package collect

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"testing"
	"time"

	"jobminer/pipeline/store"
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

// BenchmarkImportBadRows imports one good row and 1,000,000 rows that all
// fail one check (a 0-10 rating read on the 1-5 scale) into a fresh SQLite
// file and reports the peak heap and the database size: both must stay
// small however many rows fail (issue: ≤ 150 MB RSS, < 5 MB).
func BenchmarkImportBadRows(b *testing.B) {
	dir := b.TempDir()
	path := filepath.Join(dir, "bad.csv")
	f, err := os.Create(path)
	if err != nil {
		b.Fatal(err)
	}
	w := bufio.NewWriterSize(f, 1<<20)
	fmt.Fprintln(w, "id,text,rating\n0,The one good row.,5")
	for i := 1; i <= 1_000_000; i++ {
		fmt.Fprintf(w, "%d,Review number %d of a shop that rates from 0 to 10.,9\n", i, i)
	}
	w.Flush()
	f.Close()
	b.ResetTimer()
	var peak uint64
	for i := range b.N {
		st, err := store.Open(filepath.Join(dir, fmt.Sprintf("bad%d.db", i)))
		if err != nil {
			b.Fatal(err)
		}
		done := make(chan struct{})
		go func() { // sample the heap while the import runs
			var ms runtime.MemStats
			for {
				select {
				case <-done:
					return
				case <-time.After(20 * time.Millisecond):
					runtime.ReadMemStats(&ms)
					peak = max(peak, ms.HeapInuse)
				}
			}
		}()
		res, err := Import(context.Background(), st, path, Options{})
		close(done)
		st.Close()
		if err != nil || res.Counts.New != 1 || res.Counts.Skipped != 1_000_000 {
			b.Fatalf("%+v %v", res.Counts, err)
		}
		fi, _ := os.Stat(filepath.Join(dir, fmt.Sprintf("bad%d.db", i)))
		b.ReportMetric(float64(fi.Size())/1e6, "MB-db")
	}
	b.ReportMetric(float64(peak)/1e6, "MB-peak-heap")
}
