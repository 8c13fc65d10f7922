package classifiers

// The scope of a word in its sentence: what a negation governs, whose
// feeling a feeling word is, whether "like" likes, and which tokens an
// idiom has already spoken for.

// insideSpan reports whether tokens [from, to) lie inside one of spans.
func insideSpan(spans [][2]int, from, to int) bool {
	for _, sp := range spans {
		if sp[0] <= from && to <= sp[1] {
			return true
		}
	}
	return false
}

// likesIt reports whether an emotional term with "like" in it, matched at
// i, says the writer likes something: not a comparison ("seems like it
// will last", "exactly like it said") and not a liked feature ("I like
// that it folds", "I like how it sweetens": a functional point).
func likesIt(toks []token, i int, p *phrase) bool {
	for k, w := range p.words {
		if w != "like" {
			continue
		}
		if prepositionLike(toks, i+k) {
			return false
		}
		if n := i + len(p.words); n+1 < len(toks) && (toks[n].text == "that" || toks[n].text == "how") && clauseSubject[toks[n+1].text] {
			return false
		}
	}
	return true
}

// clauseSubject holds the words that open a clause after "that"/"how"
// ("I like that it folds"), as against a determiner ("I like that color").
var clauseSubject = map[string]bool{"it": true, "it's": true, "its": true, "they": true, "they're": true, "the": true, "this": true,
	"you": true, "i": true, "we": true, "there": true, "he": true, "she": true, "my": true, "easy": true, "much": true, "well": true}

var thirdPersonFeeling = map[string]bool{"loves": true, "likes": true, "enjoys": true, "hates": true, "adores": true}

// firstPersonBefore reports whether "I" or "me" stands in the two tokens
// before i.
func (c *Classifier) firstPersonBefore(toks []token, i int) bool {
	for k := i - 1; k >= 0 && k >= i-2; k-- {
		switch toks[k].text {
		case "i", "me", "we", "us":
			return true
		}
	}
	return false
}

// negator returns the index of the negation in the three tokens before i
// (within the clause: up to punctuation or a contrast), or -1.
func (c *Classifier) negator(toks []token, i int) int {
	for k := 1; k <= 3 && i-k >= 0; k++ {
		t := &toks[i-k]
		if t.punct || isContrast(toks, i-k) || t.text == "although" || t.text == "though" {
			return -1 // "not perfect but good": the negation ends with its clause
		}
		if t.is(isNegation) {
			return i - k
		}
		if t.text == "longer" && i-k-1 >= 0 && toks[i-k-1].text == "no" {
			return i - k
		}
		// "has yet to fail", "have yet to see an error".
		if t.text == "to" && i-k-1 >= 0 && toks[i-k-1].text == "yet" {
			return i - k
		}
		// "takes away the stress", "got rid of the smell".
		if (t.text == "away" || t.text == "rid") && i-k-1 >= 0 && !toks[i-k-1].punct {
			return i - k
		}
	}
	// "My back pain is gone", "the itching went away".
	for k := 1; k <= 3 && i+k < len(toks) && !toks[i+k].punct; k++ {
		switch toks[i+k].text {
		case "gone", "disappeared", "vanished":
			return i + k
		case "away":
			if prev := toks[i+k-1].text; prev == "went" || prev == "goes" || prev == "go" {
				return i + k
			}
		}
	}
	return -1
}

// otherSubject reports whether the feeling at i belongs to someone else:
// a person word or he/she/they stands before it in the clause and no
// first-person pronoun comes between.
func (c *Classifier) otherSubject(toks []token, i int) bool {
	for k := i - 1; k >= 0 && k >= i-5; k-- {
		t := toks[k].text
		if toks[k].punct {
			return false
		}
		switch t {
		case "i", "i'm", "i've", "me", "we", "we're", "us":
			return false
		case "he", "she", "they", "he's", "she's", "they're", "everyone", "everybody", "you", "you'll", "you're", "your", "anyone", "anybody":
			return true
		}
		if toks[k].is(isPerson) {
			return true
		}
	}
	return false
}

// andBetween reports an "and" between a negation at k and an idiom at i:
// the idiom then stands on its own ("no complaints and just what I
// needed").
func andBetween(toks []token, k, i int) bool {
	for j := k + 1; j < i; j++ {
		if toks[j].text == "and" {
			return true
		}
	}
	return false
}

// insideNegatedCue reports whether token i lies inside a cue already hit
// that starts with a negation ("shouldn't have to", "doesn't fit"): a
// shorter cue inside it ("have to", "fit") is no cue of its own, and must
// not flip and use up the longer one's negation.
func insideNegatedCue(toks []token, hits []cueHit, i int) bool {
	for _, h := range hits {
		if h.at < i && i < h.at+len(h.p.words) && toks[h.at].is(isNegation) {
			return true
		}
	}
	return false
}

// holdsNegation reports a cue found earlier that holds the n tokens of
// a cue at i and a negation word inside it at or before i: the cue at i is
// part of it ("not" and "have to" in "should not have to"), and the
// negation is the longer cue's own, not one that flips the shorter. A cue
// that runs past the longer one ("not work" after "would not") is not.
func holdsNegation(toks []token, hits []cueHit, i, n int) bool {
	for _, h := range hits {
		if h.at < i && i+n <= h.at+len(h.p.words) {
			for k := h.at + 1; k <= i; k++ {
				if toks[k].is(isNegation) {
					return true
				}
			}
		}
	}
	return false
}
