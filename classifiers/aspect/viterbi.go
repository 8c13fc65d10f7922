package aspect

import "math"

// decode appends the best label sequence for the sentence (Viterbi over
// begin/inside/outside, an inside label only after begin or inside).
func decode(c *context, dst []int, weights *table) []int {
	n := len(c.toks)
	var db [64][nLabels]float64
	var bb [64][nLabels]int8
	delta, back := db[:0], bb[:0]
	if n > len(db) {
		delta, back = make([][nLabels]float64, 0, n), make([][nLabels]int8, 0, n)
	}
	delta, back = delta[:n], back[:n]
	var fs [maxFeatures]uint64
	for i := 0; i < n; i++ {
		var emit [nLabels]float64
		for _, f := range c.features(fs[:0], i, nil) {
			if w, ok := weights.get(f); ok {
				for l := range emit {
					emit[l] += float64(w[l])
				}
			}
		}
		var trans [nLabels][nLabels]float64 // [prev][label]
		prevs := nLabels
		if i == 0 {
			prevs = 1 // the sentence starts as if after an outside token
		}
		for p := 0; p < prevs; p++ {
			for _, f := range c.prevFeatures(fs[:0], i, p, nil) {
				if w, ok := weights.get(f); ok {
					for l := range w {
						trans[p][l] += float64(w[l])
					}
				}
			}
		}
		for l := 0; l < nLabels; l++ {
			best, arg := math.Inf(-1), -1
			for p := 0; p < prevs; p++ {
				if l == lIn && p == lOut {
					continue
				}
				v := trans[p][l]
				if i > 0 {
					v += delta[i-1][p]
				}
				if v > best {
					best, arg = v, p
				}
			}
			delta[i][l] = best + emit[l]
			back[i][l] = int8(arg)
		}
	}
	last := lOut
	for l := 1; l < nLabels; l++ {
		if delta[n-1][l] > delta[n-1][last] {
			last = l
		}
	}
	start := len(dst)
	for i := 0; i < n; i++ {
		dst = append(dst, 0)
	}
	for i := n - 1; i >= 0; i-- {
		dst[start+i] = last
		if i > 0 {
			last = int(back[i][last])
		}
	}
	return dst
}
