package aspect

import (
	"bufio"
	"fmt"
	"io"
	"math"
	"math/rand"
	"sort"
)

// Trainer trains a Model from sentences with marked terms.
type Trainer struct {
	Epochs int     // passes over the data (default 8)
	Seed   int64   // shuffling seed, so a run is reproducible
	Prune  float64 // drop features whose largest averaged weight is below this
	// Dropout is the chance that a known word reads as unknown in one
	// pass, so that shape, class and context learn to carry a word the
	// training text never had. Words seen once always read as unknown.
	Dropout float64
}

type wrec struct {
	name  string
	w     [nLabels]float64
	total [nLabels]float64
	stamp [nLabels]int
}

// goldLabels marks each token Begin, In or Out of a gold term.
func goldLabels(toks []tok, terms []Gold) []int {
	labels := make([]int, len(toks))
	for _, t := range terms {
		first := true
		for i, k := range toks {
			if k.start < t.To && k.end > t.From {
				if first {
					labels[i] = lBegin
					first = false
				} else {
					labels[i] = lIn
				}
			}
		}
	}
	return labels
}

// Train fits a model on sentences, using class for word classes, and
// returns it with the feature names kept for writing.
func (tr Trainer) Train(sentences []Sentence, class map[string]string) *Trained {
	epochs := tr.Epochs
	if epochs == 0 {
		epochs = 8
	}
	m := &Model{class: class}
	recs := map[uint64]*wrec{}
	type example struct {
		ctx    context
		labels []int
	}
	var data []example
	seen := map[string]int{}
	for _, s := range sentences {
		for _, t := range tokenize(nil, s.Text) {
			seen[t.lower]++
		}
	}
	for _, s := range sentences {
		toks := tokenize(nil, s.Text)
		if len(toks) == 0 {
			continue
		}
		data = append(data, example{m.context(toks), goldLabels(toks, s.Terms)})
	}
	rng := rand.New(rand.NewSource(tr.Seed))
	step := 0
	current := newTable(1 << 16) // the weights as they stand, for decoding
	update := func(h uint64, name string, label int, d float64) {
		r := recs[h]
		if r == nil {
			r = &wrec{name: name}
			recs[h] = r
		}
		r.total[label] += float64(step-r.stamp[label]) * r.w[label]
		r.stamp[label] = step
		r.w[label] += d
		var w32 [nLabels]float32
		for l := range w32 {
			w32[l] = float32(r.w[l])
		}
		current.put(h, w32)
	}

	var names []string
	var pred []int
	for e := 0; e < epochs; e++ {
		rng.Shuffle(len(data), func(i, j int) { data[i], data[j] = data[j], data[i] })
		for _, ex := range data {
			step++
			for i, t := range ex.ctx.toks {
				if t.shape != "p" {
					ex.ctx.setUnknown(i, seen[t.lower] < 2 || rng.Float64() < tr.Dropout)
				}
			}
			pred = decode(&ex.ctx, pred[:0], current)
			for i, gold := range ex.labels {
				guess := pred[i]
				if guess != gold {
					names = names[:0]
					for k, f := range ex.ctx.features(nil, i, &names) {
						update(f, names[k], gold, 1)
						update(f, names[k], guess, -1)
					}
				}
				gp, pp := lOut, lOut
				if i > 0 {
					gp, pp = ex.labels[i-1], pred[i-1]
				}
				if guess != gold || gp != pp {
					names = names[:0]
					for k, f := range ex.ctx.prevFeatures(nil, i, gp, &names) {
						update(f, names[k], gold, 1)
					}
					names = names[:0]
					for k, f := range ex.ctx.prevFeatures(nil, i, pp, &names) {
						update(f, names[k], guess, -1)
					}
				}
			}
		}
	}
	t := &Trained{Model: m}
	m.weights = newTable(len(recs))
	for h, r := range recs {
		var avg [nLabels]float32
		big := 0.0
		for l := range avg {
			tot := r.total[l] + float64(step-r.stamp[l])*r.w[l]
			a := tot / float64(step)
			avg[l] = float32(a)
			big = math.Max(big, math.Abs(a))
		}
		if big < tr.Prune || big == 0 {
			continue
		}
		m.weights.put(h, avg)
		t.names = append(t.names, r.name)
		t.hashes = append(t.hashes, h)
	}
	return t
}

// Trained is a model just trained, with its features' names.
type Trained struct {
	*Model
	names  []string
	hashes []uint64
}

// Features is the number of features the model keeps.
func (t *Trained) Features() int { return len(t.names) }

// Write writes the model's weights as an aspect_model table.
func (t *Trained) Write(w io.Writer, header string) error {
	bw := bufio.NewWriter(w)
	fmt.Fprint(bw, header)
	idx := make([]int, len(t.names))
	for i := range idx {
		idx[i] = i
	}
	sort.Slice(idx, func(a, b int) bool { return t.names[idx[a]] < t.names[idx[b]] })
	for _, i := range idx {
		w, _ := t.weights.get(t.hashes[i])
		fmt.Fprintf(bw, "%s\t%.3g\t%.3g\t%.3g\n", t.names[i], w[0], w[1], w[2])
	}
	return bw.Flush()
}
