package classifiers

// Situations: when or where the job arises. A clause opened by a cue of
// jobs.tsv ("when I travel", "after my knee surgery", "if he falls"), or
// a place, time or occasion of settings.txt after a preposition ("in the
// shower", "on a Sunday morning", "for her long airplane trip").

// clauseSituation returns the situation a clause cue at i (n words)
// opens, or "" when the clause sets no scene: a duration ("after 3
// weeks"), a thought about the product ("if only", "if it", "if I could
// recommend"), the moment of buying or unpacking ("when I opened the
// box"), an idiom ("when it comes to").
func (c *Classifier) clauseSituation(sentence string, toks []token, i, n int) string {
	j := i + n
	if j >= len(toks) || duration(toks, j) || !c.scene(toks, i, j) {
		return ""
	}
	_, m := c.clausePhrase(sentence, toks, j, 8)
	if m == 0 {
		return ""
	}
	for k := j; k+1 < j+m; k++ {
		if isNumber(toks[k].text) && (toks[k+1].text == "times" || toks[k+1].text == "uses" || toks[k+1].text == "washes") {
			return "" // "after running with these 3 times": a count
		}
	}
	if p := i - 1; p >= 0 && (toks[p].text == toks[j].text || toks[p].punct && p > 0 && toks[p-1].text == toks[j].text) {
		return "" // "bag after bag", "every bag (after bag)": a repetition
	}
	if !c.sceneContent(toks, j, m) {
		return "" // "when I ask", "if you use it", "when combined": nothing said of the scene
	}
	if m == 1 && transitWords[toks[j].text] {
		return "" // "during shipping": the delivery, a touchpoint
	}
	return sentence[toks[i].start:toks[j+m-1].end]
}

// lightVerbs say nothing of a scene on their own: "when I ask", "if you
// use it", "when I have tried it".
var lightVerbs = map[string]bool{"use": true, "used": true, "using": true, "try": true, "tried": true, "ask": true, "asked": true,
	"combined": true, "found": true, "did": true, "do": true, "received": true, "opened": true, "needed": true, "wanted": true}

// transitWords are the delivery, not a situation of use.
var transitWords = map[string]bool{"shipping": true, "shipment": true, "transit": true, "delivery": true}

// sceneContent reports whether the clause toks[j:j+m] holds a word that
// says something of the scene: not only pronouns, stop words and light
// verbs.
func (c *Classifier) sceneContent(toks []token, j, m int) bool {
	for k := j; k < j+m; k++ {
		t := toks[k]
		if !t.punct && !t.is(isStop) && !lightVerbs[t.text] {
			return true
		}
	}
	return false
}

// scene reports whether the clause after the cue toks[i:j] can set the
// scene of a job.
func (c *Classifier) scene(toks []token, i, j int) bool {
	cue, next := toks[i].text, toks[j].text
	after := ""
	if j+1 < len(toks) {
		after = toks[j+1].text
	}
	if i > 0 && cue == "if" {
		switch toks[i-1].text {
		case "as", "even", "sure", "see", "wonder", "know", "ask", "asked", "check", "matter", "only", "but":
			return false // "as if", "even if", "not sure if", "see if"
		}
	}
	if ordinals[next] || next == "the" && ordinals[after] {
		return false // "after the third cable failed": a count
	}
	if cue == "before" {
		switch next {
		case "this", "these", "buying", "purchasing", "ordering", "getting", "finding", "trying":
			return false // "before this box you had two options", "before buying": the time before the product
		}
	}
	switch cue {
	case "if":
		switch next {
		case "only", "it", "that", "this", "there", "any", "not", "so", "anything", "possible", "needed", "necessary":
			return false
		case "your", "you're", "ur":
			return !(after == "a" || after == "an") // "if you're a fan": who, not when
		}
		switch after {
		case "could", "would", "might", "notice", "did", "had", "ever", "want", "like", "love":
			return false // "if I could recommend", "if he did"
		case "are", "re":
			if j+2 < len(toks) && (toks[j+2].text == "a" || toks[j+2].text == "an" || toks[j+2].text == "going") {
				return false // "if you are a fan", "if you are going to deal with"
			}
		}
	case "when", "after", "before", "whenever", "while":
		if next == "it" && after == "comes" {
			return false // "when it comes to"
		}
		if toks[i].text == "after" && (next == "market" || next == "sale" || next == "sales") {
			return false // "an after market cable", "after sales service": no time
		}
		// "after using it", "when I tried them on": the trial of the
		// product, not the scene of the job.
		k := j
		if subjects[next] && k+1 < len(toks) {
			k++ // "when I tried"
		}
		if k+1 < len(toks) && productUse[toks[k].text] && productPronouns[toks[k+1].text] && (k+2 == len(toks) || toks[k+2].punct || toks[k+2].is(isBreak) || toks[k+2].text == "on" || toks[k+2].text == "for") {
			return false
		}
		// "when I opened the box", "after buying bags": the purchase, a
		// journey stage, not the job's scene.
		for k := j; k < len(toks) && k <= j+2; k++ {
			if purchaseEvents[toks[k].text] {
				return false
			}
		}
		if next == "the" || next == "my" || next == "your" {
			if j+2 < len(toks) && (toks[j+2].text == "delivery" || toks[j+2].text == "date") || after == "estimated" || after == "expected" {
				return false
			}
		}
	}
	return true
}

// productUse and productPronouns make a clause that only uses or tries
// the product: "after using it", "when I tried them on".
var (
	productUse = map[string]bool{"use": true, "using": true, "used": true, "uses": true, "try": true, "tried": true, "trying": true,
		"wear": true, "wearing": true, "wore": true, "apply": true, "applying": true, "applied": true, "put": true, "putting": true}
	productPronouns = map[string]bool{"it": true, "them": true, "this": true, "these": true, "one": true}
)

// ordinals count uses or items: "after the third time".
var ordinals = map[string]bool{"first": true, "second": true, "third": true, "fourth": true, "fifth": true, "sixth": true, "1st": true,
	"2nd": true, "3rd": true, "4th": true, "5th": true}

// purchaseEvents are the moments of buying and receiving.
var purchaseEvents = map[string]bool{"opened": true, "opening": true, "received": true, "receiving": true, "arrived": true,
	"ordered": true, "ordering": true, "bought": true, "buying": true, "purchased": true, "purchasing": true,
	"unpacked": true, "unboxed": true, "unboxing": true, "delivered": true, "shipped": true}

// settingPrepositions open the phrase of a setting: the index flags them
// isSettingPreposition.
var settingPrepositions = []string{"in", "at", "on", "during", "for", "around", "throughout"}

// setting returns the first place, time or occasion of settings.txt
// after a preposition, with the words between that say which one ("in
// the shower", "for her long airplane trip", "on a Sunday morning"), or
// "".
func (c *Classifier) setting(sentence string, toks []token) string {
	for i := 0; i+1 < len(toks); i++ {
		if !toks[i].is(isSettingPreposition) {
			continue
		}
		for k := i + 1; k < len(toks) && k <= i+4; k++ {
			t := &toks[k]
			if t.punct || t.is(isBreak) {
				break
			}
			if t.is(isSetting) {
				if k+1 < len(toks) && toks[k+1].is(isSetting) {
					k++ // "on a road trip": the longer noun
				}
				if k+1 < len(toks) && !toks[k+1].punct && c.nounOnly(toks[k+1].text) {
					break // "in our past house moves": the noun is another's
				}
				if toks[i].text == "for" && !occasions[toks[k].text] && !mealTimes[toks[k].text] && !journeys[toks[k].text] {
					break // "for the gym", "for my workouts": a use, the job
				}
				if c.boughtBefore(toks, i) && !(toks[i].text == "for" && occasions[toks[k].text]) {
					break // "I bought this laptop on Saturday"; "bought it for Christmas" is the occasion
				}
				return sentence[toks[i].start:toks[k].end]
			}
			if !t.is(isDeterminer) && (t.is(isStop) || !c.nominal(sentence, *t)) {
				break // "for my grandkids | for Christmas": one phrase at a time
			}
		}
	}
	// "a great holiday gift", "makes birthday gifts easy": the occasion a
	// gift is for.
	for k := 0; k+1 < len(toks); k++ {
		if g := toks[k+1].text; len(g) < 4 || g[0] != 'g' && g[0] != 'p' && g[0] != 'b' {
			continue // no gift word after it: the maps below are read for few tokens
		}
		if occasions[toks[k].text] && giftWords[toks[k+1].text] && !(k+2 < len(toks) && giftThings[toks[k+2].text]) {
			return sentence[toks[k].start:toks[k].end]
		}
	}
	return ""
}

// giftThings after "gift" make it packaging or a card, no gift given for
// the occasion: "the Christmas gift wrap", "my birthday gift card".
var giftThings = map[string]bool{"card": true, "cards": true, "wrap": true, "wrapping": true, "box": true, "boxes": true, "bag": true, "bags": true}

// giftWords after an occasion name the gift it is for.
var giftWords = map[string]bool{"gift": true, "gifts": true, "present": true, "presents": true, "basket": true, "baskets": true}

// journeys after "for" are the scene of a job: "for her long airplane
// trip".
var journeys = map[string]bool{"trip": true, "trips": true, "vacation": true, "vacations": true, "holiday": true, "holidays": true,
	"flight": true, "flights": true, "cruise": true, "honeymoon": true, "ride": true, "rides": true}

// nounOnly reports a word whose usual class is a noun and never a verb.
func (c *Classifier) nounOnly(w string) bool {
	class := c.aspects.WordClass(w)
	return (class == "N" || class == "NP") && !stopLike[w]
}

var stopLike = map[string]bool{"is": true, "has": true}

// boughtBefore reports a word of buying or receiving in the four words
// before i: the scene is the purchase, not the job.
func (c *Classifier) boughtBefore(toks []token, i int) bool {
	for k := i - 1; k >= 0 && k >= i-4; k-- {
		if purchaseEvents[toks[k].text] || toks[k].text == "find" || toks[k].text == "buy" {
			return true
		}
	}
	return false
}

// mealTimes are occasions of a meal: "for dinner".
var mealTimes = map[string]bool{"breakfast": true, "lunch": true, "dinner": true, "brunch": true}
