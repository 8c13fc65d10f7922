package lang

import "unicode"

// EndsChineseSentence reports a rune that ends a Chinese sentence: 。！？；…
// and their ASCII forms ! ? ; (a full stop "." does not: in Chinese
// reviews it is mostly in sizes and prices). The analyzer's sentence split
// (pipeline/analyze) and the Chinese classifier's reading of a line that
// holds several sentences (classifiers) both go by it.
func EndsChineseSentence(r rune) bool {
	switch r {
	case '。', '！', '？', '；', '…', '!', '?', ';':
		return true
	}
	return false
}

// ClosesChineseSentence reports a closing quote or bracket that stays with
// the sentence an EndsChineseSentence rune ended before it: 「好！」.
func ClosesChineseSentence(r rune) bool {
	switch r {
	case '」', '』', '”', '’', '）', ')', '〉', '》', '"':
		return true
	}
	return false
}

// CapitalLetters returns the number of letters of s when every letter is
// upper case ("LOVE IT" 6, "TV" 2), and -1 when one is not: the test both
// the classifier's emphasis in capitals and the reports' shouted phrases
// read.
func CapitalLetters(s string) int {
	letters := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			if !unicode.IsUpper(r) {
				return -1
			}
			letters++
		}
	}
	return letters
}
