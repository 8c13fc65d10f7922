package classifiers

// The sentence model's optimizer: weighted cross-entropy plus L2,
// minimized by full-batch Adam on standardized features.

import (
	"math"
	"slices"
	"sort"
)

// fit minimizes the weighted cross-entropy plus L2 by full-batch Adam on
// standardized features, and returns the weights on the raw scale.
func fit(data []sample, opt TrainOptions) *PolarityModel {
	opt = opt.withDefaults()
	x, mean, scale := standardized(data)

	vocab := vocabulary(data, opt.MinCount)
	idx := make([][]int, len(data))
	for i, s := range data {
		for _, t := range s.words {
			if j, ok := vocab[t]; ok {
				idx[i] = append(idx[i], j)
			}
		}
	}
	classWeight := [3]float64{1, 1, 1}
	if opt.Balance > 0 {
		var n [3]float64
		for _, s := range data {
			n[s.y] += s.w
		}
		total := n[0] + n[1] + n[2]
		for k := range classWeight {
			if n[k] > 0 {
				classWeight[k] = math.Pow(total/(3*n[k]), opt.Balance)
			}
		}
	}

	// Parameters: the dense weights, then the word weights, per class.
	nDense := 3 * nFeatures
	theta := make([]float64, nDense+3*len(vocab))
	decay := make([]float64, len(theta))
	for k := range 3 {
		for j := 1; j < nFeatures; j++ {
			decay[k*nFeatures+j] = opt.L2
		}
	}
	for p := nDense; p < len(decay); p++ {
		decay[p] = opt.WordL2
	}
	grad := make([]float64, len(theta))
	opt2 := newAdam(len(theta))
	n := float64(len(data))
	for epoch := 1; epoch <= opt.Epochs; epoch++ {
		clear(grad)
		for i, s := range data {
			var z [3]float64
			for k := range z {
				for j, v := range x[i] {
					z[k] += theta[k*nFeatures+j] * v
				}
				for _, j := range idx[i] {
					z[k] += theta[nDense+3*j+k]
				}
			}
			p := softmax(z)
			for k := range p {
				g := s.w * classWeight[s.y] * (p[k] - b2f(k == s.y)) / n
				for j, v := range x[i] {
					grad[k*nFeatures+j] += g * v
				}
				for _, j := range idx[i] {
					grad[nDense+3*j+k] += g
				}
			}
		}
		opt2.step(theta, grad, decay, epoch)
	}

	m := &PolarityModel{}
	for k := range 3 {
		m.dense[k] = rawWeights(features(theta[k*nFeatures:(k+1)*nFeatures]), mean, scale)
	}
	for t, j := range vocab {
		w := [3]float64(theta[nDense+3*j : nDense+3*j+3])
		if math.Abs(w[0])+math.Abs(w[1])+math.Abs(w[2]) >= 1e-3 {
			if m.words == nil {
				m.words = map[string][3]float64{}
			}
			m.words[t] = w
		}
	}
	return m
}

// withDefaults fills the options left at zero.
func (opt TrainOptions) withDefaults() TrainOptions {
	if opt.L2 == 0 {
		opt.L2 = 0.01
	}
	if opt.WordL2 == 0 {
		opt.WordL2 = 0.003
	}
	if opt.Epochs == 0 {
		opt.Epochs = 400
	}
	return opt
}

// standardized returns the samples' features standardized (see
// standardize), with the means and deviations used.
func standardized(data []sample) (x []features, mean, scale features) {
	mean, scale = standardize(data)
	x = make([]features, len(data))
	for i, s := range data {
		for j := range s.f {
			x[i][j] = (s.f[j] - mean[j]) / scale[j]
		}
	}
	return x, mean, scale
}

// rawWeights turns weights fitted on standardized features into weights
// on the raw ones (the bias takes up the means).
func rawWeights(w, mean, scale features) features {
	out := features{w[0]}
	for j := 1; j < nFeatures; j++ {
		out[j] = w[j] / scale[j]
		out[0] -= w[j] * mean[j] / scale[j]
	}
	return out
}

// adam is the state of the Adam optimizer (Kingma & Ba 2015) over a
// vector of parameters.
type adam struct{ m1, m2 []float64 }

func newAdam(n int) *adam { return &adam{make([]float64, n), make([]float64, n)} }

// step moves theta against grad plus each parameter's weight decay, at
// the given epoch (from 1).
func (a *adam) step(theta, grad, decay []float64, epoch int) {
	const lr, b1, b2, eps = 0.05, 0.9, 0.999, 1e-8
	c1, c2 := 1-math.Pow(b1, float64(epoch)), 1-math.Pow(b2, float64(epoch))
	for p := range theta {
		g := grad[p] + decay[p]*theta[p]
		a.m1[p] = b1*a.m1[p] + (1-b1)*g
		a.m2[p] = b2*a.m2[p] + (1-b2)*g*g
		theta[p] -= lr * (a.m1[p] / c1) / (math.Sqrt(a.m2[p]/c2) + eps)
	}
}

// standardize returns the mean and the standard deviation of each
// feature over the samples (0 and 1 for the bias and for a constant).
func standardize(data []sample) (mean, scale features) {
	for _, s := range data {
		for j, x := range s.f {
			mean[j] += x
		}
	}
	for j := range mean {
		mean[j] /= float64(len(data))
	}
	for _, s := range data {
		for j, x := range s.f {
			scale[j] += (x - mean[j]) * (x - mean[j])
		}
	}
	for j := range scale {
		scale[j] = math.Sqrt(scale[j] / float64(len(data)))
		if scale[j] < 1e-9 {
			scale[j] = 1
		}
	}
	mean[0], scale[0] = 0, 1
	return mean, scale
}

// vocabulary numbers the words found in at least min training samples
// (none when min is 0); a rated sentence and its rating-free copy are two
// samples, so a word of min/2 rated sentences is kept.
func vocabulary(data []sample, min int) map[string]int {
	vocab := map[string]int{}
	if min <= 0 {
		return vocab
	}
	count := map[string]int{}
	for _, s := range data {
		for i, w := range s.words {
			if !slices.Contains(s.words[:i], w) {
				count[w]++
			}
		}
	}
	var words []string
	for w, n := range count {
		if n >= min {
			words = append(words, w)
		}
	}
	sort.Strings(words)
	for i, w := range words {
		vocab[w] = i
	}
	return vocab
}

func softmax(z [3]float64) [3]float64 {
	top := max(z[0], z[1], z[2])
	var p [3]float64
	sum := 0.0
	for k := range z {
		p[k] = math.Exp(z[k] - top)
		sum += p[k]
	}
	for k := range p {
		p[k] /= sum
	}
	return p
}
