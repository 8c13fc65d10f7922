// Package aspect finds aspect terms in review sentences: the noun
// phrases a sentence says something about ("battery life", "customer
// service", "zipper"). It is a greedy averaged-perceptron sequence
// tagger (begin / inside / outside of a term) over word, shape and
// part-of-speech features; its weights and its word-class table are
// data files under lexicons/en, trained on SemEval-2014 Task 4 by
// lexicons/internal/trainaspect.
package aspect

import (
	"fmt"
	"strconv"
	"strings"

	"jobminer/lexicons"
)

const (
	lOut = iota
	lBegin
	lIn
	nLabels
)

// Model is a trained aspect-term tagger. It is safe for concurrent use.
type Model struct {
	weights *table
	class   map[string]string // lower-cased word -> its usual word class
	vocab   map[string]bool   // words with word features; nil: every word is known
}

// Term is one aspect term found in a sentence.
type Term struct {
	Text       string // as written in the sentence
	Start, End int    // byte offsets in the sentence
}

// Load builds the model from a lexicon set's aspect_model and word_class tables.
func Load(set *lexicons.Set) (*Model, error) {
	m := &Model{class: map[string]string{}}
	classes, err := set.Table("word_class.tsv", 2)
	if err != nil {
		return nil, err
	}
	for _, r := range classes {
		m.class[r.Fields[0]] = r.Fields[1]
	}
	rows, err := set.Table("aspect_model.tsv", 1+nLabels)
	if err != nil {
		return nil, err
	}
	m.weights = newTable(len(rows))
	for _, r := range rows {
		if len(r.Fields) != 1+nLabels {
			return nil, fmt.Errorf("lexicons %s line %d: want a feature and %d weights, got %q", r.File, r.Line, nLabels, strings.Join(r.Fields, "\t"))
		}
		var w [nLabels]float32
		for i := range w {
			v, err := strconv.ParseFloat(r.Fields[1+i], 32)
			if err != nil {
				return nil, fmt.Errorf("lexicons %s line %d: weight %q is not a number", r.File, r.Line, r.Fields[1+i])
			}
			w[i] = float32(v)
		}
		m.weights.put(hashFeature(r.Fields[0]), w)
		if word, ok := strings.CutPrefix(r.Fields[0], "w "); ok {
			if m.vocab == nil {
				m.vocab = map[string]bool{}
			}
			m.vocab[word] = true
		}
	}
	return m, nil
}

// Empty reports whether the model has no weights (no aspect table loaded).
func (m *Model) Empty() bool { return m.weights.n == 0 }

// Extract returns the aspect terms of a sentence, in order.
func (m *Model) Extract(sentence string) []Term {
	var buf [64]tok
	toks := tokenize(buf[:0], sentence)
	if len(toks) == 0 {
		return nil
	}
	var cb contextBuf
	ctx := m.contextIn(&cb, toks)
	var lb [64]int
	labels := decode(&ctx, lb[:0], m.weights)
	var terms []Term
	for i, l := range labels {
		switch l {
		case lBegin:
			terms = append(terms, Term{Start: toks[i].start, End: toks[i].end})
		case lIn:
			terms[len(terms)-1].End = toks[i].end
		}
	}
	for i := range terms {
		terms[i].Text = sentence[terms[i].Start:terms[i].End]
	}
	return terms
}

// context holds a sentence's tokens and, per token, the hashes of the
// strings its features are made of.
type context struct {
	toks  []tok
	class []string
	parts [][nKinds]uint64
	// unknown marks words the model has no word features for: they read
	// as "<unk>", as rare words did in training, so that the word's
	// shape, class and neighbours decide.
	unknown []bool
}

// The kinds of strings a feature is made of, each taken from a token.
const (
	kWord = iota
	kClass
	kSuffix3
	kSuffix2
	kPrefix3
	kShape
	nKinds
)

// contextBuf holds the per-token memory of a context for a sentence of
// up to 64 tokens, so that one on the stack spares its allocations.
type contextBuf struct {
	class   [64]string
	parts   [64][nKinds]uint64
	unknown [64]bool
}

func (m *Model) context(toks []tok) context { return m.contextIn(nil, toks) }

// contextIn is context with its memory in b when b is not nil and holds
// enough.
func (m *Model) contextIn(b *contextBuf, toks []tok) context {
	var c context
	if n := len(toks); b != nil && n <= len(b.class) {
		c = context{toks: toks, class: b.class[:n], parts: b.parts[:n], unknown: b.unknown[:n]}
	} else {
		c = context{toks: toks, class: make([]string, n), parts: make([][nKinds]uint64, n), unknown: make([]bool, n)}
	}
	for i, t := range toks {
		c.class[i] = m.wordClass(t)
		c.unknown[i] = m.vocab != nil && t.shape != "p" && !m.vocab[t.lower]
		for k := 0; k < nKinds; k++ {
			c.parts[i][k] = hashString(c.partString(k, i))
		}
	}
	return c
}

// setUnknown makes token i's word read as an unknown word, or as itself.
func (c *context) setUnknown(i int, unknown bool) {
	c.unknown[i] = unknown
	c.parts[i][kWord] = hashString(c.partString(kWord, i))
}

// partString is the string of kind k at token i ("<s>" or "</s>" beyond
// the sentence's ends).
func (c *context) partString(k, i int) string {
	switch {
	case i < 0:
		return "<s>"
	case i >= len(c.toks):
		return "</s>"
	}
	w := c.toks[i].lower
	if k == kWord && c.unknown[i] {
		return "<unk>"
	}
	switch k {
	case kClass:
		return c.class[i]
	case kSuffix3:
		return suffix(w, 3)
	case kSuffix2:
		return suffix(w, 2)
	case kPrefix3:
		return prefix(w, 3)
	case kShape:
		return c.toks[i].shape
	}
	return w
}

var (
	hashStart = hashString("<s>")
	hashEnd   = hashString("</s>")
)

func (c *context) partHash(k, i int) uint64 {
	switch {
	case i < 0:
		return hashStart
	case i >= len(c.toks):
		return hashEnd
	}
	return c.parts[i][k]
}

// WordClass returns the usual part of speech of a lower-case word in
// review text (prose's coarse tags: N, V, J, R, NP, CD; "N|V" when the
// second is used a third of the time), or "" for a word it does not know.
func (m *Model) WordClass(word string) string { return m.class[word] }

func (m *Model) wordClass(t tok) string {
	if t.shape == "p" {
		return t.lower
	}
	if c, ok := m.class[t.lower]; ok {
		return c
	}
	if t.shape == "d" {
		return "CD"
	}
	return "UNK"
}

const maxFeatures = 32

var labelNames = [nLabels]string{"O", "B", "I"}

var labelHashes = [nLabels]uint64{hashString("O"), hashString("B"), hashString("I")}

// piece is one string of a feature: kind k at token offset off.
type piece struct{ k, off int }

// template is a kind of feature: its name and the strings it joins.
type template struct {
	name   string
	hash   uint64
	pieces []piece
}

func templates(defs ...any) []template {
	var ts []template
	for i := 0; i < len(defs); {
		t := template{name: defs[i].(string)}
		t.hash = hashString(t.name)
		i++
		for i < len(defs) {
			p, ok := defs[i].(piece)
			if !ok {
				break
			}
			t.pieces = append(t.pieces, p)
			i++
		}
		ts = append(ts, t)
	}
	return ts
}

// The features of token i that do not depend on the label before it, and
// those that pair that label with token i.
var (
	static = templates("bias",
		"w", piece{kWord, 0}, "w-1", piece{kWord, -1}, "w+1", piece{kWord, 1}, "w-2", piece{kWord, -2}, "w+2", piece{kWord, 2},
		"w-1w", piece{kWord, -1}, piece{kWord, 0}, "ww+1", piece{kWord, 0}, piece{kWord, 1},
		"s3", piece{kSuffix3, 0}, "s2", piece{kSuffix2, 0}, "p3", piece{kPrefix3, 0}, "shape", piece{kShape, 0},
		"c", piece{kClass, 0}, "c-1", piece{kClass, -1}, "c+1", piece{kClass, 1}, "c-2", piece{kClass, -2}, "c+2", piece{kClass, 2},
		"c-1c", piece{kClass, -1}, piece{kClass, 0}, "cc+1", piece{kClass, 0}, piece{kClass, 1},
		"c-1cc+1", piece{kClass, -1}, piece{kClass, 0}, piece{kClass, 1})
	withPrev = templates("prev", "prevw", piece{kWord, 0}, "prevc", piece{kClass, 0}, "prevw-1", piece{kWord, -1})
)

// features appends the hashed features of token i that do not depend on
// the label before it. When names is not nil the features are also
// appended to it as written in the model file (parts separated by spaces).
func (c *context) features(dst []uint64, i int, names *[]string) []uint64 {
	for _, t := range static {
		h := t.hash
		for _, p := range t.pieces {
			h = combine(h, c.partHash(p.k, i+p.off))
		}
		dst = append(dst, h)
		if names != nil {
			*names = append(*names, c.name(t, i, ""))
		}
	}
	return dst
}

// prevFeatures appends the features that pair the label of the token
// before i with token i.
func (c *context) prevFeatures(dst []uint64, i, prev int, names *[]string) []uint64 {
	for _, t := range withPrev {
		h := combine(t.hash, labelHashes[prev])
		for _, p := range t.pieces {
			h = combine(h, c.partHash(p.k, i+p.off))
		}
		dst = append(dst, h)
		if names != nil {
			*names = append(*names, c.name(t, i, labelNames[prev]))
		}
	}
	return dst
}

func (c *context) name(t template, i int, label string) string {
	parts := []string{t.name}
	if label != "" {
		parts = append(parts, label)
	}
	for _, p := range t.pieces {
		parts = append(parts, c.partString(p.k, i+p.off))
	}
	return strings.Join(parts, " ")
}

func suffix(w string, n int) string {
	if len(w) <= n {
		return w
	}
	return w[len(w)-n:]
}

func prefix(w string, n int) string {
	if len(w) <= n {
		return w
	}
	return w[:n]
}

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

func hashString(p string) uint64 {
	h := uint64(fnvOffset)
	for i := 0; i < len(p); i++ {
		h ^= uint64(p[i])
		h *= fnvPrime
	}
	return h
}

// combine adds the hash of one more part to a feature's hash.
func combine(h, part uint64) uint64 {
	h = (h ^ part) * fnvPrime
	return h ^ h>>29
}

// hashFeature hashes a feature as written in the model file: its
// template name and parts separated by spaces (no token holds a space).
func hashFeature(f string) uint64 {
	parts := strings.Split(f, " ")
	h := hashString(parts[0])
	for _, p := range parts[1:] {
		h = combine(h, hashString(p))
	}
	return h
}
