package classifiers

import "strings"

// phrase is a lexicon entry of one or more words. In its words "_" matches
// any one word and a trailing "*" matches any ending.
type phrase struct {
	text  string
	words []string
	value float64
	label string
}

// matcher finds lexicon phrases in token sequences.
type matcher struct {
	byFirst map[string][]*phrase
	wild    []*phrase // phrases whose first word is a pattern
	byText  map[string]*phrase
}

func newMatcher() *matcher {
	return &matcher{byFirst: map[string][]*phrase{}, byText: map[string]*phrase{}}
}

// add adds or (for the same text and label) replaces a phrase.
func (m *matcher) add(text string, value float64, label string) {
	text = strings.ToLower(strings.Join(strings.Fields(text), " "))
	text = strings.ReplaceAll(text, "’", "'")
	key := label + "\x00" + text
	if p, ok := m.byText[key]; ok {
		p.value = value
		return
	}
	p := &phrase{text: text, words: strings.Split(text, " "), value: value, label: label}
	m.byText[key] = p
	first := p.words[0]
	if first == "_" || strings.HasSuffix(first, "*") {
		m.wild = append(m.wild, p)
		return
	}
	m.byFirst[first] = append(m.byFirst[first], p)
}

func wordMatches(pattern, word string) bool {
	if pattern == "_" {
		return true
	}
	if strings.HasSuffix(pattern, "*") {
		return strings.HasPrefix(word, pattern[:len(pattern)-1])
	}
	return pattern == word
}

// at calls fn for every phrase matching the tokens starting at i, with
// the number of tokens it covers.
func (m *matcher) at(toks []token, i int, fn func(p *phrase, n int)) {
	try := func(p *phrase) {
		if i+len(p.words) > len(toks) {
			return
		}
		for k, w := range p.words {
			t := toks[i+k]
			if t.punct || !wordMatches(w, t.text) {
				return
			}
		}
		fn(p, len(p.words))
	}
	if toks[i].punct {
		return
	}
	for _, p := range m.byFirst[toks[i].text] {
		try(p)
	}
	for _, p := range m.wild {
		try(p)
	}
}

// longest returns the longest phrase matching at i, or nil.
func (m *matcher) longest(toks []token, i int) (*phrase, int) {
	var best *phrase
	bestN := 0
	m.at(toks, i, func(p *phrase, n int) {
		if n > bestN {
			best, bestN = p, n
		}
	})
	return best, bestN
}
