package aspect

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// tok is a word or punctuation mark of a sentence, with byte offsets.
type tok struct {
	lower      string
	start, end int
	shape      string
}

// tokenize splits s into words and punctuation. A word keeps inner
// hyphens, dots, slashes and apostrophes between letters or digits
// ("DV4-1222nr", "i5", "wi-fi"), but a possessive "'s" is a token of its
// own so "Apple's keyboard" has "Apple" and "keyboard" as words.
func tokenize(dst []tok, s string) []tok {
	i := 0
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		if unicode.IsSpace(r) {
			i += n
			continue
		}
		if !isWord(r) {
			dst = append(dst, tok{lower: s[i : i+n], start: i, end: i + n, shape: "p"})
			i += n
			continue
		}
		j := i + n
		for j < len(s) {
			r2, n2 := utf8.DecodeRuneInString(s[j:])
			if isWord(r2) {
				j += n2
				continue
			}
			if strings.ContainsRune("-'’./&+", r2) && j+n2 < len(s) {
				r3, _ := utf8.DecodeRuneInString(s[j+n2:])
				if isWord(r3) && !possessive(s[j+n2:]) {
					j += n2
					continue
				}
			}
			break
		}
		w := s[i:j]
		dst = append(dst, tok{lower: strings.ToLower(strings.ReplaceAll(w, "’", "'")), start: i, end: j, shape: shapeOf(w)})
		i = j
	}
	return dst
}

func possessive(rest string) bool {
	if len(rest) == 0 || (rest[0] != 's' && rest[0] != 'S') {
		return false
	}
	if len(rest) == 1 {
		return true
	}
	r, _ := utf8.DecodeRuneInString(rest[1:])
	return !isWord(r)
}

func isWord(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// shapeOf sums up how a word is written: capitalised, all capitals, with
// digits, or plain lower case.
func shapeOf(w string) string {
	upper, lower, digit := 0, 0, 0
	first := true
	firstUpper := false
	for _, r := range w {
		switch {
		case unicode.IsUpper(r):
			upper++
			if first {
				firstUpper = true
			}
		case unicode.IsLower(r):
			lower++
		case unicode.IsDigit(r):
			digit++
		}
		first = false
	}
	switch {
	case digit > 0 && upper+lower > 0:
		return "an"
	case digit > 0:
		return "d"
	case upper > 1 && lower == 0:
		return "A"
	case firstUpper && upper == 1:
		return "Aa"
	case upper > 0:
		return "aA"
	}
	return "a"
}

// IsWord reports whether w is read as one word by the aspect tokenizer
// (so a table keyed by it can be looked up).
func IsWord(w string) bool {
	t := tokenize(nil, w)
	return len(t) == 1 && t[0].shape != "p"
}
