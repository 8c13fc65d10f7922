package classifiers

import (
	"fmt"
	"strings"

	"jobminer/lexicons"
)

// NewChinese compiles a Chinese classifier from the zh lexicon set.
func NewChinese(set *lexicons.Set) (*Chinese, error) {
	c := &Chinese{valence: map[string]float64{}, boosters: map[string]float64{}, negations: map[string]bool{},
		contrast: map[string]bool{}, outcomes: map[string]string{}, stops: map[string]bool{}, phrases: map[string]string{}, conditions: map[string]bool{}, product: map[string]bool{}, segments: map[string]bool{}, people: map[string]bool{}, looks: map[string]bool{}, withs: map[string]bool{}, fors: map[string]bool{}, urges: map[string]bool{}, unless: map[string]bool{}, audience: map[string]bool{}, seen: map[string]bool{}, Version: set.Version}
	// The outcomes.tsv kinds that are cue words of the social rules, not
	// outcome evidence of their own.
	cueKinds := map[string]map[string]bool{lookWord: c.looks, withCue: c.withs, urgeCue: c.urges, unlessCue: c.unless, forCue: c.fors}
	pairs, err := set.Table("script_pairs.tsv", 2)
	if err != nil {
		return nil, err
	}
	toHans := map[rune]rune{}
	c.hantOnly, c.hansOnly = map[rune]bool{}, map[rune]bool{}
	for _, r := range pairs {
		a, b := []rune(r.Fields[0]), []rune(r.Fields[1])
		if len(a) == 1 && len(b) == 1 {
			toHans[a[0]] = b[0]
			c.hantOnly[a[0]], c.hansOnly[b[0]] = true, true
		}
	}
	c.setHans(toHans)
	// Each word in both scripts.
	forms := func(w string) []string {
		w = strings.TrimSpace(w)
		s := strings.Map(func(r rune) rune {
			if h, ok := toHans[r]; ok {
				return h
			}
			return r
		}, w)
		if s == w {
			return []string{w}
		}
		return []string{w, s}
	}
	note := func(w string) {
		c.maxLen = max(c.maxLen, len([]rune(w)))
	}
	addValence := func(w string, r lexicons.Row) error {
		v, err := weight(r, 1)
		c.valence[w] = v
		return err
	}
	for _, t := range []struct {
		table string
		add   func(w string, r lexicons.Row) error
	}{
		// The learned layer first: the curated words below win.
		{"learned.tsv", addValence},
		{"valence.tsv", addValence},
		{"boosters.tsv", func(w string, r lexicons.Row) error {
			v, err := weight(r, 1)
			c.boosters[w] = v
			return err
		}},
		{"negations.txt", func(w string, r lexicons.Row) error { c.negations[w] = true; return nil }},
		{"contrast.txt", func(w string, r lexicons.Row) error { c.contrast[w] = true; return nil }},
		{"stopwords.txt", func(w string, r lexicons.Row) error { c.stops[w] = true; return nil }},
		{"conditions.txt", func(w string, r lexicons.Row) error { c.conditions[w] = true; return nil }},
		{"product.txt", func(w string, r lexicons.Row) error { c.product[w] = true; return nil }},
		{"segments.txt", func(w string, r lexicons.Row) error { c.segments[w] = true; return nil }},
		{"jobs.tsv", func(w string, r lexicons.Row) error {
			switch kind := strings.TrimSpace(r.Fields[0]); kind {
			case "job", "situation", "situation-end", "situation-fixed", "alternative":
				c.phrases[w] = kind
				return nil
			}
			return fmt.Errorf("lexicons %s line %d: kind %q is not job, situation, situation-end, situation-fixed or alternative", r.File, r.Line, r.Fields[0])
		}},
		{"outcomes.tsv", func(w string, r lexicons.Row) error {
			dim := strings.TrimSpace(r.Fields[1])
			if words, ok := cueKinds[dim]; ok {
				words[w] = true
				return nil
			}
			switch dim {
			case Functional, Emotional, Social, "none", wornCue: // none: a word that holds one but is none
				if had, ok := c.outcomes[w]; ok && had != dim {
					return fmt.Errorf("lexicons %s line %d: %q is %s here and %s above", r.File, r.Line, w, dim, had)
				}
				c.outcomes[w] = dim
				if len(r.Fields) > 2 {
					switch strings.TrimSpace(r.Fields[2]) {
					case "person":
						c.people[w] = true
					case "audience": // a person word that addresses the readers
						c.people[w], c.audience[w] = true, true
					case "seen": // how the writer is seen: social about a product
						c.seen[w] = true
					}
				}
				return nil
			}
			return fmt.Errorf("lexicons %s line %d: dimension %q is not functional, emotional, social, none, worn, look, with, for, urge or unless", r.File, r.Line, r.Fields[1])
		}},
	} {
		cols := 2
		if strings.HasSuffix(t.table, ".txt") {
			cols = 1
		}
		rows, err := set.Table(t.table, cols)
		if err != nil {
			return nil, err
		}
		for _, r := range rows {
			word := r.Fields[0]
			if t.table == "jobs.tsv" {
				word = r.Fields[1]
			}
			if t.table == "learned.tsv" {
				word = strings.ReplaceAll(word, " ", "") // "不 好" as learned: "不好" in text
			}
			for _, w := range forms(word) {
				if err := t.add(w, r); err != nil {
					return nil, err
				}
				note(w)
			}
		}
	}
	if err := c.loadPolarityModel(set); err != nil {
		return nil, err
	}
	return c, nil
}

// longestIn returns the longest word of m starting at rune i of a text
// whose rune offsets are off (len(off) = runes + 1), and its length in
// runes (0: none). Substrings of the text are looked up without copying.
func longestIn[V any](m map[string]V, text string, off []int, i, maxLen int) (string, int) {
	for n := min(maxLen, len(off)-1-i); n > 0; n-- {
		if w := text[off[i]:off[i+n]]; hasKey(m, w) {
			return w, n
		}
	}
	return "", 0
}

func hasKey[V any](m map[string]V, w string) bool {
	_, ok := m[w]
	return ok
}

// endsWith returns the length in runes of the longest word of m that ends
// just before rune i (0: none).
func endsWith[V any](m map[string]V, text string, off []int, i, maxLen int) int {
	for n := min(maxLen, i); n > 0; n-- {
		if hasKey(m, text[off[i-n]:off[i]]) {
			return n
		}
	}
	return 0
}
