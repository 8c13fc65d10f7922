package report

import (
	"context"
	"path/filepath"
	"testing"

	"jobminer/classifiers"
	"jobminer/lexicons"
	"jobminer/pipeline/analyze"
	"jobminer/pipeline/store"
	"jobminer/pipeline/store/storetest"
)

// benchStore writes n generated reviews (500 products, dated a minute
// apart) into a fresh SQLite file and analyzes them.
func benchStore(b *testing.B, n int) (*store.Store, *classifiers.Classifier) {
	b.Helper()
	st, err := store.Open(filepath.Join(b.TempDir(), "bench.db"))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { st.Close() })
	ctx := context.Background()
	if _, err := storetest.Synth(ctx, st, n); err != nil {
		b.Fatal(err)
	}
	set, err := lexicons.Load("en", "")
	if err != nil {
		b.Fatal(err)
	}
	c, err := classifiers.New(set)
	if err != nil {
		b.Fatal(err)
	}
	if _, err := analyze.Run(ctx, st, c, analyze.Options{}); err != nil {
		b.Fatal(err)
	}
	return st, c
}

// BenchmarkThemeReports runs themes, trend and compare over 100,000
// generated reviews and over one product of them (about 200 reviews; two
// for compare, whose 100,000 puts all 500 products side by side):
// "cold" tags every sentence's aspect terms first (the first report over
// a selection), "warm" reads the stored terms (every later report).
func BenchmarkThemeReports(b *testing.B) {
	st, c := benchStore(b, 100_000)
	ctx := context.Background()
	var products []string
	rows, err := st.DB().Query(`SELECT product_id FROM documents GROUP BY product_id ORDER BY count(*) DESC`)
	if err != nil {
		b.Fatal(err)
	}
	for rows.Next() {
		var p string
		rows.Scan(&p)
		products = append(products, p)
	}
	rows.Close()
	reports := []struct {
		name string
		run  func(Filter) error
	}{
		{"themes", func(f Filter) error { _, err := Themes(ctx, st.DB(), c, f, ThemeOptions{}); return err }},
		{"trend", func(f Filter) error { _, err := Trend(ctx, st.DB(), c, f, TrendOptions{By: "week"}); return err }},
		{"compare", func(f Filter) error { _, err := Compare(ctx, st.DB(), c, f, CompareOptions{}); return err }},
	}
	for _, sel := range []struct {
		name string
		f    Filter
	}{{"one-product", Filter{Products: products[:1]}}, {"100k-reviews", Filter{}}} {
		for _, r := range reports {
			// compare takes the two largest products, or all 500 side by side.
			f := sel.f
			if r.name == "compare" {
				f = Filter{Products: products[:2]}
				if sel.name != "one-product" {
					f = Filter{Products: products}
				}
			}
			for _, temp := range []string{"cold", "warm"} {
				b.Run(r.name+"/"+sel.name+"/"+temp, func(b *testing.B) {
					for range b.N {
						b.StopTimer()
						if temp == "cold" {
							if _, err := st.DB().Exec(`DELETE FROM sentence_aspects; DELETE FROM aspect_tagging`); err != nil {
								b.Fatal(err)
							}
						} else if err := r.run(f); err != nil { // tagged before the timer runs
							b.Fatal(err)
						}
						b.StartTimer()
						if err := r.run(f); err != nil {
							b.Fatal(err)
						}
					}
				})
			}
		}
	}
}
