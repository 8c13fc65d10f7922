package classifiers

import (
	"strings"
	"unicode"
	"unicode/utf8"
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
func tokenize(toks []token, s string) []token {
	i := 0
	for i < len(s) {
		r, size := decodeRune(s[i:])
		switch {
		case unicode.IsSpace(r):
			i += size
		case isWordRune(r):
			j := i + size
			for j < len(s) {
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
			w := s[i:j]
			toks = append(toks, token{text: normalizeWord(w), start: i, end: j, caps: isCaps(w)})
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
			if matched {
				continue
			}
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
	}
	return toks
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

func isCaps(w string) bool {
	letters := 0
	for _, r := range w {
		if unicode.IsLetter(r) {
			if !unicode.IsUpper(r) {
				return false
			}
			letters++
		}
	}
	return letters >= 2
}
