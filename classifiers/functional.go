package classifiers

import (
	"fmt"
	"math"
	"strings"

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
func (c *Classifier) functionalFromFacts(res *Result, toks []token, sc *scratch, sentiment []string) {
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
	if res.Polarity == Neutral || len(sentiment) == 0 && len(sc.cueEvidence) == 0 || c.contentWords(toks, sc.claimed, need) < need {
		return
	}
	scores.Functional = 1
	for _, t := range sentiment {
		res.Evidence = append(res.Evidence, Functional+":"+strings.ToLower(t))
	}
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
	for i := range toks {
		t := &toks[i]
		if t.punct || t.is(isStop|isNegation|isBooster|isPerson) || claimed != nil && claimed[i] {
			continue
		}
		if c.isSentiment(toks, i) || isNumber(t.text) || c.praiseObject(toks, i, claimed) {
			continue
		}
		if n++; n == max {
			break
		}
	}
	return n
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

// addCue adds a row of polarity_cues.tsv: phrase, weight, and optionally
// "none" when the cue says nothing of how the product performs.
func (c *Classifier) addCue(r lexicons.Row, v float64) error {
	label := ""
	if len(r.Fields) > 2 && r.Fields[2] != "" {
		if r.Fields[2] != noOutcome {
			return fmt.Errorf("lexicons %s line %d: third field %q: only %q (no outcome) is known", r.File, r.Line, r.Fields[2], noOutcome)
		}
		label = noOutcome
	}
	c.cues.add(r.Fields[0], v, label)
	return nil
}

// determiners may stand between a verdict and its object ("love these shoes").
var determiners = map[string]bool{"this": true, "these": true, "that": true, "those": true, "the": true, "a": true, "an": true,
	"my": true, "our": true, "your": true, "his": true, "her": true, "their": true, "its": true}

// praiseObject reports whether token i is only what a verdict is said of:
// it follows a sentiment or feeling word (with at most a determiner
// between) and ends its clause, and is no functional outcome term itself.
// "Great sound" names an aspect (sound is a functional term); "Great
// laptop" does not.
func (c *Classifier) praiseObject(toks []token, i int, claimed []bool) bool {
	if end := i + 1; end < len(toks) && !toks[end].punct {
		switch toks[end].text {
		case "ever", "overall", "so", "far", "yet", "again":
		default:
			return false
		}
	}
	for p := range c.outcomes.at(toks, i) {
		if p.label == Functional {
			return false
		}
	}
	k := i - 1
	for k >= 0 && i-k <= 3 && !toks[k].punct && (determiners[toks[k].text] || toks[k].is(isBooster) || isNumber(toks[k].text)) {
		k--
	}
	if k < 0 || toks[k].punct {
		return false
	}
	return c.isSentiment(toks, k) || claimed != nil && claimed[k]
}
