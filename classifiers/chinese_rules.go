package classifiers

import "unicode/utf8"

// Small rules of the Chinese classifier (chinese.go): clause breaks, the
// words a negation reaches over, and the social rule.

// breakBetween reports whether a clause break (punctuation, a space, an
// emoji) stands between runes from and to.
func breakBetween(text string, off []int, from, to int) bool {
	for k := from; k < to; k++ {
		r, _ := utf8.DecodeRuneInString(text[off[k]:])
		if isBreakRune(r) {
			return true
		}
	}
	return false
}

// chineseQuantifiers may stand between a negation and the word it denies
// ("沒什麼", "沒其他", "沒任何"), in both scripts.
var chineseQuantifiers = map[string]bool{"什麼": true, "什么": true, "甚麼": true, "其他": true, "任何": true, "啥": true}

// socialWithVerdict applies the rule that a person named in a sentence
// with no verdict is no social result (「今天和朋友去逛街」; a gift or a
// recommendation is): peopleOnly is the social weight of person words.
func socialWithVerdict(scores Scores, peopleOnly float64, polarity string) Scores {
	if polarity == Neutral && scores.Social >= 1 && scores.Social-peopleOnly < 1 {
		scores.Social -= peopleOnly
	}
	return scores
}

// outcomesOf lists the dimensions whose score is 1 or more (none for a
// question).
func outcomesOf(scores Scores, question bool) []string {
	if question {
		return nil
	}
	var out []string
	for _, d := range Dimensions {
		if scores.Of(d) >= 1 {
			out = append(out, d)
		}
	}
	return out
}
