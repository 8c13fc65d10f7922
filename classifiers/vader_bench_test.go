package classifiers

import (
	"os"
	"testing"

	"github.com/jonreiter/govader"
)

// realLines returns the sentences of the named real labelled sets
// (review sentences from ../shared/data, see testdata/labelled).
func realLines(tb testing.TB, names ...string) []Labelled {
	tb.Helper()
	var out []Labelled
	for _, name := range names {
		f, err := os.Open("../testdata/labelled/" + name)
		if err != nil {
			tb.Fatal(err)
		}
		set, err := ReadLabelled(f, name)
		f.Close()
		if err != nil {
			tb.Fatal(err)
		}
		out = append(out, set...)
	}
	return out
}

// BenchmarkClassifyVsVADER classifies the same real review lines with
// jobminer's classifier and with govader (VADER in Go), one line per
// operation on one core: compare their lines/s (issue: at least 1.5×).
func BenchmarkClassifyVsVADER(b *testing.B) {
	lines := realLines(b, "real-dev.tsv", "real-test.tsv")
	var size int64
	for _, l := range lines {
		size += int64(len(l.Text))
	}
	b.Run("jobminer", func(b *testing.B) {
		c := newTest(b)
		b.SetBytes(size / int64(len(lines)))
		b.ResetTimer()
		for i := range b.N {
			l := &lines[i%len(lines)]
			c.Classify(l.Text, l.Rating)
		}
		b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "lines/s")
	})
	b.Run("govader", func(b *testing.B) {
		sia := govader.NewSentimentIntensityAnalyzer()
		b.SetBytes(size / int64(len(lines)))
		b.ResetTimer()
		for i := range b.N {
			sia.PolarityScores(lines[i%len(lines)].Text)
		}
		b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "lines/s")
	})
}
