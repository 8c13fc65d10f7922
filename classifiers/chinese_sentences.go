package classifiers

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"jobminer/classifiers/lang"
)

// runeSpan is a span of a text in rune indexes: [start, end).
type runeSpan struct{ start, end int }

// zhSentences appends to dst the sentences of a Chinese text (lower-cased,
// with its runes' byte offsets off and len(text) last) as rune spans that
// cover it whole: a sentence ends after a run of 。！？；… ! ? ; (with the
// quotes and brackets that close it), at a line break, and after "^n" (a
// Shopee export's line break), where the analyzer splits them (pipeline/
// analyze SplitChinese); the break and the spaces after it stay in the
// span they end, and a span may hold no word at all (a trailing emoji).
func zhSentences(dst []runeSpan, text string, off []int) []runeSpan {
	runes := len(off) - 1
	start := 0
	for i := 0; i < runes; i++ {
		r, _ := utf8.DecodeRuneInString(text[off[i]:])
		end := -1
		switch {
		case r == '^' && strings.HasPrefix(text[off[i]:], "^n"):
			i++
			end = i + 1
		case r == '\n' || r == '\r':
			end = i + 1
		case lang.EndsChineseSentence(r):
			for i+1 < runes {
				next, _ := utf8.DecodeRuneInString(text[off[i+1]:])
				if !lang.EndsChineseSentence(next) && !lang.ClosesChineseSentence(next) {
					break
				}
				i++
			}
			end = i + 1
		}
		if end > 0 {
			dst = append(dst, runeSpan{start, end})
			start = end
		}
	}
	if start < runes || len(dst) == 0 {
		dst = append(dst, runeSpan{start, runes})
	}
	return dst
}

// sentenceText is a sentence span's text without its "^n" breaks.
func sentenceText(text string, off []int, sp runeSpan) string {
	return strings.ReplaceAll(text[off[sp.start]:off[sp.end]], "^n", "")
}

// hasWord reports whether a text holds a letter (a Han character counts):
// a span of punctuation, spaces or emoji says nothing.
func hasWord(s string) bool {
	return strings.IndexFunc(s, unicode.IsLetter) >= 0
}

// zhAllQuestions reports whether a Chinese text asks and says nothing
// else: each of its sentences that holds a word asks (a question mark, 嗎
// at its end, or 請問 at its start), and one does. 「這個好用嗎？^n有人用過嗎」 asks;
// 「很好用。請問有黑色嗎？」 does not only ask.
func zhAllQuestions(text string, off []int, sentences []runeSpan) bool {
	asked := false
	for _, sp := range sentences {
		t := sentenceText(text, off, sp)
		if !hasWord(t) {
			continue
		}
		trimmed := strings.TrimRightFunc(t, func(r rune) bool { return !unicode.IsLetter(r) && r != '？' && r != '?' })
		opened := strings.TrimLeftFunc(t, func(r rune) bool { return !unicode.IsLetter(r) })
		if !strings.ContainsAny(t, "？?") && !strings.HasSuffix(trimmed, "嗎") && !strings.HasSuffix(trimmed, "吗") &&
			!strings.HasPrefix(opened, "請問") && !strings.HasPrefix(opened, "请问") { // 「請問…」 asks, with or without a mark
			return false
		}
		asked = true
	}
	return asked
}

// contentStart returns the rune index of a sentence span's first rune
// that is neither a space nor a break (its end when it has none).
func contentStart(text string, off []int, sp runeSpan) int {
	for k := sp.start; k < sp.end; k++ {
		r, _ := utf8.DecodeRuneInString(text[off[k]:])
		if !unicode.IsSpace(r) {
			return k
		}
	}
	return sp.end
}
