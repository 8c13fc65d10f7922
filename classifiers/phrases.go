package classifiers

import (
	"strings"
	"unicode/utf8"
)

// Phrase extraction: the job, the situation and the alternative a
// sentence names, from the cues of jobs.tsv and alternatives.tsv and the
// words that follow them up to a clause break.

// phraseAfter returns the text after token j: words up to a clause break
// (punctuation, an emoticon or emoji, or a clause-break word), at most max
// words, without the function words a cut leaves at its end ("… moment
// of" → "… moment").
func (c *Classifier) phraseAfter(sentence string, toks []token, j, max int) (string, int) {
	end := j
	for end < len(toks) && end-j < max && !toks[end].punct && !isSymbol(toks[end]) && !toks[end].is(isBreak) {
		end++
	}
	for end > j && toks[end-1].is(isStop) && !isFunctionKeep(toks[end-1].text) {
		end--
	}
	if end == j {
		return "", 0
	}
	return sentence[toks[j].start:toks[end-1].end], end - j
}

// isSymbol reports an emoticon or emoji token: it ends a phrase.
func isSymbol(t token) bool {
	if t.text == "" {
		return false
	}
	r, _ := utf8.DecodeRuneInString(t.text)
	return !isWordRune(r)
}

// isFunctionKeep lists the stop words a phrase may end with ("clean
// up", "help me out", "use it").
func isFunctionKeep(w string) bool {
	switch w {
	case "up", "out", "off", "down", "in", "on", "me", "us", "them", "him", "her", "it", "use":
		return true // "for occasional use"
	}
	return false
}

var timeUnits = map[string]bool{"day": true, "days": true, "week": true, "weeks": true, "month": true, "months": true,
	"year": true, "years": true, "use": true, "uses": true, "hour": true, "hours": true, "minutes": true, "while": true,
	"minute": true, "second": true, "seconds": true, "time": true, "times": true, "decade": true, "decades": true, "ages": true}

// quantities are the words that, before a time unit, make a duration:
// "3 weeks", "a few months", "several years".
var quantities = map[string]bool{"a": true, "an": true, "few": true, "couple": true, "several": true, "many": true, "some": true,
	"one": true, "two": true, "three": true, "four": true, "five": true, "six": true, "ten": true, "the": true, "first": true, "of": true,
	"about": true, "around": true, "over": true, "under": true, "nearly": true, "almost": true, "at": true, "least": true, "more": true,
	"than": true, "less": true, "only": true, "just": true, "past": true, "last": true, "next": true, "another": true}

// duration reports whether the words from j on start with a duration or
// a price ("3 weeks", "a few months", "$20", "80", "the price"): not a
// job ("for 3 weeks") and not a situation ("after 3 weeks it broke").
func duration(toks []token, j int) bool {
	for k := j; k < len(toks) && k < j+4; k++ {
		t := toks[k].text
		switch {
		case t == "$" || isNumber(t) || t[0] >= '0' && t[0] <= '9':
			return true
		case timeUnits[t]:
			// "for 3 weeks", "for years", "for hours": a duration; "for use"
			// or "for the time" alone is not.
			return k > j || strings.HasSuffix(t, "s") && t != "uses" && t != "times"
		case k == j && (t == "less" || t == "free" || t == "half"):
			return true // "get them for less online": a price
		case priceWords[t]:
			return true // "for the price", "for a great price"
		case !quantities[t] && !priceAdjectives[t]:
			return false
		}
	}
	return false
}

// priceWords name a price: "for the price" is no job, nor "for the money".
var priceWords = map[string]bool{"price": true, "prices": true, "money": true, "cost": true, "buck": true, "bucks": true,
	"rebate": true, "discount": true, "now": true, "deal": true, "sale": true}

// priceAdjectives may stand before a price word: "for a great price",
// "for such a low cost".
var priceAdjectives = map[string]bool{"great": true, "good": true, "low": true, "lower": true, "reasonable": true, "cheap": true,
	"cheaper": true, "affordable": true, "decent": true, "fair": true, "nice": true, "excellent": true, "amazing": true,
	"awesome": true, "unbeatable": true, "such": true, "very": true, "really": true, "better": true, "best": true}

// personOnly reports whether a "for" phrase names only a person or an
// occasion ("for me", "for my grandsons", "for christmas"): a gift or an
// occasion is no job by itself.
func (c *Classifier) personOnly(toks []token, j, n int) bool {
	if objectPronouns[toks[j].text] && !(toks[j].text == "her" && n > 1) {
		return true // "good for you and the environment"; not "for her hair"
	}
	if occasions[toks[j].text] || n > 1 && determiners[toks[j].text] && occasions[toks[j+1].text] {
		return true // "for Christmas this year"
	}
	end := j + n - 1
	if n >= 3 && toks[end].text == "law" && toks[end-1].text == "in" {
		end -= 2 // "for my mother in law"
	}
	if last := &toks[end]; last.is(isPerson) || objectPronouns[last.text] || c.segmentHead(toks, end) {
		return true // "for elderly parents", "for my 4 year old son", "for beginners"
	}
	if n >= 3 && toks[j+n-1].text == "old" && (toks[j+n-2].text == "year" || toks[j+n-2].text == "yr" || toks[j+n-2].text == "month") {
		return true // "for my 2 year old": a child
	}
	// "for people with bunion issues", "for my mother who has…": the
	// person, then what marks them out, is a kind of customer.
	for k := j; k < j+n-1; k++ {
		if t := &toks[k]; !t.is(isStop) && !determiners[t.text] {
			if next := toks[k+1].text; (t.is(isPerson) || people[t.text]) && (next == "who" || next == "with" || next == "whose" || next == "that") {
				return true
			}
			break
		}
	}
	for k := j; k < j+n; k++ {
		t := &toks[k]
		if !t.is(isPerson) && !t.is(isStop) && !determiners[t.text] && !occasions[t.text] && !c.segmentHead(toks, k) {
			return false
		}
	}
	return true
}

// people are the words for persons that are no social outcome term.
var people = map[string]bool{"people": true, "person": true, "someone": true, "anyone": true, "everyone": true, "those": true,
	"folks": true, "customers": true, "users": true, "men": true, "women": true, "guys": true, "ladies": true}

// occasions are situations, not jobs: "for christmas".
var occasions = map[string]bool{"christmas": true, "xmas": true, "birthday": true, "birthdays": true, "anniversary": true,
	"holidays": true, "holiday": true, "summer": true, "winter": true, "spring": true, "summers": true, "winters": true, "valentine's": true, "valentines": true, "easter": true, "graduation": true}

func (c *Classifier) jobAndSituation(sentence string, toks []token) (job, situation string) {
	for i := 0; i < len(toks); i++ {
		p, n := c.jobs.longest(toks, i)
		if p == nil {
			continue
		}
		switch {
		case p.label == "situation" && p.value == 1:
			if situation == "" {
				situation = sentence[toks[i].start:toks[i+n-1].end]
			}
		case p.label == "situation":
			// "a while": a noun, no clause ("for a while now"); a sentence
			// that opens "While …," concedes, it sets no scene.
			if i > 0 && (toks[i-1].text == "a" || toks[i-1].text == "the") || i == 0 && toks[i].text == "while" || preference(toks, i) {
				break
			}
			if situation == "" {
				situation = c.clauseSituation(sentence, toks, i, n)
			}
		case p.label == "job" && job == "":
			rest, m := c.jobPhrase(sentence, toks, i+n)
			lead := p.words[len(p.words)-1]
			if m == 0 || lead == "for" && (duration(toks, i+n) || c.personOnly(toks, i+n, m) || !c.forUse(toks, i+n)) || lead == "to" && complaintVerbs[toks[i+n].text] {
				break
			}
			if lead == "with" {
				job = "help with " + rest // "helps with the dry mouth"
			} else if lead == "to" || lead == "for" || lead == "that" {
				job = lead + " " + rest
			} else {
				job = rest
			}
		}
		i += n - 1
	}
	if job == "" {
		job = c.genericJob(sentence, toks)
	}
	// "for my kitchen", "for bedroom or office": a room is where the job
	// is done, a situation (the annotators mark all ten such phrases so),
	// as an occasion is ("for Father's Day", "for game night").
	if situation == "" && roomsOnly(job) {
		job, situation = "", job
	}
	if situation == "" {
		situation = c.setting(sentence, toks)
	}
	return job, situation
}

// preference reports an "if" that states a taste or a means, not a
// situation: "if you like it hot", "if you love reading", "if I have a
// few hundred dollars", "if you're looking for a place".
func preference(toks []token, i int) bool {
	if toks[i].text != "if" || i+2 >= len(toks) {
		return false
	}
	switch toks[i+1].text {
	case "i", "you", "you're", "we", "your", "one":
	default:
		return false
	}
	for k := i + 2; k < len(toks) && k <= i+4; k++ {
		switch toks[k].text {
		case "like", "love", "enjoy", "want", "prefer", "know", "can", "have", "looking", "need", "care", "are", "don't", "do":
			if toks[k].text == "are" && k+1 < len(toks) {
				next := toks[k+1].text
				return next == "looking" || next == "a" || next == "familiar" || next == "not"
			}
			return true
		}
	}
	return false
}

// forUse reports whether the words after "for" can name a use: not an
// article or pronoun that makes "good for a phone of this size" a
// comparison, nor "for anyone".
func (c *Classifier) forUse(toks []token, j int) bool {
	if j >= len(toks) {
		return false
	}
	if auxiliaries[toks[j].text] {
		return false // "good for is taking up space"
	}
	switch toks[j].text {
	case "a", "an", "as", "such", "so", "its", "this", "that", "these", "those", "it", "them", "anyone", "everyone", "someone", "anybody", "everybody", "all", "any", "what", "which", "how", "sure":
		return false
	}
	return true
}

// situationStart returns the first token from j on that opens a
// situation (so a job phrase ends before it), or len(toks).
func (c *Classifier) situationStart(toks []token, j int) int {
	for k := j; k < len(toks); k++ {
		if p, _ := c.jobs.longest(toks, k); p != nil && p.label == "situation" {
			return k
		}
	}
	return len(toks)
}

// purposeWords (and motionVerbs) are flagged isPurpose by the index.
//
// purposeWords are the words after which "to" + a verb states what the
// product is for ("use it to", "bought these to", "a simple way to", "easy
// to", "able to", "needed to") and "for" + a use names one ("great for",
// "use it for", "bought them for").
var purposeWords = map[string]bool{
	"use": true, "used": true, "using": true, "uses": true, "bought": true, "buy": true, "purchased": true, "purchase": true,
	"got": true, "get": true, "ordered": true, "order": true, "need": true, "needed": true, "needs": true, "want": true,
	"wanted": true, "way": true, "easy": true, "easier": true, "able": true, "help": true, "helps": true, "helped": true,
	"allows": true, "allow": true, "lets": true, "hired": true, "perfect": true, "great": true, "good": true, "best": true,
	"ideal": true, "fine": true, "well": true, "nice": true, "excellent": true, "awesome": true, "works": true, "work": true,
	"designed": true, "made": true, "meant": true, "useful": true, "handy": true, "convenient": true, "simple": true,
}

// notVerbs are the words after "to" that make it a preposition, not a
// verb's infinitive ("to the store", "to me", "to 5 stars").
var notVerbs = map[string]bool{"the": true, "a": true, "an": true, "my": true, "your": true, "his": true, "her": true, "our": true,
	"their": true, "this": true, "that": true, "these": true, "those": true, "me": true, "you": true, "him": true, "them": true,
	"us": true, "it": true, "its": true, "be": true, "say": true, "mention": true, "date": true, "anyone": true, "everyone": true,
	"someone": true, "others": true, "all": true, "any": true, "amazon": true, "large": true, "big": true, "small": true, "much": true, "many": true, "long": true}

// contentIn counts the words of toks[j:j+n] that are not stop words.
func (c *Classifier) contentIn(toks []token, j, n int) int {
	k := 0
	for i := j; i < j+n; i++ {
		if !toks[i].is(isStop) && !toks[i].punct {
			k++
		}
	}
	return k
}

// comparisonOpeners are the first words of the alternatives.tsv cues
// that set one thing against another, so a job ends there.
var comparisonOpeners = map[string]bool{"instead": true, "rather": true, "than": true, "compared": true, "versus": true, "vs": true,
	"unlike": true, "as": true, "in": true}

// jobPhrase is the clause phrase of a job from j: at most 8 words, ending
// before a situation or an alternative opens ("to read recipes | instead
// of hearing them"). After "for" it is a noun phrase, which an "and" + a
// verb or adverb ends: "for my daily workout | and fit well".
func (c *Classifier) jobPhrase(sentence string, toks []token, j int) (string, int) {
	end := c.situationStart(toks[:min(len(toks), j+9)], j) // clausePhrase takes at most 8 words
	// It ends at another clause's verb ("to do | was to sleep") or a
	// comparison.
	for k := j + 1; k < end; k++ {
		if auxiliaries[toks[k].text] || jobEndsAt(toks, k) {
			end = k
			break
		}
		if p, _ := c.alternatives.longest(toks, k); p != nil && comparisonOpeners[p.words[0]] {
			end = k
			break
		}
	}
	if j > 0 && toks[j-1].text == "for" {
		for k := j + 1; k+1 < end; k++ {
			if t := toks[k].text; t == "and" || t == "or" {
				if class := c.aspects.WordClass(toks[k+1].text); (class == "V" || class == "R") && !gerund(toks[k+1].text) {
					end = k
					break
				}
			}
		}
	}
	return c.clausePhrase(sentence, toks[:end], j, 8)
}

// clausePhrase is phraseAfter that goes on over "and"/"or" joining more
// of the same ("to check my email and get on Facebook", "for indoor and
// outdoor reading") and stops where a new clause begins ("to connect a DI
// box | it will not get abused"), at most max words.
func (c *Classifier) clausePhrase(sentence string, toks []token, j, max int) (string, int) {
	end := j
	for end < len(toks) && end-j < max && !toks[end].punct && !isSymbol(toks[end]) {
		t := toks[end].text
		if toks[end].is(isBreak) {
			if (t == "and" || t == "or") && end+1 < len(toks) && !toks[end+1].punct && !subjects[toks[end+1].text] && !auxiliaries[toks[end+1].text] && !toks[end+1].is(isBreak) {
				end++
				continue
			}
			break
		}
		if end > j && subjects[t] && end+1 < len(toks) && (auxiliaries[toks[end+1].text] || c.aspects.WordClass(toks[end+1].text) == "V") {
			break
		}
		if end > j && subjectContractions[t] {
			break // "after chemical shampoos | it's pretty big"
		}
		end++
	}
	for end > j && (toks[end-1].is(isStop) && !isFunctionKeep(toks[end-1].text) || toks[end-1].text == "and" || toks[end-1].text == "or") {
		end--
	}
	if end == j {
		return "", 0
	}
	return sentence[toks[j].start:toks[end-1].end], end - j
}

// roomWords name the rooms and places of a home or work where a product
// stands: "for" + only these is a situation, not a use.
var roomWords = map[string]bool{"kitchen": true, "kitchens": true, "bedroom": true, "bedrooms": true, "bathroom": true,
	"bathrooms": true, "office": true, "offices": true, "home": true, "homes": true, "house": true, "room": true, "rooms": true,
	"shop": true, "garage": true, "basement": true, "dorm": true, "patio": true, "porch": true, "nightstand": true, "desk": true}

// occasionDays and occasionNights are the words before "day" and "night"
// that make them an occasion: "for Mother's Day", "for game night".
var (
	occasionDays   = map[string]bool{"mother's": true, "mothers": true, "father's": true, "fathers": true, "valentine's": true, "valentines": true, "prime": true}
	occasionNights = map[string]bool{"game": true, "date": true, "movie": true, "family": true, "pizza": true}
)

// roomsOnly reports a "for" phrase that names only rooms or an occasion:
// "for the home", "for any bathroom or kitchen", "for Father's Day", "for
// family game nights"; not "for my kitchen scraps" (the last word must be
// the room or the occasion).
func roomsOnly(phrase string) bool {
	words := strings.Fields(strings.ToLower(phrase))
	if len(words) < 2 || words[0] != "for" {
		return false
	}
	room := false
	for k, w := range words[1:] {
		prev := words[k] // the word before w
		switch {
		case roomWords[w] || occasions[w] && w != "summer" && w != "winter" && w != "spring":
			room = true
		case (w == "day" || w == "days") && occasionDays[prev], (w == "night" || w == "nights") && occasionNights[prev]:
			room = true
		case occasionDays[w] || occasionNights[w]:
			room = false // "mother's" before "day", "game" before "night"
		case w == "and" || w == "or" || npDeterminers[w] || w == "each" || w == "every" || w == "living":
			room = false
		default:
			return false
		}
	}
	return room
}

// jobEndsAt reports a word at k that ends a job's phrase: the manner of
// doing it, "without" + a gerund ("to play music | without pairing any
// device"; "to cook without oil" keeps it), thanks said to someone ("for
// my TV | thank you for your help"; "to send thank you notes" is a job)
// and "and also" ("help with the dry mouth | and also leaves…").
func jobEndsAt(toks []token, k int) bool {
	next := func(d int) string {
		if k+d < len(toks) && !toks[k+d].punct {
			return toks[k+d].text
		}
		return ""
	}
	switch toks[k].text {
	case "without":
		return gerund(next(1)) || next(1) == "having"
	case "thank":
		if next(1) == "god" || next(1) == "goodness" {
			return true
		}
		switch after := next(2); {
		case next(1) != "you":
			return false
		case after == "" || after == "for" || after == "so" || after == "again":
			return true
		}
	case "thanks":
		return next(1) == "" || next(1) == "to" || next(1) == "again" || next(1) == "for"
	case "and":
		return next(1) == "also"
	}
	return false
}

// subjectContractions open a new clause: "it's", "i'm", "they're".
var subjectContractions = map[string]bool{"it's": true, "i'm": true, "i've": true, "i'd": true, "i'll": true, "that's": true,
	"there's": true, "they're": true, "we're": true, "you're": true, "he's": true, "she's": true, "we've": true, "they've": true}

// subjects and auxiliaries mark the start of a new clause: "it will",
// "I was", "they are".
var (
	subjects    = map[string]bool{"i": true, "it": true, "he": true, "she": true, "they": true, "we": true, "you": true, "this": true}
	auxiliaries = map[string]bool{"will": true, "would": true, "is": true, "was": true, "are": true, "were": true, "can": true, "could": true,
		"has": true, "have": true, "had": true, "does": true, "did": true, "do": true, "may": true, "might": true, "should": true, "won't": true,
		"doesn't": true, "didn't": true, "isn't": true, "wasn't": true, "can't": true}
)

// purposeBefore reports whether a word of purpose stands within the three
// words before i, in the same clause. A verb of using or buying reaches
// further, over its object ("use the Echo screen to pull up", "needed
// additional cables to get"), and a verb of motion needs a word between
// ("go there to eat").
func (c *Classifier) purposeBefore(toks []token, i int) bool {
	for k := i - 1; k >= 0 && k >= i-8; k-- {
		if toks[k].punct || k < i-1 && toks[k].is(isBreak) {
			return false
		}
		switch toks[k].text {
		case "i", "we", "he", "she", "they", "you":
			if k < i-1 {
				return false // "after light use I decided to try": a new clause
			}
		}
		if !toks[k].is(isPurpose) {
			continue
		}
		if w := toks[k].text; motionVerbs[w] {
			if k < i-1 {
				return true
			}
		} else if purposeWords[w] && (k >= i-3 || purposeVerbs[w]) {
			return true
		}
	}
	return false
}

// praiseBefore reports a positive word of the writer's within the two
// words before a "for": what it is good for names a use ("wonderful for
// my gym classes", "love them for all activities").
func (c *Classifier) praiseBefore(toks []token, i int) bool {
	for k := i - 1; k >= 0 && k >= i-3; k-- {
		if toks[k].punct {
			return false
		}
		if w := toks[k].text; w == "thanks" || w == "thank" || w == "you" {
			return false // "thanks for …": gratitude, not a use
		}
		if p, _ := c.valence.longest(toks, k); p != nil && p.value > 0 {
			return true
		}
	}
	return false
}

// purposeVerbs are the purpose words whose object may stand between them
// and the "to" or "for" of the job.
var purposeVerbs = map[string]bool{"use": true, "used": true, "using": true, "uses": true, "bought": true, "buy": true,
	"purchased": true, "purchase": true, "ordered": true, "order": true, "need": true, "needed": true, "needs": true, "got": true, "get": true}

// motionVerbs are purpose verbs only over a word between: "go there to
// eat", not "going to return it".
var motionVerbs = map[string]bool{"go": true, "went": true, "come": true, "came": true}
