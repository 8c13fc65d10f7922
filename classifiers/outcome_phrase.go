package classifiers

import "strings"

// OutcomePhrase returns the clause of an English sentence that states
// what the customer can now do or has, in a form that follows "so" in a
// job story: "I can fall asleep within minutes", "I don't have to stop for
// coffee", "my hair feels soft". It is "" when the sentence holds no such
// clause (a bare verdict: "Love it!").
func (c *Classifier) OutcomePhrase(sentence string) string {
	toks := c.ix.tokenize(nil, sentence)
	for i := 0; i < len(toks); i++ {
		w := toks[i].text
		switch {
		case (w == "i" || w == "we") && i+1 < len(toks) && canWords[toks[i+1].text] && (i == 0 || toks[i-1].text != "where"):
			// not a place's: "a great novelty where I can watch the news"
			// "so I can …", "now I can …", "I could finally …"
			j := i + 2
			for j < len(toks) && (toks[j].text == "now" || toks[j].text == "finally" || toks[j].text == "still" || toks[j].text == "actually") {
				j++
			}
			if p := c.outcomeClause(sentence, toks, j); p != "" && (!toks[j].is(isStop) || c.stopVerb(toks[j].text)) && (strings.Contains(c.aspects.WordClass(toks[j].text), "V") || c.stopVerb(toks[j].text)) {
				return "I can " + p // a verb follows: not "I can honestly"
			}
		case enablers[w] && i+1 < len(toks) && (toks[i+1].text == "me" || toks[i+1].text == "us"):
			// "it helps me sleep", "allows me to read at night"
			j := i + 2
			if j < len(toks) && toks[j].text == "to" {
				j++
			}
			if j < len(toks) && (!toks[j].is(isStop) || c.stopVerb(toks[j].text)) && !toks[j].punct {
				if p := c.outcomeClause(sentence, toks, j); p != "" {
					return "I can " + p
				}
			}
		case (w == "i" || w == "we") && i+3 < len(toks) && noNeed(toks, i+1) > 0:
			// "I don't have to iron", "we no longer need to buy coffee"
			if p := c.outcomeClause(sentence, toks, i+1+noNeed(toks, i+1)); p != "" {
				return "I don't have to " + p
			}
		case w == "i" && i+1 < len(toks) && c.presentDoing(toks[i+1].text) && changed(toks, i+1):
			// "I fall asleep within minutes now": a result, where "I wear
			// sandals all day" is a habit
			if p := c.outcomeClause(sentence, toks, i+1); p != "" && i+2 < len(toks) && !toks[i+2].is(isNegation) && c.contentIn(toks, i+1, min(4, len(toks)-i-1)) >= 2 {
				return "I " + p
			}
		case w == "my" && i+2 < len(toks) && !toks[i+1].is(isStop) && !toks[i+1].is(isPerson) && !c.people[toks[i+1].text]:
			// "my hair feels soft", "my feet stay dry"
			for k := i + 2; k < len(toks) && k <= i+3; k++ {
				if k == i+3 && !c.nominal(sentence, toks[i+2]) {
					break // "my boyfriend who is …"
				}
				if stateVerbs[toks[k].text] {
					// "my hair feels so soft": the intensifier stays.
					b := k + 1
					for b < len(toks) && intensifiers[toks[b].text] {
						b++
					}
					if p := c.outcomeClause(sentence, toks, b); p != "" && !toks[k+1].is(isNegation) && c.praisedState(toks, b) {
						return "my " + sentence[toks[i+1].start:toks[b-1].end] + " " + p
					}
					break
				}
			}
		}
	}
	return ""
}

// outcomeClause is the clause from j: at most eight words, to a clause
// break or punctuation; "" when it has no word of content.
func (c *Classifier) outcomeClause(sentence string, toks []token, j int) string {
	if j >= len(toks) || toks[j].punct {
		return ""
	}
	p, m := c.clausePhrase(sentence, toks, j, 8)
	if m == 0 || c.contentIn(toks, j, m) == 0 {
		return ""
	}
	if last := toks[j+m-1].text; hangingWords[last] || toks[j+m-1].is(isStop) && !isFunctionKeep(last) {
		return "" // "I sleep like | I do at home": the clause goes on
	}
	return strings.TrimRight(p, ",;: ")
}

// presentDoing reports a verb in the present that says what the writer
// does or gets ("fall", "get", "sleep"), not what they think of the product
// ("love", "recommend") or did to buy it ("bought").
func (c *Classifier) presentDoing(w string) bool {
	if notDoing[w] || strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "n't") {
		return false
	}
	return strings.Contains(c.aspects.WordClass(w), "V")
}

var notDoing = map[string]bool{"love": true, "like": true, "adore": true, "hate": true, "think": true, "believe": true, "recommend": true,
	"wish": true, "hope": true, "want": true, "need": true, "know": true, "guess": true, "bought": true, "got": true, "have": true,
	"had": true, "am": true, "was": true, "will": true, "would": true, "should": true, "must": true, "do": true, "did": true, "buy": true,
	"purchase": true, "order": true, "give": true, "gave": true, "found": true, "find": true, "say": true, "said": true, "feel": true, "felt": true,
	"mean": true, "suppose": true, "made": true, "can": true, "could": true, "received": true, "used": true, "use": true, "tried": true,
	"try": true, "expected": true, "expect": true, "noticed": true, "notice": true, "see": true, "saw": true, "am,": true, "might": true,
	"may": true, "thought": true, "took": true, "came": true, "wore": true, "knew": true, "told": true, "figured": true,
	"decided": true, "wanted": true, "needed": true, "left": true, "kept": true, "sent": true, "paid": true, "agree": true, "disagree": true, "admit": true, "consider": true, "suggest": true, "understand": true, "realize": true,
	"ordered": true, "purchased": true, "returned": true, "put": true, "read": true, "went": true, "go": true}

// changed reports a word in the clause from token from that marks a
// result of using the product ("now", "finally", "within minutes",
// "faster"): what the writer does is then what it lets them do, not a
// habit ("I smell like wood most of the time"). A "now" after a span of
// time only dates it: "for two years now".
func changed(toks []token, from int) bool {
	for i := from; i < len(toks) && !toks[i].punct; i++ {
		switch toks[i].text {
		case "now":
			if i > 0 && timeUnits[toks[i-1].text] {
				continue
			}
			return true
		case "finally", "within", "instantly", "immediately", "anymore", "faster", "quicker", "easier", "longer":
			return true
		}
	}
	return false
}

// intensifiers may stand between a state verb and its adjective.
var intensifiers = map[string]bool{"so": true, "very": true, "really": true, "super": true, "quite": true, "much": true, "extra": true}

// noNeed returns the length of "don't have to", "do not have to", "no
// longer have to", "don't need to" … at k, or 0.
func noNeed(toks []token, k int) int {
	for _, form := range [][]string{{"don't", "have", "to"}, {"don't", "need", "to"}, {"do", "not", "have", "to"}, {"do", "not", "need", "to"},
		{"no", "longer", "have", "to"}, {"no", "longer", "need", "to"}, {"never", "have", "to"}} {
		if k+len(form) > len(toks) {
			continue
		}
		ok := true
		for x, w := range form {
			ok = ok && toks[k+x].text == w
		}
		if ok {
			return len(form)
		}
	}
	return 0
}

// praisedState reports a positive word among the first three after a
// state verb: "my hair feels (really) soft", not "my feet is high
// priority" or "my hair is wet".
func (c *Classifier) praisedState(toks []token, j int) bool {
	for k := j; k < len(toks) && k < j+3 && !toks[k].punct; k++ {
		if p, _ := c.valence.longest(toks, k); p != nil {
			return p.value > 0
		}
	}
	return false
}

// hangingWords cannot end a clause: "I sleep like".
var hangingWords = map[string]bool{"like": true, "as": true, "than": true, "to": true, "of": true, "for": true, "with": true,
	"from": true, "into": true, "about": true, "because": true}

var (
	canWords = map[string]bool{"can": true, "could": true}
	// enablers are verbs whose object then does the thing: "lets me".
	enablers = map[string]bool{"helps": true, "helped": true, "allows": true, "allowed": true, "lets": true, "enables": true, "enabled": true}
	// stateVerbs say how a thing of the customer's is now.
	stateVerbs = map[string]bool{"is": true, "are": true, "feels": true, "feel": true, "looks": true, "look": true, "stays": true,
		"stay": true, "smells": true, "smell": true, "seems": true, "seem": true}
)
