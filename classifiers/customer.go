package classifiers

import (
	"fmt"
	"slices"
	"strings"

	"jobminer/lexicons"
)

// Who the customer is, what moved them, and where they met the product:
// the segment a sentence names ("a night-shift nurse", "my elderly dad"),
// the switching force it states (push, pull, anxiety, habit) and the
// touchpoint it is about (delivery, setup, customer service, …), from the
// cues of segments.tsv, forces.tsv and touchpoints.tsv.

// Forces, in the order that decides between several matches.
var Forces = []string{"anxiety", "habit", "push", "pull"}

// Touchpoints, in the order that decides between several matches; "use"
// (the product itself) is the rest.
var Touchpoints = []string{"returns", "customer-service", "delivery", "packaging", "setup", "product-page", "price", "use"}

// loadCustomer reads the segment, force and touchpoint tables into the
// customer matcher, labelled "segment", "force:KIND" and "touch:KIND".
func (c *Classifier) loadCustomer(set *lexicons.Set) error {
	rows, err := set.Table("segments.tsv", 1)
	if err != nil {
		return err
	}
	for _, r := range rows {
		c.customer.add(r.Fields[0], 0, "segment")
	}
	for _, t := range []struct {
		table, prefix string
		kinds         []string
	}{{"forces.tsv", "force:", forceKinds}, {"touchpoints.tsv", "touch:", Touchpoints}} {
		rows, err := set.Table(t.table, 2)
		if err != nil {
			return err
		}
		for _, r := range rows {
			kind := strings.ToLower(strings.TrimSpace(r.Fields[0]))
			if !slices.Contains(t.kinds, kind) {
				return fmt.Errorf("lexicons %s line %d: %q is not one of %s", r.File, r.Line, r.Fields[0], strings.Join(t.kinds, ", "))
			}
			c.customer.add(r.Fields[1], 0, t.prefix+kind)
		}
	}
	return nil
}

// customerCues sets the result's segment, force and touchpoint; polarity
// and outcomes are the rules' (the cues were tuned with them).
func (c *Classifier) customerCues(sentence string, toks []token, res *Result, polarity string, outcomes []string) {
	touch := len(Touchpoints)
	var forces []forceHit
	segStart, segEnd := -1, -1
	for i := range toks {
		if toks[i].punct {
			switch toks[i].text {
			case "$", "£", "€":
				touch = min(touch, slices.Index(Touchpoints, "price"))
			}
			continue
		}
		if !c.customer.any(toks, i) {
			continue
		}
		for p := range c.customer.at(toks, i) {
			switch {
			case p.label == "segment":
				if segStart < 0 {
					segStart, segEnd = c.segmentSpan(toks, i, len(p.words))
				}
			case strings.HasPrefix(p.label, "force:"):
				forces = append(forces, forceHit{p.label[len("force:"):], i, len(p.words)})
			case strings.HasPrefix(p.label, "touch:"):
				if k := slices.Index(Touchpoints, p.label[len("touch:"):]); k < touch {
					touch = k
				}
			}
		}
	}
	if segStart >= 0 {
		res.Segment = sentence[toks[segStart].start:toks[segEnd-1].end]
	}
	res.Force = c.sentenceForce(sentence, toks, forces, polarity)
	switch {
	case touch < len(Touchpoints):
		res.Touchpoint = Touchpoints[touch]
	case polarity != Neutral || slices.Contains(outcomes, Functional) || slices.Contains(outcomes, Emotional):
		// A verdict or an outcome with no other point of contact is
		// about the product in use.
		res.Touchpoint = "use"
	}
}

// segmentHead reports a one-word segment cue at token i that names a
// person or an animal ("beginners", "nurse", "dogs"): the kind of customer
// a "for" phrase names, no job. The cues of a condition ("acne",
// "dandruff") are left out: "for acne" is a job.
func (c *Classifier) segmentHead(toks []token, i int) bool {
	if conditionCues[toks[i].text] {
		return false
	}
	for p := range c.customer.at(toks, i) {
		if p.label == "segment" && len(p.words) == 1 {
			return true
		}
	}
	return false
}

// conditionCues are the one-word cues of segments.tsv that name a
// condition, not a person: "for my eczema" is what the product is for.
var conditionCues = map[string]bool{"acne": true, "eczema": true, "psoriasis": true, "rosacea": true, "dandruff": true,
	"arthritis": true, "diabetes": true, "diabetic": true, "allergies": true}

// segmentSpan returns the tokens [from, to) of the segment whose cue
// covers n tokens from i. A cue ending in "with", "who", "that" or "of"
// takes up to four words after it ("people with sensitive skin") and the
// article and adjectives before it ("a big fan of"); a head noun takes the
// words that describe it and the possessive or article before it ("my
// elderly dad", "my 14 year old daughter"), "of two" after it, and after
// an age the person it is of ("my 12 yr old" + "nephew").
func (c *Classifier) segmentSpan(toks []token, i, n int) (int, int) {
	from, to := i, i+n
	switch toks[to-1].text {
	case "with", "who", "that", "of":
		if !pronounHeads[toks[i].text] {
			from = c.segmentFrom(toks, from) // "a big fan of"; not "warn anyone with"
		}
		// The words after, up to four, to a clause break or to a function
		// word after a content word ("people with sensitive skin like
		// mine").
		content := false
		for k := 0; k < 4 && to < len(toks) && !toks[to].punct && !toks[to].is(isBreak); k++ {
			if content && (toks[to].is(isStop) || phraseEnd[toks[to].text]) {
				break
			}
			content = content || !toks[to].is(isStop)
			to++
		}
		for to > i+n && toks[to-1].is(isStop) {
			to--
		}
		if to == i+n {
			return -1, -1 // "people who" with nothing after it names nobody
		}
		return from, to
	}
	// A head followed by a noun modifies it: "dog food", "baby shampoo",
	// "customer service" name no customer.
	if to < len(toks) && !toks[to].punct {
		if class := c.aspects.WordClass(toks[to].text); strings.HasPrefix(class, "N") && !strings.Contains(class, "V") {
			return -1, -1
		}
	}
	if !pronounHeads[toks[i].text] {
		from = c.segmentFrom(toks, from)
	}
	// An age before a person is one phrase: "my 12 yr old" + "nephew"
	// (not "my 2 year old he").
	if toks[to-1].text == "old" && to < len(toks) && !subjects[toks[to].text] && (toks[to].is(isPerson) || c.segmentHead(toks, to)) {
		to++
	}
	switch {
	case to+1 < len(toks) && toks[to].text == "of" && isCount(toks[to+1].text): // mom of two
		to += 2
	case to+1 < len(toks) && toks[to].text == "in" && toks[to+1].text == "law": // mother in law
		to += 2
	case to < len(toks) && strings.HasSuffix(toks[to].text, "-in-law"):
		to++
	}
	// A second head joined by "and": "my wife and daughter".
	if to+1 < len(toks) && toks[to].text == "and" {
		for p := range c.customer.at(toks, to+1) {
			if p.label == "segment" {
				to += 1 + len(p.words)
				break
			}
		}
	}
	return from, to
}

// segmentFrom returns where a segment whose head starts at from begins:
// over up to four words that describe it (adjectives, an age: "my 14 year
// old daughter", "very curly hair") and the possessive or article before
// them.
func (c *Classifier) segmentFrom(toks []token, from int) int {
	for k := 0; k < 4 && from > 0; k++ {
		prev := &toks[from-1]
		// A degree word only before an adjective: "very curly hair", not
		// "very kid friendly".
		if prev.punct || !c.modifier(prev.text) && !(degreeWords[prev.text] && strings.HasPrefix(c.aspects.WordClass(toks[from].text), "J")) {
			break
		}
		from--
	}
	if from > 0 {
		switch toks[from-1].text {
		case "my", "our", "his", "her", "their", "a", "an":
			from--
		}
	}
	return from
}

// ageUnits are the short forms of an age a segment may hold: "my 10 yr
// old granddaughter".
var ageUnits = map[string]bool{"yr": true, "yrs": true, "yo": true, "mo": true, "mos": true}

// degreeWords may stand before an adjective of a segment: "very thick
// hair", "super busy moms".
var degreeWords = map[string]bool{"very": true, "super": true, "extremely": true, "really": true}

// pronounHeads are the segment heads that take no words before them:
// "anyone with sensitive skin" ("I would warn" is no part of it).
var pronounHeads = map[string]bool{"anyone": true, "anybody": true, "someone": true, "somebody": true, "those": true,
	"everyone": true, "everybody": true, "people": true}

// modifier reports a word that can describe a kind of customer before
// its head noun: an adjective ("elderly", "busy"), a number ("6-year-old"
// is one token) or a noun used so ("college", "night-shift").
func (c *Classifier) modifier(w string) bool {
	if strings.Contains(w, "-") || isCount(w) || ageUnits[w] {
		return true // "two", "6-year-old", "10 yr old"
	}
	if c.stops[w] || c.negations[w] {
		return false
	}
	switch class := c.aspects.WordClass(w); {
	case class == "":
		return len(w) > 2 // a word the table does not know: "elderly"
	default:
		return strings.HasPrefix(class, "J") || class == "N" || class == "CD"
	}
}

// isCount reports a number word or numeral ("two", "3").
func isCount(w string) bool {
	switch w {
	case "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten":
		return true
	}
	return w != "" && strings.Trim(w, "0123456789") == ""
}

// phraseEnd are the words that end a segment phrase after its first
// content word, stop words or not.
var phraseEnd = map[string]bool{"like": true, "for": true, "and": true, "or": true, "but": true, "so": true, "because": true,
	"when": true, "as": true, "since": true, "than": true, "this": true, "these": true, "it": true}
