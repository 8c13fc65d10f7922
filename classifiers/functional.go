package classifiers

import (
	"fmt"
	"math"
	"slices"

	"jobminer/lexicons"
)

// functionalFromFacts adds the functional outcome that a verdict about
// the product itself implies:
//   - a pain or gain cue is a fact of performance ("came loose", "arrived
//     early") and counts its own weight towards functional;
//   - a pain or gain that names something concrete beyond the writer's
//     feelings and the people involved ("My son loves the pink tablet and
//     it is easy to use") is a functional result, while generic praise
//     ("Great product!", "I love it", "Fabulous moisturizer.") is not.
func (c *Classifier) functionalFromFacts(res *Result, toks []token, sc *scratch, sentiment []string, rules string) {
	scores := &res.OutcomeScores
	if scores.Functional >= 1 {
		return
	}
	for _, h := range sc.hits {
		if h.p.label != noOutcome {
			scores.Functional += math.Abs(h.p.value)
		}
	}
	if scores.Functional >= 1 {
		for _, h := range sc.hits {
			if h.p.label != noOutcome {
				res.Evidence = append(res.Evidence, h.p.tag(Functional))
			}
		}
		return
	}
	// With a feeling in the sentence, one content word is its occasion
	// ("Bedtime is calm now"); a functional result needs more.
	need := 1
	if scores.Emotional >= 1 {
		need = 2
	}
	// The words of a scored idiom are its verdict, not content: "they
	// were a big hit".
	for _, sp := range sc.idiomSpans {
		for k := sp[0]; k < sp[1]; k++ {
			sc.claimed[k] = true
		}
	}
	if rules == Neutral || len(sentiment) == 0 && len(sc.cueEvidence) == 0 || c.contentWords(toks, sc.claimed, need) < need {
		return
	}
	scores.Functional = 1
	// The words that make the verdict functional are what it is said of
	// ("fast shipping": shipping), not the verdict ("great", "love"),
	// which the pain or gain evidence already names.
	named := 0
	c.eachContentWord(toks, sc.claimed, func(i int) bool {
		for _, h := range sc.hits {
			if h.at <= i && i < h.at+len(h.p.words) {
				return true // a cue's word ("ran" of "ran out") is the cue's
			}
		}
		if e := Functional + ":" + toks[i].text; !slices.Contains(res.Evidence, e) {
			res.Evidence = append(res.Evidence, e)
			named++
		}
		return named < 2
	})
	for _, h := range sc.hits {
		res.Evidence = append(res.Evidence, h.p.tag(Functional))
	}
}

// contentWords counts, up to max, the words of the sentence that are
// neither stop words nor sentiment, booster or negation words nor numbers,
// nor evidence of another outcome (claimed), nor the mere object of
// praise: "device" in "Good device", "laptop" in "I love this laptop!".
func (c *Classifier) contentWords(toks []token, claimed []bool, max int) int {
	n := 0
	c.eachContentWord(toks, claimed, func(int) bool { n++; return n < max })
	return n
}

// contentTerms returns the first max content words (as contentWords
// counts them), lower-cased.
func (c *Classifier) contentTerms(toks []token, claimed []bool, max int) []string {
	var out []string
	c.eachContentWord(toks, claimed, func(i int) bool { out = append(out, toks[i].text); return len(out) < max })
	return out
}

// eachContentWord calls yield with the index of each content word until
// yield returns false.
func (c *Classifier) eachContentWord(toks []token, claimed []bool, yield func(i int) bool) {
	for i := range toks {
		t := &toks[i]
		if t.punct || t.is(isStop|isNegation|isBooster|isPerson) || claimed != nil && claimed[i] {
			continue
		}
		if c.isSentiment(toks, i) || isNumber(t.text) || c.praiseObject(toks, i, claimed) {
			continue
		}
		if !yield(i) {
			return
		}
	}
}

func (c *Classifier) isSentiment(toks []token, i int) bool {
	if p, _ := c.valence.longest(toks, i); p != nil {
		return true
	}
	p, _ := c.idioms.longest(toks, i)
	return p != nil
}

// noOutcome marks a pain or gain cue that is no fact of performance
// (third field "none" in polarity_cues.tsv): a wish, a plan to buy again,
// a bare negation.
const noOutcome = "none"

// lapsed marks a cue that puts the praise of its sentence in the past
// ("worked great at first", "initially I loved it"): unless the sentence
// turns ("but", "now"), what it reports is that the good time ended.
const lapsed = "lapsed"

// timeSpan marks a cue that is the time a failure took ("after a week",
// "within a month"): no negation flips it, for the negation before it
// belongs to the failure ("it stopped charging after two weeks").
const timeSpan = "span"

// lapsedPraise reports whether a lapsed cue holds and nothing in the
// sentence turns it back to the present ("now", "still", a contrast).
func lapsedPraise(toks []token, hits []cueHit) bool {
	if !slices.ContainsFunc(hits, func(h cueHit) bool { return h.p.label == lapsed && h.w < 0 }) {
		return false
	}
	for i := range toks {
		switch toks[i].text {
		case "now", "still":
			return false
		}
		if isContrast(toks, i) {
			return false
		}
	}
	return true
}

// addCue adds a row of polarity_cues.tsv: phrase, weight, and optionally
// "none" when the cue says nothing of how the product performs,
// "lapsed" when it puts the sentence's praise in the past, or "span" when
// it is the time a failure took.
func (c *Classifier) addCue(r lexicons.Row, v float64) error {
	label := ""
	if len(r.Fields) > 2 && r.Fields[2] != "" {
		if r.Fields[2] != noOutcome && r.Fields[2] != lapsed && r.Fields[2] != timeSpan {
			return fmt.Errorf("lexicons %s line %d: third field %q: only %q (no outcome), %q (a good time now past) and %q (the time a failure took) are known", r.File, r.Line, r.Fields[2], noOutcome, lapsed, timeSpan)
		}
		label = r.Fields[2]
	}
	c.cues.add(r.Fields[0], v, label)
	return nil
}

// determiners may stand between a verdict and its object ("love these shoes").
// The index flags them (and npDeterminers) isDeterminer.
var determiners = map[string]bool{"this": true, "these": true, "that": true, "those": true, "the": true, "a": true, "an": true,
	"my": true, "our": true, "your": true, "his": true, "her": true, "their": true, "its": true}

// praiseObject reports whether token i is only what a verdict is said of,
// the product as a whole: a run of at most three words that follows a
// sentiment or feeling word (with at most a determiner between) and ends
// its clause ("Great laptop", "I love my Echo Show!", "Love this adorable
// cupcake tin so much!"), or the subject of a verdict that ends the
// sentence ("This taffy is so good."). A word of the run that is a
// functional outcome term itself names an aspect: "Great sound" is no
// praise of the whole.
func (c *Classifier) praiseObject(toks []token, i int, claimed []bool) bool {
	// The run of plain words around i.
	plain := func(k int) bool {
		t := &toks[k]
		return !t.punct && !t.is(isStop|isNegation|isBooster|isPerson) && !c.isSentiment(toks, k) && !isNumber(t.text) && !(claimed != nil && claimed[k])
	}
	start, end := i, i+1
	for start > 0 && i-start < 3 && plain(start-1) {
		start--
	}
	for end < len(toks) && end-start < 3 && plain(end) {
		end++
	}
	if end < len(toks) && plain(end) || start > 0 && plain(start-1) {
		return false // longer than three words: a description, not a name
	}
	for k := start; k < end; k++ {
		for p := range c.outcomes.at(toks, k) {
			if p.label == Functional {
				return false
			}
		}
	}
	if end < len(toks) && !toks[end].punct {
		switch toks[end].text {
		case "ever", "overall", "so", "far", "yet", "again":
		case "is", "are", "was", "were", "tastes", "looks", "smells", "feels", "works":
			// Subject of a verdict: "This taffy is so good.", "These are the best".
			return c.verdictEnds(toks, end+1)
		default:
			return false
		}
	}
	k := start - 1
	for k >= 0 && start-k <= 3 && !toks[k].punct && (determiners[toks[k].text] || plainAdjectives[toks[k].text] || toks[k].is(isBooster) || isNumber(toks[k].text)) {
		k--
	}
	if k < 0 || toks[k].punct {
		return false
	}
	return c.isSentiment(toks, k) || claimed != nil && claimed[k]
}

// plainAdjectives may stand before the product's name in praise of it
// ("I love my new Kindle").
var plainAdjectives = map[string]bool{"new": true, "little": true, "first": true, "own": true}

// verdictEnds reports whether the tokens from i are a bare verdict that
// ends the clause: boosters or determiners, then one sentiment word.
func (c *Classifier) verdictEnds(toks []token, i int) bool {
	for i < len(toks) && !toks[i].punct && (toks[i].is(isBooster) || determiners[toks[i].text]) {
		i++
	}
	if i >= len(toks) || !c.isSentiment(toks, i) {
		return false
	}
	i++
	return i >= len(toks) || toks[i].punct
}
