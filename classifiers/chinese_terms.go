package classifiers

import (
	"slices"
	"strings"
	"sync"
	"unicode"

	"github.com/go-ego/gse"
)

// Chinese words for clouds and for comparing sentences come from gse
// (github.com/go-ego/gse, Apache-2.0), a well-kept Go segmenter with
// embedded Traditional and Simplified dictionaries. A dictionary takes
// about 1.7 s to load, so each is loaded the first time a text of its
// script needs words, never for analyze.
// gse keeps its HMM model in package variables that loading a dictionary
// rewrites: a load must not run while another segmenter cuts. gseMu is
// held to load and read-held to cut.
var (
	gseMu  sync.RWMutex
	gseSeg [2]*gse.Segmenter
	gseErr [2]error
)

// segmenter returns the segmenter of a script, loading it the first time;
// the caller cuts with gseMu read-held (see cut).
func segmenter(simplified bool) (*gse.Segmenter, error) {
	k, dict := 0, "zh_t"
	if simplified {
		k, dict = 1, "zh_s"
	}
	gseMu.RLock()
	s, err := gseSeg[k], gseErr[k]
	gseMu.RUnlock()
	if s != nil || err != nil {
		return s, err
	}
	gseMu.Lock()
	defer gseMu.Unlock()
	if gseSeg[k] == nil && gseErr[k] == nil {
		s := new(gse.Segmenter)
		if err := s.LoadDictEmbed(dict); err != nil {
			gseErr[k] = err
		} else {
			gseSeg[k] = s
		}
	}
	return gseSeg[k], gseErr[k]
}

// cut segments a text with no dictionary load running.
func cut(s *gse.Segmenter, text string) []string {
	gseMu.RLock()
	defer gseMu.RUnlock()
	return s.Cut(text, true)
}

// noun reports whether the segmenter's dictionary tags a word as a noun
// of some kind (n, nr, ns, nz …).
func (c *Chinese) noun(s *gse.Segmenter, w string) bool {
	gseMu.RLock()
	defer gseMu.RUnlock()
	_, pos, ok := s.Find(w)
	return ok && strings.HasPrefix(pos, "n")
}

// Terms returns the content words of a Chinese sentence, as the segmenter
// cuts them: no stop words, punctuation, numbers or single characters
// (most are function words; the ones that carry a verdict, "讚", "爛", are
// words of the valence table and kept). With phrases, neighbouring words
// also make two-word terms. A segmenter that cannot load gives no terms.
func (c *Chinese) Terms(sentence string, phrases bool) []Term {
	seg, err := segmenter(c.simplified(sentence))
	if err != nil {
		return nil
	}
	var out []Term
	prev := -1
	for _, w := range cut(seg, strings.ToLower(sentence)) {
		w = strings.TrimSpace(w)
		keep := w != "" && !c.stops[w] && (len([]rune(w)) > 1 || c.valence[w] != 0) && strings.IndexFunc(w, func(r rune) bool {
			return unicode.IsLetter(r)
		}) >= 0
		if !keep {
			prev = -1
			continue
		}
		t := Term{Key: w, Surface: w}
		if p := prev; phrases && p >= 0 && out[p].Key != t.Key { // "讚 讚" is no phrase
			out = append(out, Term{Key: out[p].Key + " " + t.Key, Surface: out[p].Surface + " " + t.Surface})
		}
		out = append(out, t)
		prev = len(out) - 1
	}
	return out
}

// Aspects returns what a Chinese sentence is about: its words (Terms) that
// are neither verdicts (valence words) nor degree adverbs nor outcome words
// of feeling ("喜歡"), each once, in order: "出貨", "材質", "尺寸".
func (c *Chinese) Aspects(sentence string) []string {
	var out []string
	for _, t := range c.Terms(sentence, false) {
		w := t.Key
		if c.valence[w] != 0 || c.boosters[w] != 0 || c.negations[w] || c.outcomes[w] == Emotional || c.outcomes[w] == Social {
			continue
		}
		// Latin words in a Chinese sentence are sizes, brands and English
		// verdicts ("L", "oversize", "nice"), not what the Chinese is about.
		if strings.IndexFunc(w, func(r rune) bool { return r > unicode.MaxASCII }) < 0 {
			continue
		}
		if !slices.Contains(out, w) {
			out = append(out, w)
		}
	}
	return out
}
