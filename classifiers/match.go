package classifiers

import (
	"iter"
	"strings"
)

// phrase is a lexicon entry of one or more words. In its words "_" matches
// any one word and a trailing "*" matches any ending.
type phrase struct {
	text  string
	words []string
	pats  []wordPattern // words, compiled
	value float64
	label string
	tags  *[len(tagSides)]string // "side:text" evidence tags, for matchers that report evidence
}

// tagSides are the sides an evidence tag can name.
var tagSides = [...]string{Pain, Gain, Functional, Emotional, Social}

// tag returns the evidence tag "side:text" of the phrase.
func (p *phrase) tag(side string) string {
	if p.tags != nil {
		for i, s := range tagSides {
			if s == side {
				return p.tags[i]
			}
		}
	}
	return side + ":" + p.text
}

// maxMatchers bounds how many matchers share one index.
const maxMatchers = 8

// slot holds, per matcher, the phrases that may start at a word, and
// what the word lists say of the word itself. The fields a token reads
// of every word come first, in one cache line.
type slot struct {
	word    string     // the word of an exact slot
	has     matcherSet // the matchers with phrases here
	flags   wordFlags
	booster float64 // with isBooster: the intensity it adds (negative dampens)
	// polarity is the sentence model's weights of this word (pain, gain,
	// neutral), nil when it weighs none (sentence_model.go)
	polarity *[3]float64
	phrases  [maxMatchers][]candidate
}

// candidate is a phrase that may start at a slot's word, with the slot
// of its second word when that is a plain word, so that most phrases are
// ruled out by the next token without being read, and its length and the
// first word the slots leave to check, so that a phrase of one word, or
// of two plain words, matches without being read either.
type candidate struct {
	p     *phrase
	next  *slot // nil: a phrase of one word, or a pattern second
	n     int16 // len(p.pats)
	from  int16 // the first word the slots do not check: 1, or 2 with next
	whole bool  // from == n: the slots check every word
	// third is the third byte of a prefix slot's pattern ("frustrat*":
	// 'u'), 0 for a pattern of two bytes: most words of the slot fail it
	// before the pattern is read.
	third byte
}

// matcherSet holds one bit per matcher of an index (bit id).
type matcherSet uint8

// wordFlags say which word lists a word is on.
type wordFlags uint16

const (
	isNegation           wordFlags = 1 << iota // negations.txt, or a contraction in "n't"
	isStop                                     // stopwords.txt
	isBreak                                    // clause_breaks.txt
	isPerson                                   // a one-word social outcome term
	isBooster                                  // boosters.tsv
	isSetting                                  // settings.txt
	isFirstPerson                              // I, my, we … (the sentence model's "first person")
	isSecondPerson                             // you, your … (its "second person")
	isClauseCue                                // clauseCues: a word clauseWeights weighs a clause by
	isFeel                                     // feelWords: "feel", "felt" …
	isJobCue                                   // jobCues: a word genericJob starts from
	isSettingPreposition                       // settingPrepositions: a word setting starts from
	isAlternativeCue                           // alternativeCues: a word alternative's hand-written cues start from
	isPurpose                                  // purposeWords or motionVerbs: purposeBefore reads it
	isDeterminer                               // determiners or npDeterminers: setting reads it
)

// markWords records on the index which word lists each listed word is
// on, so that a token carries the answers once looked up.
func (c *Classifier) markWords() {
	for _, l := range []struct {
		words map[string]bool
		flag  wordFlags
	}{{c.negations, isNegation}, {c.stops, isStop}, {c.breaks, isBreak}, {c.people, isPerson}, {c.settings, isSetting},
		{purposeWords, isPurpose}, {motionVerbs, isPurpose}, {determiners, isDeterminer}, {npDeterminers, isDeterminer}} {
		for w := range l.words {
			c.ix.word(w).flags |= l.flag
		}
	}
	// The words the code below reads by their text: the other tokens of
	// a sentence are passed over by a bit test.
	for _, l := range []struct {
		words []string
		flag  wordFlags
	}{{firstPerson, isFirstPerson}, {secondPerson, isSecondPerson}, {clauseCues, isClauseCue}, {feelWords, isFeel},
		{jobCues, isJobCue}, {settingPrepositions, isSettingPreposition}, {alternativeCues, isAlternativeCue}} {
		for _, w := range l.words {
			c.ix.word(w).flags |= l.flag
		}
	}
	for w, v := range c.boosters {
		s := c.ix.word(w)
		s.flags |= isBooster
		s.booster = v
	}
}

// word returns the slot of a word, made on first use.
func (ix *index) word(w string) *slot {
	s := ix.exact.get(hashWord(w), w)
	if s == nil {
		s = &slot{word: w}
		ix.exact.put(s)
	}
	return s
}

// index maps a first word to the phrases of every matcher that start with
// it, so that a token is looked up once for all lexicons: exactly, and by
// its first two bytes for patterns such as "frustrat*". Every word of
// every phrase has a slot, so that a token's slot identifies its word and
// matching a phrase compares slots, not strings.
type index struct {
	exact  wordTable
	prefix [256]*[256]*slot // first word "ab…*": by its first two bytes
	n      int              // matchers made so far
}

func newIndex() *index { return new(index) }

// prefixSlot returns the slot of the patterns whose first word starts
// with the two bytes a and b, made on first use.
func (ix *index) prefixSlot(a, b byte) *slot {
	page := ix.prefix[a]
	if page == nil {
		page = new([256]*slot)
		ix.prefix[a] = page
	}
	s := page[b]
	if s == nil {
		s = new(slot)
		page[b] = s
	}
	return s
}

// annotate looks each word token up in the index.
func (ix *index) annotate(toks []token) {
	for i := range toks {
		if t := &toks[i]; !t.punct {
			ix.mark(t, ix.exact.get(hashWord(t.text), t.text))
		}
	}
}

// mark sets what the index says of a word token whose exact slot (nil
// for none) has been looked up.
func (ix *index) mark(t *token, exact *slot) {
	t.exact = exact
	if exact != nil {
		t.flags = exact.flags
		t.has = exact.has
	}
	if strings.HasSuffix(t.text, "n't") {
		t.flags |= isNegation
	}
	if len(t.text) >= 2 {
		if page := ix.prefix[t.text[0]]; page != nil {
			if t.prefix = page[t.text[1]]; t.prefix != nil {
				t.has |= t.prefix.has
			}
		}
	}
}

// matcher finds the phrases of one lexicon in token sequences.
type matcher struct {
	id     int
	bit    matcherSet // 1 << id
	ix     *index
	wild   []*phrase // first word "_" or a one-letter prefix
	byText map[string]*phrase
	tagged bool // its phrases are reported as evidence: keep their tags ready
}

func (ix *index) newMatcher() *matcher {
	if ix.n == maxMatchers {
		panic("classifiers: too many matchers for one index")
	}
	ix.n++
	return &matcher{id: ix.n - 1, bit: 1 << (ix.n - 1), ix: ix, byText: map[string]*phrase{}}
}

// add adds or (for the same text and label) replaces a phrase.
func (m *matcher) add(text string, value float64, label string) {
	text = strings.ToLower(strings.Join(strings.Fields(text), " "))
	text = strings.ReplaceAll(text, "’", "'")
	if strings.Contains(text, "nt") { // "wasnt impressed": tokens read "wasn't" (apostropheless)
		ws := strings.Split(text, " ")
		for k, w := range ws {
			if full, ok := apostropheless(w); ok {
				ws[k] = full
			}
		}
		text = strings.Join(ws, " ")
	}
	key := label + "\x00" + text
	if p, ok := m.byText[key]; ok {
		p.value = value
		return
	}
	words := strings.Split(text, " ")
	p := &phrase{text: text, words: words, pats: compileWords(words), value: value, label: label}
	if m.tagged {
		p.tags = new([len(tagSides)]string)
		for i, side := range tagSides {
			p.tags[i] = side + ":" + text
		}
	}
	m.byText[key] = p
	for k := range p.pats {
		if w := &p.pats[k]; !w.any && !w.prefix {
			w.slot = m.ix.word(w.text)
		}
	}
	first := p.words[0]
	var s *slot
	var third byte
	if prefix, ok := strings.CutSuffix(first, "*"); ok {
		if len(prefix) < 2 {
			m.wild = append(m.wild, p)
			return
		}
		s = m.ix.prefixSlot(prefix[0], prefix[1])
		if len(prefix) > 2 {
			third = prefix[2]
		}
	} else if first == "_" {
		m.wild = append(m.wild, p)
		return
	} else {
		s = p.pats[0].slot
	}
	cand := candidate{p: p, n: int16(len(p.pats)), from: 1}
	if len(p.pats) > 1 && p.pats[1].slot != nil {
		cand.next, cand.from = p.pats[1].slot, 2
	}
	cand.whole, cand.third = cand.from == cand.n, third
	s.phrases[m.id] = append(s.phrases[m.id], cand)
	s.has |= m.bit
}

// skips reports whether no phrase of the matcher can start at token t:
// the token's slots hold none and the matcher has no wild phrases.
func (m *matcher) skips(t *token) bool { return t.punct || t.has&m.bit == 0 && len(m.wild) == 0 }

// nextSlot is the exact slot of the token after i (nil at the end): the
// second word of a candidate must have it.
func nextSlot(toks []token, i int) *slot {
	if i+1 < len(toks) {
		return toks[i+1].exact
	}
	return nil
}

// fits reports whether candidate e matches at i, where next is
// nextSlot(toks, i) and the first word matched already (an exact slot's
// phrases). A token with a slot is a word, so a second word matched by
// its slot needs no more checks.
func (e *candidate) fits(toks []token, i int, next *slot) bool {
	return (e.next == nil || e.next == next) && (e.whole || e.p.matchesFrom(toks, i, int(e.from)))
}

// mayFitPrefix reports whether a candidate of a prefix slot, whose first
// word is a pattern still to be matched, may match a word w followed by a
// word with slot next: the test that reads only the candidate, before
// the phrase itself is matched.
func (e *candidate) mayFitPrefix(w string, next *slot) bool {
	return (e.next == nil || e.next == next) && (e.third == 0 || len(w) > 2 && w[2] == e.third)
}

// wordPattern is one word of a phrase: a word, a prefix ("frustrat*")
// or any word ("_").
type wordPattern struct {
	text   string // the word, or the prefix without its "*"
	slot   *slot  // a word of a matcher's phrase: its slot in the index
	prefix bool
	any    bool
}

func compileWords(words []string) []wordPattern {
	pats := make([]wordPattern, len(words))
	for i, w := range words {
		if w == "_" {
			pats[i].any = true
			continue
		}
		pats[i].text, pats[i].prefix = strings.CutSuffix(w, "*")
	}
	return pats
}

func (w *wordPattern) matches(t *token) bool {
	switch {
	case w.slot != nil:
		return t.exact == w.slot // annotated tokens: the same slot, the same word
	case w.any:
		return true
	case w.prefix:
		return strings.HasPrefix(t.text, w.text)
	}
	return w.text == t.text
}

// matches reports whether the phrase matches the tokens starting at i.
func (p *phrase) matches(toks []token, i int) bool { return p.matchesFrom(toks, i, 0) }

// matchesFrom is matches for a phrase whose first k words are known to
// match.
func (p *phrase) matchesFrom(toks []token, i, k int) bool {
	if i+len(p.pats) > len(toks) {
		return false
	}
	for ; k < len(p.pats); k++ {
		t := &toks[i+k]
		if t.punct || !p.pats[k].matches(t) {
			return false
		}
	}
	return true
}

// at yields every phrase matching the tokens starting at i; a phrase
// covers len(p.words) tokens. The tokens must have been annotated.
func (m *matcher) at(toks []token, i int) iter.Seq[*phrase] {
	return func(yield func(*phrase) bool) {
		t := &toks[i]
		if m.skips(t) {
			return
		}
		next := nextSlot(toks, i)
		if t.exact != nil {
			for k := range t.exact.phrases[m.id] {
				if e := &t.exact.phrases[m.id][k]; e.fits(toks, i, next) && !yield(e.p) {
					return
				}
			}
		}
		if t.prefix != nil {
			for k := range t.prefix.phrases[m.id] {
				if e := &t.prefix.phrases[m.id][k]; e.mayFitPrefix(t.text, next) && e.p.matches(toks, i) && !yield(e.p) {
					return
				}
			}
		}
		for _, p := range m.wild {
			if p.matches(toks, i) && !yield(p) {
				return
			}
		}
	}
}

// longest returns the longest phrase matching at i and the number of
// tokens it covers, or nil.
func (m *matcher) longest(toks []token, i int) (*phrase, int) {
	t := &toks[i]
	if m.skips(t) {
		return nil, 0
	}
	var best *phrase
	bestN := 0
	next := nextSlot(toks, i)
	if t.exact != nil {
		for k := range t.exact.phrases[m.id] {
			if e := &t.exact.phrases[m.id][k]; int(e.n) > bestN && e.fits(toks, i, next) {
				best, bestN = e.p, int(e.n)
			}
		}
	}
	if t.prefix != nil {
		for k := range t.prefix.phrases[m.id] {
			if e := &t.prefix.phrases[m.id][k]; int(e.n) > bestN && e.mayFitPrefix(t.text, next) && e.p.matches(toks, i) {
				best, bestN = e.p, int(e.n)
			}
		}
	}
	for _, p := range m.wild {
		if len(p.pats) > bestN && p.matches(toks, i) {
			best, bestN = p, len(p.pats)
		}
	}
	return best, bestN
}

// Written returns the words of sentence that a lexicon term matches, as
// written and lower-cased ("frustrat*" → "frustrating", "keeps _ hot" →
// "keeps coffee hot"), so that evidence reads as words; a plain term, or
// one the sentence does not hold, comes back without its pattern marks.
func Written(term, sentence string) string {
	if !strings.ContainsAny(term, "*_") {
		return term
	}
	words := strings.Fields(strings.ToLower(term))
	p := phrase{words: words, pats: compileWords(words)}
	toks := tokenize(nil, sentence)
	for i := range toks {
		if p.matches(toks, i) {
			out := make([]string, len(words))
			for k := range words {
				out[k] = toks[i+k].text
			}
			return strings.Join(out, " ")
		}
	}
	return strings.TrimSuffix(strings.ReplaceAll(term, " _", ""), "*")
}

// any reports whether a phrase of the matcher may start at token i (a
// cheap test before at).
func (m *matcher) any(toks []token, i int) bool {
	return len(m.wild) > 0 || toks[i].has&m.bit != 0
}
