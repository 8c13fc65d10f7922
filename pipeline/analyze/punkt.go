package analyze

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"gopkg.in/neurosnap/sentences.v1"
)

// punkt finds sentence boundaries exactly as the English Punkt tokenizer
// of gopkg.in/neurosnap/sentences does (the one github.com/jdkato/prose/v2
// segments with, english.NewSentenceTokenizer): the same trained model
// (abbreviations, collocations, sentence starters, orthographic
// contexts) and the same steps — word tokens around sentence punctuation,
// the type-based, token-based and multi-period annotations — without
// regular expressions and with one allocation per paragraph instead of
// several per token. TestPunktMatchesLibrary holds the two to the same
// output.
type punkt struct {
	model *sentences.Storage
	pool  sync.Pool // *punktScratch
}

// ptoken is a word next to sentence punctuation, as the library's Token.
type ptoken struct {
	tok                                   string
	pos                                   int // byte offset just after the word
	sentBreak, abbr, paraStart, lineStart bool
}

type punktScratch struct {
	toks []ptoken
	key  []byte
}

// Orthographic context flags of the trained model (sentences/ortho.go).
const (
	orthoBegUc = 1 << 1
	orthoMidUc = 1 << 2
	orthoUnkUc = 1 << 3
	orthoBegLc = 1 << 4
	orthoMidLc = 1 << 5
	orthoUnkLc = 1 << 6
	orthoUc    = orthoBegUc + orthoMidUc + orthoUnkUc
	orthoLc    = orthoBegLc + orthoMidLc + orthoUnkLc
)

func newPunkt(model *sentences.Storage) *punkt {
	p := &punkt{model: model}
	p.pool.New = func() any { return new(punktScratch) }
	return p
}

// breaks appends to dst the end offsets of the sentences of text, the
// last one len(text); none for empty text.
func (p *punkt) breaks(dst []int, text string) []int {
	sc := p.pool.Get().(*punktScratch)
	defer p.pool.Put(sc)
	sc.toks = wordTokens(sc.toks[:0], text)
	toks := sc.toks
	for i := range toks {
		p.typeAnnotation(&toks[i])
	}
	for i := 0; i+1 < len(toks); i++ {
		p.tokenAnnotation(sc, &toks[i], &toks[i+1])
	}
	for i := 0; i+1 < len(toks); i++ {
		p.multiPeriodAnnotation(&toks[i], &toks[i+1])
	}
	last := 0
	for i := range toks {
		if toks[i].sentBreak {
			dst = append(dst, toks[i].pos)
			last = toks[i].pos
		}
	}
	if last != len(text) {
		dst = append(dst, len(text))
	}
	return dst
}

// wordTokens keeps the words that hold sentence punctuation and the word
// after each (DefaultWordTokenizer.Tokenize with onlyPeriodContext).
func wordTokens(toks []ptoken, text string) []ptoken {
	n := len(text)
	if n == 0 {
		return toks
	}
	lastSpace := 0
	lineStart, paraStart, nextWord := false, false, false
	for i, r := range text {
		if !unicode.IsSpace(r) && i != n-1 {
			continue
		}
		if r == '\n' {
			if lineStart {
				paraStart = true
			}
			lineStart = true
		}
		cursor := i
		if i == n-1 {
			cursor = n
		}
		word := strings.TrimSpace(text[lastSpace:cursor])
		if word == "" {
			continue
		}
		punct := hasSentPunct(word)
		if !punct && !nextWord {
			lastSpace = cursor
			continue
		}
		toks = append(toks, ptoken{tok: word, pos: cursor, paraStart: paraStart, lineStart: lineStart})
		lastSpace = cursor
		lineStart, paraStart = false, false
		nextWord = punct
	}
	if len(toks) == 0 {
		toks = append(toks, ptoken{tok: text, pos: n})
	}
	return toks
}

// typeAnnotation is the first pass: "?" and "!" end sentences, and so
// does a final period unless the word is a known abbreviation.
func (p *punkt) typeAnnotation(t *ptoken) {
	switch {
	case hasSentEndChars(t.tok):
		t.sentBreak = true
	case strings.HasSuffix(t.tok, ".") && !strings.HasSuffix(t.tok, ".."):
		// The library cuts as many bytes as the word has characters.
		noPeriod := strings.ToLower(t.tok[:utf8.RuneCountInString(t.tok)-1])
		lastPart := noPeriod[strings.LastIndexByte(noPeriod, '-')+1:]
		if p.model.AbbrevTypes.Has(noPeriod) || p.model.AbbrevTypes.Has(lastPart) {
			t.abbr = true
		} else {
			t.sentBreak = true
		}
	}
}

// tokenAnnotation is the second pass over a word ending in a period and
// the word after it: collocations, abbreviations followed by a sentence
// starter, spaced ellipses, initials and ordinals.
func (p *punkt) tokenAnnotation(sc *punktScratch, one, two *ptoken) {
	if !strings.HasSuffix(one.tok, ".") {
		return
	}
	typ := typeNoPeriod(one)
	nextTyp := typeNoSentPeriod(two)
	initial := isInitial(one.tok)
	sc.key = append(append(append(sc.key[:0], typ...), ','), nextTyp...)
	if p.model.Collocations[string(sc.key)] != 0 {
		one.sentBreak, one.abbr = false, true
		return
	}
	if (one.abbr || strings.HasSuffix(one.tok, "..")) && !initial {
		if p.ortho(two) == 1 || firstUpper(two.tok) && p.model.SentStarters[nextTyp] != 0 {
			one.sentBreak = true
			return
		}
	}
	if one.tok == "." && two.tok == "." {
		one.sentBreak, two.sentBreak = false, false
		return
	}
	if initial || typ == "##number##" {
		h := p.ortho(two)
		if h == 0 || h == -1 && initial && firstUpper(two.tok) && p.model.OrthoContext[nextTyp]&orthoLc == 0 {
			one.sentBreak, one.abbr = false, true
		}
	}
}

// multiPeriodAnnotation is the English pass for words with inner periods
// ("U.S.", "e.g."): abbreviations, sentence breaks only before a sentence
// starter.
func (p *punkt) multiPeriodAnnotation(one, two *ptoken) {
	if !hasMultiPeriod(one.tok) || isInitial(one.tok) {
		return
	}
	one.abbr, one.sentBreak = true, false
	if p.ortho(two) == 1 || firstUpper(two.tok) && p.model.SentStarters[typeNoSentPeriod(two)] != 0 {
		one.sentBreak = true
	}
}

// ortho is the orthographic heuristic: 1 if the word starts a sentence,
// 0 if it does not, -1 if the model cannot tell.
func (p *punkt) ortho(t *ptoken) int {
	if len(t.tok) == 1 && strings.IndexByte(";:,.!?", t.tok[0]) >= 0 {
		return 0
	}
	ctx := p.model.OrthoContext[typeNoSentPeriod(t)]
	if firstUpper(t.tok) && ctx&orthoLc > 0 && ctx&orthoMidUc == 0 {
		return 1
	}
	if firstLower(t.tok) && (ctx&orthoUc > 0 || ctx&orthoBegLc == 0) {
		return 0
	}
	return -1
}

// wordType is the case-folded word with a trailing number made
// "##number##" and commas dropped (DefaultWordTokenizer.Type).
func wordType(tok string) string {
	typ := numberType(strings.ToLower(tok))
	if len(typ) == 1 {
		return typ
	}
	return strings.ReplaceAll(typ, ",", "")
}

func typeNoPeriod(t *ptoken) string {
	typ := wordType(t.tok)
	if len(typ) > 1 && typ[len(typ)-1] == '.' {
		return typ[:len(typ)-1]
	}
	return typ
}

func typeNoSentPeriod(t *ptoken) string {
	if t.sentBreak {
		return typeNoPeriod(t)
	}
	return wordType(t.tok)
}

// numberType replaces the leftmost suffix matching
// `-?[\.,]?\d[\d,\.-]*\.?$` with "##number##".
func numberType(s string) string {
	j := len(s)
	for j > 0 && isNumberByte(s[j-1]) {
		j--
	}
	for i := j; i < len(s); i++ {
		k := i
		if s[k] == '-' {
			k++
		}
		if k < len(s) && (s[k] == '.' || s[k] == ',') {
			k++
		}
		if k < len(s) && s[k] >= '0' && s[k] <= '9' {
			return s[:i] + "##number##"
		}
	}
	return s
}

func isNumberByte(c byte) bool { return c >= '0' && c <= '9' || c == ',' || c == '.' || c == '-' }

var (
	sentEnders       = []string{`."`, `.'`, `.)`, `.’`, `.”`, `?`, `?"`, `?'`, `?)`, `?’`, `?”`, `!`, `!"`, `!'`, `!)`, `!’`, `!”`}
	sentEndersInside = []string{`.[`, `.(`, `."`, `.'`, `?[`, `?(`, `![`, `!(`}
)

// hasSentEndChars reports "?" or "!" anywhere at the end, or a period,
// "?" or "!" followed by a closing quote or bracket
// (english.WordTokenizer.HasSentEndChars).
func hasSentEndChars(tok string) bool {
	if !hasSentPunct(tok) {
		return false // every ender holds one
	}
	for _, e := range sentEnders {
		if strings.HasSuffix(tok, e) {
			return true
		}
	}
	for _, e := range sentEndersInside {
		if strings.Contains(tok, e) {
			return true
		}
	}
	return false
}

// hasSentPunct reports a ".", "!" or "?" in tok (strings.ContainsAny
// without building its set on every call).
func hasSentPunct(tok string) bool {
	for i := 0; i < len(tok); i++ {
		switch tok[i] {
		case '.', '!', '?':
			return true
		}
	}
	return false
}

// isInitial matches `^[A-Za-z]\.$`.
func isInitial(tok string) bool {
	return len(tok) == 2 && tok[1] == '.' && (tok[0]|0x20 >= 'a' && tok[0]|0x20 <= 'z')
}

// hasMultiPeriod matches `((?:[\w]\.)+[\w]*\.)` anywhere: a word
// character and a period, later followed by a period with only word
// characters between.
func hasMultiPeriod(tok string) bool {
	for i := 0; i+1 < len(tok); i++ {
		if !isWordByte(tok[i]) || tok[i+1] != '.' {
			continue
		}
		k := i + 2
		for k < len(tok) && isWordByte(tok[k]) {
			k++
		}
		if k < len(tok) && tok[k] == '.' {
			return true
		}
	}
	return false
}

func isWordByte(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_'
}

func firstUpper(tok string) bool {
	r, _ := utf8.DecodeRuneInString(tok)
	return tok != "" && unicode.IsUpper(r)
}

func firstLower(tok string) bool {
	r, _ := utf8.DecodeRuneInString(tok)
	return tok != "" && unicode.IsLower(r)
}
