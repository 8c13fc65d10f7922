package classifiers

import (
	"slices"
	"strings"

	"jobminer/classifiers/aspect"
	"jobminer/classifiers/lang"
	"jobminer/lexicons"
)

// Aspects returns the aspect terms of a sentence (what it is about:
// "battery life", "zipper"), lower-cased as written, in order, each once.
func (c *Classifier) Aspects(sentence string) []string {
	if c.zh != nil && lang.LooksChinese(sentence) {
		return c.zh.Aspects(sentence)
	}
	var out []string
	for _, t := range c.aspects.Extract(sentence) {
		w := strings.Join(strings.Fields(strings.ToLower(strings.ReplaceAll(strings.Trim(t.Text, `"'()`), ",", " "))), " ")
		if w == "" || slices.Contains(out, w) {
			continue
		}
		// A lone verdict word ("nice", "great") is what is said, not what
		// it is said of.
		if !strings.Contains(w, " ") && c.HasVerdictWord(Fold(w)) {
			continue
		}
		out = append(out, w)
	}
	return out
}

// AspectPolarity is the polarity the sentence states about the term at
// byte offsets start..end: that of the clause holding it, the sentence cut
// at contrast words ("but", "although", "however") and semicolons.
func (c *Classifier) AspectPolarity(sentence string, start, end int, rating float64) string {
	var buf [48]token
	toks := tokenize(buf[:0], sentence)
	from, to := 0, len(sentence)
	for i, t := range toks {
		if !(t.text == ";" || isContrast(toks, i) || t.text == "although" || t.text == "though" || t.text == "whereas") {
			continue
		}
		if t.end <= start {
			from = t.end
		} else if t.start >= end && t.start < to {
			to = t.start
		}
	}
	return c.Classify(sentence[from:to], rating).Polarity
}

// AspectModel is the classifier's aspect-term tagger.
func (c *Classifier) AspectModel() *aspect.Model { return c.aspects }

// loadThemes reads the user's pins and merges of themes (themes.tsv:
// aspect term, theme).
func (c *Classifier) loadThemes(set *lexicons.Set) error {
	rows, err := set.Table("themes.tsv", 2)
	if err != nil {
		return err
	}
	c.themes = map[string]string{}
	for _, r := range rows {
		c.themes[strings.ToLower(strings.TrimSpace(r.Fields[0]))] = strings.ToLower(strings.TrimSpace(r.Fields[1]))
	}
	return nil
}

// PinnedTheme returns the theme a themes.tsv line puts an aspect term in.
func (c *Classifier) PinnedTheme(term string) (string, bool) {
	t, ok := c.themes[term]
	return t, ok
}
