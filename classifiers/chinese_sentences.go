package classifiers

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// runeSpan is a span of a text in rune indexes: [start, end).
type runeSpan struct{ start, end int }

// zhSentences returns the sentences of a Chinese text (lower-cased, with
// its runes' byte offsets off and len(text) last) as rune spans covering
// it whole: a sentence ends after a run of 。！？；… ! ? ;, at a line break,
// and at "^n" (a Shopee export's line break), as the analyzer splits them
// (pipeline/analyze SplitChinese). A text without a break is one sentence.
func zhSentences(text string, off []int) []runeSpan {
	runes := len(off) - 1
	var out []runeSpan
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
		case zhEnd(r):
			for i+1 < runes {
				next, _ := utf8.DecodeRuneInString(text[off[i+1]:])
				if !zhEnd(next) && !strings.ContainsRune("」』”’）)〉》\"", next) {
					break
				}
				i++
			}
			end = i + 1
		}
		if end > 0 {
			out = append(out, runeSpan{start, end})
			start = end
		}
	}
	if start < runes || len(out) == 0 {
		out = append(out, runeSpan{start, runes})
	}
	return out
}

// zhEnd reports a rune that ends a Chinese sentence.
func zhEnd(r rune) bool {
	switch r {
	case '。', '！', '？', '；', '…', '!', '?', ';':
		return true
	}
	return false
}

// zhQuestion reports whether a Chinese sentence asks: a question mark, or
// 嗎 at its end; a sentence with no word in it asks nothing.
func zhQuestion(sentence string) bool {
	trimmed := strings.TrimFunc(sentence, func(r rune) bool { return unicode.IsPunct(r) || unicode.IsSpace(r) || r == '^' })
	if trimmed == "" || trimmed == "n" {
		return false
	}
	return strings.ContainsAny(sentence, "？?") || strings.HasSuffix(trimmed, "嗎")
}
