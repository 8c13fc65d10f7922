package report

import (
	"context"
	"database/sql"
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"

	"jobminer/classifiers"
)

// CompareOptions bound a comparison.
type CompareOptions struct {
	N        int // themes (default 12)
	Progress func(done, total int)
}

// CompareCell is one theme of one product.
type CompareCell struct {
	Product   string  `json:"product"`
	Mentions  int     `json:"mentions"`
	Reviewers int     `json:"reviewers"`
	Pain      int     `json:"pain"`
	Gain      int     `json:"gain"`
	PainShare float64 `json:"pain_share"`
	GainShare float64 `json:"gain_share"`
	PainQuote *Quote  `json:"pain_quote,omitempty"`
	GainQuote *Quote  `json:"gain_quote,omitempty"`
}

// CompareTheme is one theme across the products, a cell per product in
// the order of Comparison.Products.
type CompareTheme struct {
	Theme     string        `json:"theme"`
	Terms     []ThemeTerm   `json:"terms"`
	Reviewers int           `json:"reviewers"` // all products
	Cells     []CompareCell `json:"products"`
	// Gap is the largest difference in pain share between two products
	// that each have at least MinCompared mentions of the theme; Worse
	// and Better are those products. Zero and empty when fewer than two
	// products have that many.
	Gap    float64 `json:"gap"`
	Worse  string  `json:"worse,omitempty"`
	Better string  `json:"better,omitempty"`
}

// MinCompared is the number of mentions a product needs of a theme for
// its pain share to be compared with another product's.
const MinCompared = smallCount

// Comparison is the themes of several products side by side.
type Comparison struct {
	Selection string         `json:"selection"`
	Products  []string       `json:"products"`
	Reviewers []int          `json:"reviewers"` // per product, who named any theme
	Themes    []CompareTheme `json:"themes"`
	// Shared counts, for each pair of products that have any, the
	// sentences naming a theme that both have (the same reviewer's same words): exports copy
	// a review onto every variant of a product, and such columns are
	// partly the same reviews.
	Shared []SharedSentences `json:"shared,omitempty"`
}

// SharedSentences is the number of sentences two products both have.
type SharedSentences struct {
	A         string `json:"a"`
	B         string `json:"b"`
	Sentences int    `json:"sentences"`
}

// Compare builds the themes of each product of f.Products (at least two)
// side by side. Terms are grouped into themes over all the products
// together, so a theme is the same thing for each.
func Compare(ctx context.Context, db *sql.DB, c *classifiers.Classifier, f Filter, o CompareOptions) (*Comparison, error) {
	if len(f.Products) < 2 {
		return nil, fmt.Errorf("compare: want two or more products, have %d", len(f.Products))
	}
	if o.N <= 0 {
		o.N = 12
	}
	rows, err := aspectRows(ctx, db, c, f, true, o.Progress)
	if err != nil {
		return nil, err
	}
	themeOf := themeMap(c, rows)
	cmp := &Comparison{Selection: f.Describe(), Products: f.Products, Shared: sharedSentences(rows, f.Products)}
	byProduct := map[string][]aspectRow{}
	for _, r := range rows {
		byProduct[r.product] = append(byProduct[r.product], r)
	}
	perProduct := make([]map[string]Theme, len(f.Products))
	for i, p := range f.Products {
		mine := byProduct[p]
		reviewers := map[string]bool{}
		for _, r := range mine {
			reviewers[r.reviewer] = true
		}
		cmp.Reviewers = append(cmp.Reviewers, len(reviewers))
		perProduct[i] = map[string]Theme{}
		for _, th := range buildThemes(mine, themeOf) {
			perProduct[i][th.Name] = th
		}
	}
	top := rankThemes(buildThemes(rows, themeOf), "mentions", o.N)
	cells := make([]Theme, 0, len(top)*len(f.Products)) // theme by product
	for _, th := range top {
		for i := range f.Products {
			cells = append(cells, perProduct[i][th.Name])
		}
	}
	if err := quoteThemes(ctx, db, cells); err != nil {
		return nil, err
	}
	for k, th := range top {
		ct := CompareTheme{Theme: th.Name, Terms: th.Terms, Reviewers: th.Reviewers}
		for i, p := range f.Products {
			t := cells[k*len(f.Products)+i]
			ct.Cells = append(ct.Cells, CompareCell{Product: p, Mentions: t.Mentions, Reviewers: t.Reviewers, Pain: t.Pain, Gain: t.Gain,
				PainShare: t.PainShare, GainShare: t.GainShare, PainQuote: t.PainQuote, GainQuote: t.GainQuote})
		}
		ct.Gap, ct.Worse, ct.Better = painGap(ct.Cells)
		cmp.Themes = append(cmp.Themes, ct)
	}
	return cmp, nil
}

// painGap returns the largest difference in pain share between two cells
// with MinCompared mentions or more, and the products with the higher
// and the lower share.
func painGap(cells []CompareCell) (float64, string, string) {
	hi, lo := -1, -1
	for i, c := range cells {
		if c.Mentions < MinCompared {
			continue
		}
		if hi < 0 || c.PainShare > cells[hi].PainShare {
			hi = i
		}
		if lo < 0 || c.PainShare < cells[lo].PainShare {
			lo = i
		}
	}
	if hi < 0 || hi == lo {
		return 0, "", ""
	}
	return math.Round(1000*(cells[hi].PainShare-cells[lo].PainShare)) / 1000, cells[hi].Product, cells[lo].Product
}

// Differences returns the themes whose pain shares differ by at least
// minGap between two products, the largest difference first.
func (cmp *Comparison) Differences(minGap float64) []CompareTheme {
	var out []CompareTheme
	for _, t := range cmp.Themes {
		if t.Worse != "" && t.Gap >= minGap {
			out = append(out, t)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Gap > out[j].Gap })
	return out
}

// Cell returns the theme's cell for a product.
func (t CompareTheme) Cell(product string) CompareCell {
	for _, c := range t.Cells {
		if c.Product == product {
			return c
		}
	}
	return CompareCell{Product: product}
}

// sharedSentences counts the sentences each pair of products both have.
func sharedSentences(rows []aspectRow, products []string) []SharedSentences {
	index := map[string]int{}
	for i, p := range products {
		index[p] = i
	}
	in := map[string][]int{} // reviewer and text → products, in row order
	for _, r := range rows {
		k := r.reviewer + "\x00" + strings.ToLower(r.text)
		if p := index[r.product]; !slices.Contains(in[k], p) {
			in[k] = append(in[k], p)
		}
	}
	pairs := map[[2]int]int{}
	for _, ps := range in {
		for i, a := range ps {
			for _, b := range ps[i+1:] {
				pairs[[2]int{min(a, b), max(a, b)}]++
			}
		}
	}
	var out []SharedSentences
	for pair, n := range pairs {
		out = append(out, SharedSentences{products[pair[0]], products[pair[1]], n})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Sentences != out[j].Sentences {
			return out[i].Sentences > out[j].Sentences
		}
		return out[i].A+out[i].B < out[j].A+out[j].B
	})
	return out
}
