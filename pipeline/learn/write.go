package learn

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"time"
)

// WriteTSV writes the layer as a learned.tsv table that lexicons.Load
// reads from a --lexicons directory: term, weight, then the evidence.
func (r *Result) WriteTSV(w io.Writer, from string) error {
	bw := bufio.NewWriter(w)
	o := r.Options
	fmt.Fprintf(bw, "# Learned layer: term<TAB>weight (-4..4, + gain, - pain)<TAB>pain reviews<TAB>gain reviews<TAB>products<TAB>z\n")
	fmt.Fprintf(bw, "# Written by \"jobminer lexicon learn\" on %s from %s:\n", time.Now().UTC().Format("2006-01-02"), from)
	fmt.Fprintf(bw, "# %d reviews of 1-2 stars, %d of 4-5 stars (%d copies, %d excluded, %d of 3 stars not counted).\n",
		r.PainReviews, r.GainReviews, r.Copies, r.Excluded, r.Neutral)
	fmt.Fprintf(bw, "# Weighted log-odds with an informative Dirichlet prior (Monroe, Colaresi & Quinn 2008), alpha0 %g;\n", o.Prior)
	fmt.Fprintf(bw, "# kept: in >= %d reviews of >= %d products, |z| >= %g, up to %d words; weight = %g x log-odds, capped at %g.\n",
		o.MinReviews, o.MinProducts, o.MinZ, o.MaxWords, o.Scale, o.MaxWeight)
	for _, t := range r.Terms {
		fmt.Fprintf(bw, "%s\t%s\t%d\t%d\t%d\t%s\n", t.Text, strconv.FormatFloat(t.Weight, 'f', -1, 64), t.Pain, t.Gain, t.Products, strconv.FormatFloat(t.Z, 'f', 2, 64))
	}
	return bw.Flush()
}

// WriteLayer writes dir/<language>/learned.tsv (dir/en/ or dir/zh/), creating the folders, through a
// temporary file renamed into place so that a reader never sees half a
// table.
func (r *Result) WriteLayer(dir, from string) (string, error) {
	path := filepath.Join(dir, r.Options.Lang, "learned.tsv")
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return "", fmt.Errorf("learn: %w", err)
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".learned-*.tsv")
	if err != nil {
		return "", fmt.Errorf("learn: %w", err)
	}
	defer os.Remove(tmp.Name())
	if err := r.WriteTSV(tmp, from); err != nil {
		tmp.Close()
		return "", fmt.Errorf("learn: write %s: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		return "", fmt.Errorf("learn: write %s: %w", path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return "", fmt.Errorf("learn: %w", err)
	}
	return path, nil
}
