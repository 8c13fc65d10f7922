package classifiers

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"jobminer/classifiers/lang"
)

// token is a word, emoticon, emoji or punctuation mark of a sentence.
type token struct {
	text       string // lower case; curly apostrophes made straight
	start, end int    // byte offsets in the sentence
	caps       bool   // written in capitals (two letters or more)
	punct      bool
	exact      *slot      // lexicon phrases starting with this word (see index)
	prefix     *slot      // … and with a pattern on its first two bytes
	has        matcherSet // the matchers with phrases in exact or prefix
	flags      wordFlags
}

func (t *token) is(f wordFlags) bool { return t.flags&f != 0 }

var emoticons = []string{":-)", ":-(", ":)", ":(", ":D", ":d", ";)", ":/"}

// tokenize appends the tokens of a sentence to toks. Words keep inner
// apostrophes and hyphens ("doesn't", "co-worker"); each emoji is a token;
// every other symbol is a punctuation token.
func tokenize(toks []token, s string) []token { return tokenizeIn(nil, toks, s) }

// tokenize appends the tokens of a sentence to toks, annotated: it is
// tokenize then annotate, in one pass over the words.
func (ix *index) tokenize(toks []token, s string) []token { return tokenizeIn(ix, toks, s) }

// tokenizeIn is tokenize, annotating the tokens when ix is not nil.
func tokenizeIn(ix *index, toks []token, s string) []token {
	i := 0
	for i < len(s) {
		r, size := decodeRune(s[i:])
		switch {
		case unicode.IsSpace(r):
			i += size
		case (r == 'h' || r == 'H' || r == 'w' || r == 'W') && urlAt(s, i):
			i = urlEnd(s, i) // a link is no words: "mood" in dcard.tw/f/mood/…
		case isWordRune(r):
			j := wordEnd(s, i+size)
			w := s[i:j]
			if ix == nil {
				text := normalizeWord(w)
				if full, ok := apostropheless(text); ok {
					text = full
				}
				toks = append(toks, token{text: text, start: i, end: j, caps: isCaps(w)})
			} else {
				t := token{start: i, end: j}
				var exact *slot
				t.text, t.caps, exact = ix.lookupWord(w)
				if full, ok := apostropheless(t.text); ok {
					t.text, exact = full, ix.exact.get(hashWord(full), full)
				}
				ix.mark(&t, exact)
				toks = append(toks, t)
			}
			i = j
		default:
			matched := false
			if r == ':' || r == ';' {
				for _, e := range emoticons {
					if strings.HasPrefix(s[i:], e) {
						toks = append(toks, token{text: strings.ToLower(e), start: i, end: i + len(e)})
						i += len(e)
						matched = true
						break
					}
				}
			}
			if !matched {
				j := i + size
				// Keep a variation selector with its emoji.
				for j < len(s) {
					r2, n2 := utf8.DecodeRuneInString(s[j:])
					if r2 != 0xFE0F && r2 != 0x200D {
						break
					}
					j += n2
				}
				toks = append(toks, token{text: s[i:j], start: i, end: j, punct: !isEmoji(r)})
				i = j
			}
			if t := &toks[len(toks)-1]; ix != nil && !t.punct {
				ix.mark(t, ix.exact.get(hashWord(t.text), t.text))
			}
		}
	}
	return toks
}

// urlAt reports a link starting at byte i: http://, https:// or www.
func urlAt(s string, i int) bool {
	if i+4 > len(s) || s[i+1]|0x20 != 't' && s[i+1]|0x20 != 'w' {
		return false // "have", "with", "when": most words that start so are no link
	}
	for _, p := range [...]string{"http://", "https://", "www."} {
		if len(s)-i >= len(p) && strings.EqualFold(s[i:i+len(p)], p) {
			return true
		}
	}
	return false
}

// urlEnd returns the end of the link at byte i: the next space, quote,
// angle bracket or full-width punctuation mark, or a closing bracket the
// link did not open ("(see https://youtu.be/x)it broke" ends before ")";
// "…/wiki/Mercury_(planet)" keeps its own).
func urlEnd(s string, i int) int {
	open := 0
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case unicode.IsSpace(r), r >= 0x3000 && r < 0x3040, r >= 0xFF00 && r <= 0xFF0F, r >= 0xFF1A && r <= 0xFF20,
			r >= 0xFF3B && r <= 0xFF40, r >= 0xFF5B && r <= 0xFF65:
			return i
		}
		switch r {
		case '"', '\'', '<', '>', '{', '}', '“', '”', '‘', '’':
			return i
		case '(', '[':
			open++
		case ')', ']':
			if open == 0 {
				return i
			}
			open--
		}
		i += n
	}
	return i
}

// wordEnd returns the end of the word whose rest starts at j: word runes,
// and an apostrophe or hyphen between two of them.
func wordEnd(s string, j int) int {
	for j < len(s) {
		if c := s[j]; c < utf8.RuneSelf && asciiWord[c] {
			j++
			continue
		}
		r2, n2 := decodeRune(s[j:])
		if isWordRune(r2) {
			j += n2
			continue
		}
		if (r2 == '\'' || r2 == '’' || r2 == '-') && j+n2 < len(s) {
			if r3, _ := utf8.DecodeRuneInString(s[j+n2:]); isWordRune(r3) {
				j += n2
				continue
			}
		}
		break
	}
	return j
}

// asciiWord marks the ASCII letters and digits.
var asciiWord = func() (t [utf8.RuneSelf]bool) {
	for c := range t {
		t[c] = isWordRune(rune(c))
	}
	return t
}()

// lookupWord returns a word's token text (normalizeWord), whether it is
// written in capitals (isCaps) and its exact slot in the index, reading
// an ASCII word once: a word the index holds needs no new string.
func (ix *index) lookupWord(w string) (text string, caps bool, exact *slot) {
	var buf [32]byte
	if len(w) > len(buf) {
		text = normalizeWord(w)
		return text, isCaps(w), ix.exact.get(hashWord(text), text)
	}
	h := uint64(fnvOffset)
	upper, lower := 0, 0
	for i := 0; i < len(w); i++ {
		c := w[i]
		switch {
		case c >= utf8.RuneSelf:
			text = normalizeWord(w)
			return text, isCaps(w), ix.exact.get(hashWord(text), text)
		case 'A' <= c && c <= 'Z':
			upper++
			c += 'a' - 'A'
		case 'a' <= c && c <= 'z':
			lower++
		}
		buf[i] = c
		h = (h ^ uint64(c)) * fnvPrime
	}
	caps = lower == 0 && upper >= 2
	if upper == 0 {
		if exact = ix.exact.get(h, w); exact == nil {
			if e := ix.respelt(buf[:len(w)]); e != nil {
				return e.word, caps, e
			}
		}
		return w, caps, exact
	}
	if exact = ix.exact.getBytes(h, buf[:len(w)]); exact != nil {
		return exact.word, caps, exact
	}
	if e := ix.respelt(buf[:len(w)]); e != nil {
		return e.word, caps, e
	}
	return string(buf[:len(w)]), caps, nil
}

// respelt looks up a word the index lacks as written in the forms a
// writer's emphasis or haste gives it: a letter held (elongated), the
// word spelt out in syllables ("A-MA-ZING": two hyphens or more, no part
// over four letters) or a final "l" doubled ("usefull", "wonderfull": the
// word of four letters or more without it; other doubled letters make
// real words of their own, "Caress", "puree"). nil when none of them is a
// word.
func (ix *index) respelt(lower []byte) *slot {
	if e := ix.elongated(lower); e != nil {
		return e
	}
	n := len(lower)
	hyphens, part, short := 0, 0, true
	for _, c := range lower {
		if c == '-' {
			hyphens++
			part = 0
			continue
		}
		if part++; part > 4 {
			short = false
		}
	}
	if hyphens >= 2 && short {
		var buf [32]byte
		k := 0
		for _, c := range lower {
			if c != '-' {
				buf[k] = c
				k++
			}
		}
		if w := string(buf[:k]); k >= 4 {
			return ix.exact.get(hashWord(w), w)
		}
		return nil
	}
	if n >= 5 && hyphens == 0 && lower[n-1] == 'l' && lower[n-2] == 'l' {
		w := string(lower[:n-1])
		return ix.exact.get(hashWord(w), w)
	}
	return nil
}

// elongated looks up a word written with a letter held ("looooove",
// "sooo", "goooood"): with each run of three or more letters cut to two,
// then to one, the other letters as written (nil when the word has no such
// run, is one letter repeated — "III", "zzz" — or neither form is a word;
// a result under three letters is taken only for "so": "weee" is no
// "we"). The token then reads as the word ("love"), in the rules and the
// model's word weights alike.
func (ix *index) elongated(lower []byte) *slot {
	run, same := false, true
	for i := range lower {
		if lower[i] != lower[0] {
			same = false
		}
		if i >= 2 && lower[i] == lower[i-1] && lower[i] == lower[i-2] && 'a' <= lower[i] && lower[i] <= 'z' {
			run = true
		}
	}
	if !run || same {
		return nil
	}
	for _, keep := range []int{2, 1} {
		var buf [32]byte
		n := 0
		for i := 0; i < len(lower); {
			j := i
			for j < len(lower) && lower[j] == lower[i] {
				j++
			}
			take := j - i // the run as written
			if take >= 3 {
				take = keep // only a held letter is cut
			}
			for k := 0; k < take; k++ {
				buf[n] = lower[i]
				n++
			}
			i = j
		}
		w := string(buf[:n])
		if n < 3 && w != "so" {
			continue
		}
		if e := ix.exact.get(hashWord(w), w); e != nil {
			return e
		}
	}
	return nil
}

// decodeRune is utf8.DecodeRuneInString with a shortcut for ASCII.
func decodeRune(s string) (rune, int) {
	if s[0] < utf8.RuneSelf {
		return rune(s[0]), 1
	}
	return utf8.DecodeRuneInString(s)
}

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

func isEmoji(r rune) bool { return r >= 0x2600 && unicode.Is(unicode.So, r) || r >= 0x1F000 }

func normalizeWord(w string) string {
	lower := true
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf || (c >= 'A' && c <= 'Z') {
			lower = false
			break
		}
	}
	if lower {
		return w
	}
	return strings.ReplaceAll(strings.ToLower(w), "’", "'")
}

// isCaps reports a word written in capitals: two letters or more, all
// upper case ("GREAT", "TV").
func isCaps(w string) bool {
	return lang.CapitalLetters(w) >= 2
}

// contractions are negative contractions as typed without the apostrophe
// ("dont waste your money", "doesnt work"): read as written with it, so
// that the cues and idioms written with one ("don't waste") match them.
var contractions = map[string]string{
	"dont": "don't", "doesnt": "doesn't", "didnt": "didn't", "cant": "can't", "couldnt": "couldn't",
	"wont": "won't", "wouldnt": "wouldn't", "shouldnt": "shouldn't", "isnt": "isn't", "wasnt": "wasn't",
	"arent": "aren't", "werent": "weren't", "hasnt": "hasn't", "havent": "haven't", "hadnt": "hadn't",
	"aint": "ain't",
}

// apostropheless returns the contraction a lower-case word without its
// apostrophe stands for (contractions).
func apostropheless(w string) (string, bool) {
	if len(w) < 4 || w[len(w)-2:] != "nt" {
		return "", false
	}
	full, ok := contractions[w]
	return full, ok
}
