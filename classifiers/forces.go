package classifiers

import (
	"slices"
	"strings"
)

// The switching force of a sentence (docs/LABELLING.md, "Customer segment,
// switching force, touchpoint"), from the cues of forces.tsv. Besides the
// four forces the table has kinds that make a force only together, or
// with the sentence's polarity:
//
//   - old: the previous product or way ("my old one", "I used to"); a push
//     in a pain sentence or with a trouble cue, a pull in a gain sentence.
//   - compare: a comparison. When the cue ends in the word that introduces
//     the other side ("than", "compared to", "instead of", "unlike"), that
//     side must be an alternative: another product, brand or way, the old
//     one, the past ("than before", "than ever"); not an expectation ("than
//     I expected"), a quantity ("more than a serving"), this product
//     ("than this"), an exception ("other than that") or people ("unlike
//     other reviewers"). A clear alternative ("than my old one", "than any
//     other") makes a pull in any sentence but a pain one; a mere other
//     thing ("than the Echo") only in a gain sentence.
//   - trouble: the old thing failed ("broke", "stopped working"): a push
//     with an old or replace cue.
//   - replace: the purchase replaced something: a push with a trouble cue.
//   - gain: a pull only in a gain sentence (a change for the better, "can
//     finally", "anymore"; a deal that drew them, "on sale").
//   - worse: a comparative against the product ("worse", "slower"): the
//     comparison right after it is no pull.

// forceKinds are the labels of forces.tsv: the forces and the kinds above.
var forceKinds = append(slices.Clone(Forces), "old", "compare", "trouble", "replace", "gain", "worse")

// forceHit is a forces.tsv cue found in a sentence: its kind and the
// tokens [i, i+n) it covers.
type forceHit struct {
	kind string
	i, n int
}

// Sides of a comparison: what the words after "than" (or "compared to",
// "instead of", …) compare the product with.
const (
	noSide    = iota // an expectation, a quantity, this product, people: not an alternative
	someSide         // some other thing, perhaps another product ("than the Echo")
	clearSide        // another product or way for sure ("than my old one", "than ever", "than other brands")
)

// sentenceForce returns the force of a sentence of the given polarity
// from its cues, or "".
func (c *Classifier) sentenceForce(sentence string, toks []token, hits []forceHit, polarity string) string {
	force := len(Forces)
	set := func(f string) {
		force = min(force, slices.Index(Forces, f))
	}
	var old, trouble, replace, gain bool
	oldFree := false  // an old cue outside a comparison's other side
	compare := noSide // the clearest side compared with
	for _, h := range hits {
		switch h.kind {
		case "anxiety":
			switch anxietyNegated(toks, h.i) {
			case 0:
				set("anxiety")
			case 2: // "no longer have to worry": the gain of the switch
				set("pull")
			}
		case "old":
			old = true
			oldFree = oldFree || !insideComparison(toks, hits, h.i)
		case "compare":
			if s := c.comparisonSide(sentence, toks, hits, h); s > compare {
				compare = s
			}
		case "trouble":
			trouble = true
		case "replace":
			replace = true
		case "gain":
			gain = true
		case "worse":
		case "habit":
			// "longer than what I am used to" compares with the old way
			// rather than holding on to it.
			if !insideComparison(toks, hits, h.i) {
				set("habit")
			}
		default:
			set(h.kind)
		}
	}
	switch {
	case force < len(Forces):
		return Forces[force]
	case trouble && (old || replace): // the old one failed them
		return "push"
	case oldFree && polarity == Pain: // trouble with the old one or the old way
		return "push"
	case compare == clearSide && polarity != Pain:
		return "pull"
	case (gain || compare == someSide || old && !replace) && polarity == Gain:
		// Better than the old, or than others. A replacement the old one
		// did not fail makes no force of its own.
		return "pull"
	}
	return ""
}

// anxietyNegated reports whether the worry of the cue at i is denied in
// the four words before it: 1 for a plain denial ("no worries"), 2 for
// one that needs no worrying any more ("don't have to worry", "no need
// to worry"), 0 when it stands.
func anxietyNegated(toks []token, i int) int {
	denied, need := false, false
	for k := i - 1; k >= 0 && k >= i-4; k-- {
		t := &toks[k]
		if t.punct || t.is(isBreak) {
			break
		}
		switch t.text {
		case "no", "without", "nothing", "never":
			denied = true
		case "have", "need", "needs":
			need = true
		default:
			if denies(t.text) && need {
				denied = true
			}
		}
	}
	switch {
	case denied && need:
		return 2
	case denied:
		return 1
	}
	return 0
}

// insideComparison reports whether token i lies on the other side of a
// comparison cue ("better than my old one").
func insideComparison(toks []token, hits []forceHit, i int) bool {
	for _, h := range hits {
		if h.kind == "compare" && h.i < i && i <= h.i+h.n+6 {
			return true
		}
	}
	return false
}

// comparisonSide says what a compare cue compares with: for a cue that
// ends in the word before the other side, the words after it; any other
// cue ("tried several", "the only one that") is some other thing.
func (c *Classifier) comparisonSide(sentence string, toks []token, hits []forceHit, h forceHit) int {
	last := toks[h.i+h.n-1].text
	switch last {
	case "than", "unlike", "over", "vs", "versus":
	case "to", "with", "of": // "compared to", "in comparison to", "instead of"
		if h.n < 2 {
			return someSide
		}
		switch toks[h.i+h.n-2].text {
		case "compared", "comparison", "it", "instead":
		default:
			return someSide
		}
	default:
		return someSide
	}
	if last == "than" && h.i > 0 {
		switch toks[h.i-1].text {
		case "other": // "other than that": an exception
			return noSide
		}
		if c.againstProduct(toks, hits, h.i) {
			return noSide
		}
	}
	// The other side: the words after the cue, to a clause break, at most
	// six.
	from := h.i + h.n
	to := from
	for to < len(toks) && to-from < 6 && !toks[to].punct && !(to > from && toks[to].is(isBreak)) {
		to++
	}
	side := toks[from:to]
	if len(side) == 0 {
		return noSide
	}
	words := make([]string, len(side))
	for k := range side {
		words[k] = side[k].text
	}
	first := words[0]
	if slices.ContainsFunc(words, isPeopleWord) || slices.ContainsFunc(words, isExpectationWord) {
		return noSide
	}
	switch first {
	case "in", "at", "on", "from", "with", "for", "to": // "cheaper than at the store"
		if len(words) == 1 {
			return noSide
		}
		words, side, first = words[1:], side[1:], words[1]
	}
	if isCount(first) {
		return noSide
	}
	if last == "than" && h.i > 0 {
		switch toks[h.i-1].text {
		case "more", "less", "fewer", "longer":
			// "more than a serving", "less than an hour": a quantity;
			// "more than pleasantly surprised", "more than happy": a degree.
			switch first {
			case "a", "an", "one":
				return noSide
			}
			if class := c.aspects.WordClass(first); strings.HasPrefix(class, "R") || strings.HasPrefix(class, "J") || strings.HasPrefix(class, "V") {
				return noSide
			}
		}
	}
	// A clause with a subject ("than I thought", "than I used to"): the
	// past is an alternative, anything else an expectation.
	clause := false
	switch first {
	case "i", "we", "you", "he", "she", "they", "i'd", "i've", "we've", "you'd", "you'll", "it's", "what", "i'm", "we're", "you're", "he's", "she's", "they're":
		clause = true
	case "this", "that", "it", "these", "itself", "not", "without", "nothing", "none", "half", "double", "twice", "$", "£", "€":
		return noSide
	}
	for k, w := range words {
		if pastWords[w] || (w == "used" && k+1 < len(words) && words[k+1] == "to") {
			return clearSide
		}
	}
	if clause {
		return noSide
	}
	for _, w := range words {
		if alternativeWords[w] {
			return clearSide
		}
	}
	if last == "than" && (describes(toks, h.i) || measures(toks, h.i)) {
		return noSide
	}
	switch first {
	case "my", "our", "his", "her", "their", "those": // the customer's other thing
		return clearSide
	}
	// Any other thing: perhaps another product ("than the Echo"), or a
	// part of the product, which the aspect tagger knows ("liked the broth
	// more than the noodles").
	if c.namesAspect(sentence, toks, h.i, side) {
		return noSide
	}
	return someSide
}

// againstProduct reports a comparative against the product right before
// the "than" at i: a forces.tsv "worse" cue ending there, a word of
// negative valence ("weaker"), "more" with one ("more difficult") or
// "less" with a positive one ("less comfortable").
func (c *Classifier) againstProduct(toks []token, hits []forceHit, i int) bool {
	for _, h := range hits {
		if h.kind == "worse" && h.i+h.n == i {
			return true
		}
	}
	if i == 0 {
		return false
	}
	// A denied comparison: "no better than", "nothing more special than".
	for k := i - 1; k >= 0 && k >= i-4; k-- {
		if toks[k].punct {
			break
		}
		if denies(toks[k].text) {
			return true
		}
	}
	v := c.wordValence(toks, i-1)
	if i >= 2 {
		switch toks[i-2].text {
		case "more":
			return v < 0
		case "less":
			return v > 0
		}
	}
	return v < 0
}

// measures reports a "than" at i after a comparative that only measures
// ("thicker than the classic Essies", "louder than the dot", "bigger than
// my palm"): the other side is a scale, not what drew the customer.
// Comparatives of preference ("better", "quieter", "sharper", "cheaper",
// "faster") compare, whatever their valence.
func measures(toks []token, i int) bool {
	return i > 0 && measureWords[toks[i-1].text]
}

// measureWords are the comparatives of size, weight, colour and texture
// that the annotators read as description, not preference.
var measureWords = map[string]bool{"thicker": true, "thinner": true, "bigger": true, "smaller": true, "larger": true, "wider": true,
	"narrower": true, "taller": true, "heavier": true, "louder": true, "darker": true, "runnier": true, "denser": true,
	"higher": true, "lower": true}

// describes reports a "than" at i that describes rather than compares:
// "more of a treat than a soap".
func describes(toks []token, i int) bool {
	for k := i - 1; k >= 1 && k >= i-5; k-- {
		if toks[k].punct {
			break
		}
		if toks[k].text == "of" {
			switch toks[k-1].text {
			case "more", "less":
				return true
			}
		}
	}
	return false
}

// namesAspect reports a comparison of two parts of the product: the
// noun phrase that starts the other side ends an aspect term of the
// sentence, and another aspect term comes before the cue at i ("liked the
// broth more than the noodles"). A part of another thing ("than the
// cover's battery") is not one.
func (c *Classifier) namesAspect(sentence string, toks []token, i int, side []token) bool {
	np := side
	for len(np) > 0 && np[0].is(isStop) {
		np = np[1:]
	}
	for k := range np {
		if np[k].is(isStop) || np[k].is(isBreak) || strings.HasSuffix(np[k].text, "'s") {
			np = np[:k]
			break
		}
	}
	if len(np) == 0 {
		return false
	}
	head := np[len(np)-1].text
	before := strings.ToLower(sentence[:toks[i].start])
	this, other := false, false
	for _, t := range c.Aspects(sentence) {
		if t[strings.LastIndexByte(t, ' ')+1:] == head {
			this = true
		} else if strings.Contains(before, t) {
			other = true
		}
	}
	return this && other || this && strings.Contains(before, head)
}

// denies reports a word that denies what follows ("not", "no",
// "doesn't"); negations.txt also holds words such as "less" and
// "stopped" that do not.
func denies(w string) bool {
	switch w {
	case "not", "no", "nothing", "never", "none", "cannot", "cant", "dont", "doesnt", "didnt", "isnt", "wasnt", "arent",
		"werent", "wont", "wouldnt", "couldnt", "hardly":
		return true
	}
	return strings.HasSuffix(w, "n't")
}

// wordValence is the valence of the single word at i, 0 if it has none.
func (c *Classifier) wordValence(toks []token, i int) float64 {
	if toks[i].punct {
		return 0
	}
	if p, _ := c.valence.longest(toks, i); p != nil && len(p.words) == 1 {
		return p.value
	}
	return 0
}

// pastWords on the other side of a comparison name the past: the old way.
var pastWords = map[string]bool{"before": true, "ever": true, "previously": true, "formerly": true}

// alternativeWords on the other side of a comparison name another product,
// brand or way for sure.
var alternativeWords = map[string]bool{
	"old": true, "older": true, "previous": true, "prior": true, "former": true, "original": true, "earlier": true,
	"predecessor": true, "predecessors": true, "other": true, "others": true, "another": true, "any": true, "anything": true,
	"anywhere": true, "most": true, "rest": true, "competitor": true, "competitors": true, "competition": true, "competing": true,
	"brand": true, "brands": true, "store-bought": true, "generic": true, "name-brand": true, "regular": true, "standard": true,
	"typical": true, "traditional": true, "conventional": true, "ordinary": true, "alternatives": true,
}

// isPeopleWord reports a word for people, who are no alternative:
// "unlike other reviewers", "than most people".
func isPeopleWord(w string) bool {
	switch w {
	case "reviewer", "reviewers", "review", "reviews", "people", "person", "folks", "customers", "buyers", "users",
		"someone", "everyone", "everybody", "anyone", "anybody", "somebody":
		return true
	}
	return false
}

// isExpectationWord reports a word that makes the other side of a
// comparison an expectation, a norm or the listing: "than expected",
// "than I had anticipated", "than usual", "than pictured".
func isExpectationWord(w string) bool {
	switch w {
	case "expected", "expect", "expecting", "anticipated", "imagined", "thought", "hoped", "planned", "intended",
		"advertised", "described", "pictured", "shown", "listed", "stated", "claimed", "promised", "needed",
		"necessary", "required", "recommended", "enough", "usual", "normal", "possible", "knew", "realized", "meant",
		"picture", "pictures", "photo", "photos", "description", "listing":
		return true
	}
	return false
}
