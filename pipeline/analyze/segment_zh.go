package analyze

import (
	"strings"
	"unicode/utf8"

	"jobminer/classifiers/lang"
)

// SplitChinese returns the sentences of a Chinese text: they end at 。！？；…
// and their ASCII forms ! ? ; (a run of them, and the closing quotes and
// brackets after, stay with the sentence), at line breaks, and at "^n",
// which Shopee exports write for a line break. A full stop "." does not end
// one: in Chinese reviews it is mostly in sizes and prices ("1.5", "L.").
func SplitChinese(text string) []Span {
	var out []Span
	start := 0
	emit := func(a, b int) {
		for a < b {
			r, n := utf8.DecodeRuneInString(text[a:])
			if !isZhSpace(r) {
				break
			}
			a += n
		}
		for b > a {
			r, n := utf8.DecodeLastRuneInString(text[:b])
			if !isZhSpace(r) {
				break
			}
			b -= n
		}
		if a < b {
			out = append(out, Span{Start: a, End: b, Text: text[a:b]})
		}
	}
	for i := 0; i < len(text); {
		if strings.HasPrefix(text[i:], "^n") {
			emit(start, i)
			i += 2
			start = i
			continue
		}
		r, n := utf8.DecodeRuneInString(text[i:])
		switch {
		case r == '\n' || r == '\r':
			emit(start, i)
			start = i + n
		case lang.EndsChineseSentence(r):
			j := i + n
			for j < len(text) {
				r2, n2 := utf8.DecodeRuneInString(text[j:])
				if !lang.EndsChineseSentence(r2) && !lang.ClosesChineseSentence(r2) {
					break
				}
				j += n2
			}
			emit(start, j)
			start, i = j, j
			continue
		}
		i += n
	}
	emit(start, len(text))
	return out
}

func isZhSpace(r rune) bool { return r == ' ' || r == '\t' || r == '\u3000' || r == '\r' || r == '\n' }
