package classifiers

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Alternatives: the product, brand or way of doing the job that a
// sentence compares against, came from or recommends instead. A cue of
// alternatives.tsv ("than", "switched from", "my old") opens the place;
// the alternative is the noun phrase that stands there.

// namesSomething reports whether a phrase holds a word that can name a
// product, brand or method: not only numbers, time words, pronouns and
// stop words ("1", "hour", "it").
func (c *Classifier) namesSomething(toks []token, j, n int) bool {
	for k := j; k < j+n; k++ {
		t := toks[k].text
		if !toks[k].is(isStop) && !isNumber(t) && !timeUnits[t] && len(t) > 1 {
			return true
		}
	}
	return false
}

// notAlternatives are the words that, first after a cue, show it opens no
// alternative: pronouns, "than expected", "than ever", "than others".
var notAlternatives = map[string]bool{"one": true, "mine": true, "yours": true, "ours": true, "refund": true, "it": true, "this": true, "them": true, "that": true,
	"i": true, "we": true, "you": true, "they": true, "he": true, "she": true, "expected": true, "ever": true, "before": true,
	"usual": true, "advertised": true, "described": true, "pictured": true, "shown": true, "most": true, "others": true, "anything": true,
	"having": true, "when": true, "image": true, "images": true, "picture": true, "pictures": true, "photo": true, "photos": true, "pic": true, "pics": true, "description": true, "listing": true, "if": true, "what": true, "anticipated": true, "imagined": true, "thought": true, "hoped": true}

// oldOnes before "one" name the old product: "my old one", "the previous
// one" (after a cue; "one" alone opens none; "my other one" is as often a
// second of the same).
var oldOnes = map[string]bool{"old": true, "older": true, "previous": true, "former": true, "original": true}

// isOnes reports "one" or "ones", which after an old word name the old
// product ("my old one").
func isOnes(w string) bool { return w == "one" || w == "ones" }

// oldOneAt reports an old word and "one(s)" at j: "an older one".
func oldOneAt(toks []token, j int) bool {
	return j+1 < len(toks) && oldOnes[toks[j].text] && isOnes(toks[j+1].text)
}

// npDeterminers open a noun phrase and belong to the alternative: they
// say which one ("the paper white", "my old Keurig", "a Mac"). The index
// flags them (and determiners) isDeterminer.
var npDeterminers = map[string]bool{"a": true, "an": true, "the": true, "my": true, "our": true, "your": true, "his": true,
	"her": true, "their": true, "any": true, "other": true, "another": true, "old": true, "previous": true, "former": true}

// alternativeCues are the words likeCue, otherCue, ownedCue, cheapCue,
// asAsCue and shopCue start from: the index flags them isAlternativeCue.
var alternativeCues = []string{"like", "other", "have", "has", "had", "own", "owned", "owns", "tried", "try", "as", "at", "from", "in",
	"cheaper", "cheap", "generic", "knockoff", "knockoffs", "knock-off", "off-brand", "pricier"}

// personSubjects before a cue ending in "like" make "like" the verb: "I
// just like reading", "we much like"; not "it works just like".
var personSubjects = map[string]bool{"i": true, "we": true, "you": true, "they": true, "he": true, "she": true, "i'd": true, "would": true}

// alternative returns the alternative a sentence names, or "".
func (c *Classifier) alternative(sentence string, toks []token) string {
	for i := range toks {
		p, n := c.alternatives.longest(toks, i)
		switch {
		case p == nil && !toks[i].is(isAlternativeCue):
			continue
		case p == nil:
			// n: the words of the cue before the phrase.
			switch {
			case c.likeCue(sentence, toks, i) || c.otherCue(sentence, toks, i) || c.ownedCue(sentence, toks, i) || c.shopCue(sentence, toks, i):
				n = 1
			case c.cheapCue(toks, i):
				n = 0 // the cue word opens the phrase: "the cheaper ones"
			case asAsCue(toks, i):
				n = 3 // "as good as my old one"
			default:
				continue
			}
		case i > 0 && toks[i].text == "than" && toks[i-1].text == "other":
			continue // "other than the shampoo": besides it, not instead
		case p.words[len(p.words)-1] == "like" && i > 0 && personSubjects[toks[i-1].text]:
			continue // "I just like reading": the verb
		}
		if c.inIdiom(toks, i) {
			continue // "works like a charm"
		}
		// The cue's own last words may open the phrase: "than my old
		// Keurig" gives "my old Keurig".
		start := i + n
		for start > i && npDeterminers[toks[start-1].text] {
			start--
		}
		if n == 0 && i > 0 && npDeterminers[toks[i-1].text] {
			start = i - 1 // "the cheaper ones"
		}
		j := i + n
		for j < len(toks) && npDeterminers[toks[j].text] {
			j++
		}
		if oldOneAt(toks, j) {
			j++ // "an older one"
		}
		if j < len(toks) && isOnes(toks[j].text) && j > i && oldOnes[toks[j-1].text] {
			from := j - 1 // "my other one", "the previous one", "an older one"
			for from > 0 && (npDeterminers[toks[from-1].text] || oldOnes[toks[from-1].text]) {
				from--
			}
			return sentence[toks[from].start:toks[j].end]
		}
		if j >= len(toks) || notAlternatives[toks[j].text] || duration(toks, j) {
			continue
		}
		if toks[j].text == "average" && (j+1 == len(toks) || toks[j+1].punct || toks[j+1].is(isBreak)) {
			continue // "better than average": a standard, not another product
		}
		if way := c.way(sentence, toks, j); way != "" {
			return way
		}
		if end := c.nounPhrase(sentence, toks, j, 6); end > j && (c.namesSomething(toks, j, end-j) || j > 0 && oldOnes[toks[j-1].text] && kindHeads[toks[end-1].text]) {
			for end-1 > j && comparers[toks[end-1].text] {
				end-- // "an iPad like the adults": the phrase ends before the comparison
			}
			if end < len(toks) && isOnes(toks[end].text) && oldOnes[toks[end-1].text] {
				end++ // "my sons old one"
			}
			if c.personHead(toks, end-1) && !named(sentence, toks, j, end) {
				continue // "uses it like a pro", "my older grandson": a person, no product ("my iPad Pro" is one)
			}
			return sentence[toks[start].start:toks[end-1].end]
		}
	}
	return ""
}

// comparers end an alternative's phrase: "an iPad like the adults'".
var comparers = map[string]bool{"like": true, "than": true, "as": true}

// personHead reports a token that names a person, not a product: a social
// term ("grandson", "wife"), a word for people ("someone") or a segment
// cue ("pro", "beginners").
func (c *Classifier) personHead(toks []token, k int) bool {
	t := &toks[k]
	return t.is(isPerson) || c.people[t.text] || people[t.text] || c.segmentHead(toks, k) || t.text == "pro" || t.text == "pros"
}

// named reports a capitalised word in tokens [from, to) of a sentence: a
// name ("my iPad Pro", "Burt's Bees Baby"), not a person of the family.
func named(sentence string, toks []token, from, to int) bool {
	for k := from; k < to; k++ {
		if toks[k].start > 0 && capitalisedAt(sentence, toks[k]) {
			return true
		}
	}
	return false
}

// inIdiom reports a fixed expression of idioms.tsv over token i, starting
// at most two words before it.
func (c *Classifier) inIdiom(toks []token, i int) bool {
	for k := max(0, i-2); k <= i; k++ {
		if p, n := c.idioms.longest(toks, k); p != nil && k+n > i {
			return true
		}
	}
	return false
}

// likeCue reports a "like" that compares a thing with another ("a pedal
// like the M-Audio", "not bulky like my previous shoes"): after a noun or
// an adjective, before a determiner or a name; not the verb ("I like
// the color", "would like a").
func (c *Classifier) likeCue(sentence string, toks []token, i int) bool {
	if toks[i].text != "like" || i == 0 || i+1 >= len(toks) {
		return false
	}
	prev, next := toks[i-1], toks[i+1]
	if prev.text == "it" && useBefore(toks, i-1) && !next.punct && (npDeterminers[next.text] || capitalisedAt(sentence, next)) {
		return true // "use it like Skype"
	}
	if prev.punct || prev.is(isStop) || !c.nominal(sentence, prev) || capitalisedAt(sentence, prev) && i-1 == 0 {
		return false
	}
	if strings.HasSuffix(prev.text, "s") && capitalisedAt(sentence, next) {
		return false // "games like Jeopardy": examples of its own, not another product
	}
	return !next.punct && (npDeterminers[next.text] && next.text != "a" && next.text != "an" || capitalisedAt(sentence, next))
}

// otherCue reports an "other" that opens other products of the kind
// ("other brands", "many other salt and vinegar chips", "any other
// shampoo"): not "the other day", "each other", "other than", nor other
// people, reviews or the product's own variants.
func (c *Classifier) otherCue(sentence string, toks []token, i int) bool {
	if toks[i].text != "other" || i+1 >= len(toks) || toks[i+1].punct {
		return false
	}
	if i > 0 {
		switch toks[i-1].text {
		case "the", "each", "every", "no", "an", "on", "some", "few", "in":
			return false
		}
	}
	end := c.nounPhrase(sentence, toks, i+1, 5)
	if end <= i+1 {
		return false
	}
	head := toks[end-1].text
	if c.settings[head] || c.settings[strings.TrimSuffix(head, "s")] {
		return false // "for other rooms": places, not products
	}
	return !notOthers[head] && !toks[end-1].is(isPerson) && !c.people[head] && !people[head] && strings.HasSuffix(head, "s")
}

// notOthers are the heads of "other …" that are no alternative.
var notOthers = map[string]bool{"reviews": true, "reviewers": true, "colors": true, "colours": true, "sizes": true, "things": true,
	"items": true, "options": true, "features": true, "words": true, "times": true, "days": true, "ones": true, "parts": true,
	"stuff": true, "issues": true, "problems": true, "comments": true, "purposes": true, "uses": true, "ways": true, "rooms": true, "places": true}

// ownedCue reports a product by name the writer owns or owned besides
// this one: "I have an Alexa but …", "I don't own an iPad", "he has the
// old Kindle Fire": a verb of having, a determiner, then a name.
func (c *Classifier) ownedCue(sentence string, toks []token, i int) bool {
	switch toks[i].text {
	case "have", "has", "had", "own", "owned", "owns", "tried", "try":
	default:
		return false
	}
	if i == 0 || i+2 >= len(toks) || !subjects[toks[i-1].text] && !subjectHaves[toks[i-1].text] && toks[i-1].text != "don't" {
		return false
	}
	j := i + 1
	for j < len(toks) && npDeterminers[toks[j].text] {
		j++
	}
	if toks[i].text == "tried" || toks[i].text == "try" {
		// A product tried before: "I've tried Kerastase", "I had also
		// tried the Oral B"; "I tried the Ninja blender and love it" may be
		// this one.
		if !subjectHaves[toks[i-1].text] {
			return false
		}
	} else if j == i+1 {
		return false
	}
	if j >= len(toks) {
		return false
	}
	if oldOneAt(toks, j) {
		return true // "I have an older one"
	}
	end := c.nounPhrase(sentence, toks, j, 5)
	if end > j && toks[i].text != "tried" && toks[i].text != "try" && c.ownedBefore(sentence, toks, i, j, end) {
		return true // "I had a dot, but this…", "I have an older version"
	}
	// The name may stand later in the phrase ("the dot and Echo Plus"),
	// though not after a plural of its own ("any questions Anna").
	for k := j; k < max(end, j+1); k++ {
		if c.productName(sentence, toks[k]) {
			return true
		}
		if k+1 < end && strings.HasSuffix(toks[k].text, "s") && !capitalisedAt(sentence, toks[k]) {
			return false
		}
	}
	return false
}

// ownedBefore reports a thing the writer has or had, in tokens [j, end)
// after the verb of having at i, that the sentence sets against this one
// without naming it: an older model or version ("I have an older
// version", "we had the previous model"), or one the writer turns from
// with "but" to this one ("I had a dot, but this is so much better", "I
// owned an echo for a year but the new one…"). The writer must be the
// subject ("it has a cap that clicks, but…" names a part) and the thing
// no person, time, trouble or quantity ("I had a headache but…", "I
// have a bunch of…").
func (c *Classifier) ownedBefore(sentence string, toks []token, i, j, end int) bool {
	if !writerSubjects[toks[i-1].text] {
		return false
	}
	head := toks[end-1].text
	if notOwned[head] || c.personHead(toks, end-1) || timeUnits[head] || c.settings[head] || isNumber(head) || !c.nominal(sentence, toks[end-1]) {
		return false
	}
	if end < len(toks) && toks[end].text == "of" && !kindHeads[head] {
		return false // "a bunch of other brands": the phrase goes on ("an older version of the Kindle" names it)
	}
	for k := i + 1; k < end; k++ {
		if oldOnes[toks[k].text] && toks[k].text != "original" {
			return kindHeads[head] || c.productName(sentence, toks[end-1]) // "an older version", "an older Kindle"
		}
	}
	if d := toks[i+1].text; d != "a" && d != "an" {
		return false
	}
	for k := end; k < len(toks) && k < end+8; k++ {
		switch t := toks[k]; {
		case t.text == "but":
			// Turned from to this one: "but this", "but the new one".
			for m := k + 1; m < len(toks) && m <= k+3; m++ {
				if w := toks[m].text; w == "this" || w == "these" || w == "new" {
					return true
				}
			}
			return false
		case t.punct && t.text != ",":
			return false
		}
	}
	return false
}

// writerSubjects before a verb of having make the writer the owner: "I
// had a dot", "we've owned"; not "it has", "you have", nor "I don't have".
var writerSubjects = map[string]bool{"i": true, "we": true, "i've": true, "we've": true, "i'd": true, "we'd": true,
	"also": true, "already": true, "previously": true, "once": true}

// notOwned are the things one "has" that are no product: "I had a
// problem but…", "a headache", "a bunch of".
var notOwned = map[string]bool{"problem": true, "issue": true, "question": true, "chance": true, "time": true, "feeling": true,
	"choice": true, "doubt": true, "concern": true, "reaction": true, "experience": true, "idea": true, "look": true, "try": true,
	"bit": true, "lot": true, "couple": true, "few": true, "need": true, "reason": true, "hard": true, "moment": true, "day": true,
	"ton": true, "bunch": true, "pair": true, "handful": true, "variety": true, "number": true, "headache": true, "coupon": true,
	"tooth": true, "injury": true, "surgery": true, "owner": true, "house": true, "home": true, "scars": true, "habit": true}

// subjectHaves before "tried" make it a product the writer tried before:
// "I've tried the Ninja"; before a verb of having they stand for the
// writer too ("have had").
var subjectHaves = map[string]bool{"i've": true, "we've": true, "have": true, "had": true, "also": true, "previously": true, "once": true, "already": true}

// productName reports a word written as a name: "Alexa", "iPad"; not
// "AMAZING", nor a common word written with a capital ("a Question").
func (c *Classifier) productName(sentence string, t token) bool {
	w := sentence[t.start:t.end]
	class := c.aspects.WordClass(t.text)
	return strings.IndexFunc(w, unicode.IsUpper) >= 0 && !t.caps && (class == "" || strings.HasPrefix(class, "NP") || !capitalised(w))
}

// asAsCue reports an equal comparison, "as" + a word + "as", before
// another thing: "just as great as my others"; not "as well as", "as
// soon as", "as long as".
func asAsCue(toks []token, i int) bool {
	if toks[i].text != "as" || i+3 >= len(toks) || toks[i+2].text != "as" || toks[i+1].punct || toks[i+1].is(isStop) {
		return false
	}
	switch toks[i+1].text {
	case "well", "soon", "long", "far", "much", "many", "often", "quickly", "fast":
		return false
	}
	// The other side is a product of the writer's or named: "as good as
	// my old one", "as loud as the Echo"; not a figure of speech ("as
	// light as a feather").
	switch toks[i+3].text {
	case "my", "our", "the", "other", "any", "your", "his", "her", "their":
		return true
	}
	return false
}

// shopCue reports the shop the writer buys from instead: "at" or "from"
// after a verb of buying, before a shop by name or a local one ("got
// them at Grocery Outlet", "purchased from Publix", "at my local
// kroger"), or "in" a store ("used to buy them in the grocery store");
// not Amazon, the shop of the reviews themselves.
func (c *Classifier) shopCue(sentence string, toks []token, i int) bool {
	switch toks[i].text {
	case "at", "from", "in":
	default:
		return false
	}
	// A price compared with a shop's is a shop of the kind too: "$3 less
	// at Target", "cheaper from Publix".
	compared := i > 0 && priceComparatives[toks[i-1].text]
	buy := compared
	for k := i - 1; !buy && k >= 0 && k >= i-4; k-- {
		if toks[k].punct {
			break
		}
		if toks[k].is(isPurpose) && buyVerbs[toks[k].text] {
			buy = true
			break
		}
	}
	if !buy {
		return false
	}
	end := c.nounPhrase(sentence, toks, i+1, 5)
	shop := false
	for k := i + 1; k < end; k++ {
		switch w := toks[k].text; {
		case w == "amazon" || w == "amazon's" || w == "online" || w == "home" || w == "sale" || w == "end" || occasions[w] || months[w] || timeUnits[w]:
			return false // "at Christmas sale", "at the end of August": a time
		case shopWords[w]:
			shop = true
		case shopNames[w] && (compared || insteadOf(toks)):
			shop = true
		case toks[i].text != "in" && (w == "local" || w == "nearby"):
			shop = true
		case toks[i].text != "in" && c.productName(sentence, toks[k]) && (compared || insteadOf(toks)):
			shop = true // "used to buy these at Walmart"; not "I bought this at Target"
		}
	}
	return shop
}

// priceComparatives before "at" or "from" compare this price with a
// shop's.
var priceComparatives = map[string]bool{"less": true, "cheaper": true, "pricier": true}

// insteadOf reports words that make a shop named after a verb of buying
// the one used before or besides: "used to", "usually", "instead",
// "cheaper", "always".
func insteadOf(toks []token) bool {
	for k, t := range toks {
		switch t.text {
		case "usually", "instead", "cheaper", "always", "normally", "previously", "before":
			return true
		case "used":
			if k+1 < len(toks) && toks[k+1].text == "to" {
				return true
			}
		}
	}
	return false
}

// months are times, not shops ("at the end of August").
var months = map[string]bool{"january": true, "february": true, "march": true, "april": true, "may": true, "june": true, "july": true,
	"august": true, "september": true, "october": true, "november": true, "december": true}

// shopNames are chains whose names the word classes take for common
// nouns ("target", "walmart").
var shopNames = map[string]bool{"walmart": true, "target": true, "costco": true, "cvs": true, "walgreens": true, "kroger": true,
	"publix": true, "safeway": true, "aldi": true, "ulta": true, "sephora": true, "petsmart": true, "petco": true, "bestbuy": true}

// buyVerbs and shopWords serve shopCue.
var (
	// buyVerbs are purpose words too (the index flags them isPurpose, which
	// shopCue tests first): not "find", as "can't find it in stores" says
	// where it is missing.
	buyVerbs  = map[string]bool{"buy": true, "bought": true, "purchased": true, "purchase": true, "get": true, "got": true, "order": true, "ordered": true}
	shopWords = map[string]bool{"store": true, "stores": true, "shop": true, "shops": true, "supermarket": true, "supermarkets": true, "grocery": true, "pharmacy": true, "drugstore": true, "mall": true, "outlet": true}
)

// cheapCue reports the cheaper or dearer kind the writer sets this one
// against: "the cheaper ones", "generic brands", "pricier models".
func (c *Classifier) cheapCue(toks []token, i int) bool {
	switch toks[i].text {
	case "cheaper", "cheap", "generic", "knockoff", "knockoffs", "knock-off", "off-brand", "pricier":
	default:
		return false
	}
	if i > 0 {
		switch toks[i-1].text {
		case "this", "these", "is", "are", "it's", "they're", "a":
			return false // "this is cheap stuff", "these are cheap ones": the product itself
		}
	}
	if toks[i].text == "knockoff" || toks[i].text == "knockoffs" {
		return true
	}
	return i+1 < len(toks) && kindHeads[toks[i+1].text]
}

// kindHeads are the nouns that, after "cheaper" or "generic", name other
// products of the kind.
var kindHeads = map[string]bool{"ones": true, "brands": true, "brand": true, "versions": true, "version": true, "models": true, "model": true,
	"alternatives": true, "copies": true, "knockoffs": true, "products": true, "options": true, "stuff": true}

// way returns the way of doing the job an -ing clause names after a cue
// ("instead of doing it by hand", "instead of just hearing them"), or "".
func (c *Classifier) way(sentence string, toks []token, j int) string {
	k := j
	if k < len(toks) && (toks[k].text == "just" || toks[k].text == "simply" || toks[k].text == "actually") {
		k++
	}
	if k >= len(toks) || !c.verbal(toks[k].text) || capitalisedAt(sentence, toks[k]) {
		return ""
	}
	if k+1 < len(toks) && c.nominal(sentence, toks[k+1]) && !toks[k+1].is(isStop) {
		return "" // "running shoes": a noun phrase
	}
	phrase, _ := c.clausePhrase(sentence, toks, j, 6)
	return phrase
}

// nounPhrase returns the end (exclusive) of the noun phrase from j: words
// that can name a thing (nouns, adjectives, numbers, names, words the
// tagger never saw), joined by "and", "or", "/" or "of" to more of them
// ("the dot and Echo Plus", "FireTV/Roku/Apple TV", "any of the current
// Kindle models"), at most max words; j when no noun phrase starts there.
// A phrase of adjectives alone is none ("than willing").
func (c *Classifier) nounPhrase(sentence string, toks []token, j, max int) int {
	end, head := j, false // one past the last word; a noun seen
	for k := j; k < len(toks) && k-j < max; k++ {
		t := &toks[k]
		w := t.text
		if k > 0 && oldOnes[toks[k-1].text] && kindHeads[w] {
			end, head = k+1, true // "an older version", "the previous model"
			continue
		}
		if t.punct || isSymbol(*t) || t.is(isBreak) || t.is(isStop) {
			if end > j && k+1 < len(toks) && c.joins(sentence, w, toks[k+1]) {
				continue
			}
			// "my last pair", "the same one": a determiner or an adjective
			// among the stop words, before the noun.
			if end == j && (npDeterminers[w] || c.adjectiveOnly(w)) {
				continue
			}
			break
		}
		if !c.nominal(sentence, *t) {
			// An -ing word may modify the noun after it ("any streaming
			// device", "my running shoes").
			if c.verbal(w) && k+1 < len(toks) && c.nominal(sentence, toks[k+1]) {
				continue
			}
			// After a determiner or an adjective a verb's form is a noun:
			// "a French press", "the new release".
			if k > j && (npDeterminers[toks[k-1].text] || c.adjectiveOnly(toks[k-1].text)) && !strings.HasSuffix(w, "ed") && !gerund(w) {
				end, head = k+1, true
				continue
			}
			break
		}
		end = k + 1
		head = head || !c.adjectiveOnly(w)
	}
	if !head {
		return j
	}
	return end
}

// joins reports a word that joins the noun phrase before it to one more
// that starts at next: "and", "or", "/", "&" or "of" ("the dot and Echo
// Plus", "FireTV/Roku", "any of the current models"), or "from" before a
// name ("a Ipad from Apple"). A possessive after
// "and" starts a new clause's subject ("the shampoo and my hair looks").
func (c *Classifier) joins(sentence, w string, next token) bool {
	switch w {
	case "/", "and", "or", "&", "of":
	case "from":
		return capitalisedAt(sentence, next) // "a Ipad from Apple"
	default:
		return false
	}
	if next.punct {
		return false
	}
	switch next.text {
	case "my", "our", "your", "his", "her", "their", "it", "i", "we", "they", "you":
		return false
	}
	return npDeterminers[next.text] || c.nominal(sentence, next) && !c.adjectiveOnly(next.text)
}

// nominal reports a word that can stand in a noun phrase: a noun,
// adjective, number or name as the tagger's usual class says, a word it
// never saw (brands, models), or one written with a capital.
func (c *Classifier) nominal(sentence string, t token) bool {
	if capitalisedAt(sentence, t) {
		return true
	}
	if c.verbal(t.text) || strings.HasSuffix(t.text, "n't") {
		return false // "than having to pay": a clause, not a name
	}
	class := c.aspects.WordClass(t.text)
	return class == "" || strings.Contains(class, "N") || strings.HasPrefix(class, "J") || strings.HasPrefix(class, "CD")
}

// verbal reports an -ing word that is a verb ("doing", "streaming"), not
// an adjective ("willing") or a noun ("something").
func (c *Classifier) verbal(w string) bool {
	if !gerund(w) && !(len(w) == 5 && strings.HasSuffix(w, "ing") && w != "thing" && w != "bring" && w != "sting") {
		return false // "doing", "going" are short
	}
	class := c.aspects.WordClass(w)
	return class == "" || strings.Contains(class, "V")
}

// adjectiveOnly reports a word that is an adjective and never a noun: a
// noun phrase does not end on it.
func (c *Classifier) adjectiveOnly(w string) bool {
	class := c.aspects.WordClass(w)
	return strings.HasPrefix(class, "J") && !strings.Contains(class, "N")
}

// capitalisedAt reports a token of sentence written with a capital first
// letter.
func capitalisedAt(sentence string, t token) bool { return capitalised(sentence[t.start:t.end]) }

// capitalised reports a word written with a capital first letter.
func capitalised(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}
