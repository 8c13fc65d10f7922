package classifiers

// Generic jobs: the job a sentence names without a cue of jobs.tsv,
// read from "to" + a verb or "for" + a use after a word of purpose.

import (
	"strings"
)

// jobCues are the words genericJob reads by their text: the index flags
// them isJobCue, so that each pass below tests a bit, not a string, a
// token.
var jobCues = []string{"as", "to", "for", "job", "so", "help", "helps", "helped",
	"allows", "allowed", "allow", "lets", "enables", "enabled", "love", "loves", "loved", "enjoy", "enjoys", "enjoyed"}

// genericJob finds a job no cue of jobs.tsv introduces: "to" + a verb
// after a word of purpose within three words ("I only use my Kindle to
// read books"), or "for" + a use after one ("great for walking", "perfect
// for the gym", "work well for my daily workout").
func (c *Classifier) genericJob(sentence string, toks []token) string {
	// Which of the later passes' words the sentence holds, noted in the
	// first pass: most sentences hold none, and skip those passes.
	var hasHelp, hasSo, hasLet, hasLove bool
	note := func(t string) {
		hasSo = hasSo || t == "so"
		hasHelp = hasHelp || helpWords[t]
		hasLet = hasLet || letWords[t]
		hasLove = hasLove || loveWords[t]
	}
	if len(toks) > 0 && toks[0].is(isJobCue) {
		note(toks[0].text) // the pass below starts at the second token
	}
	for i := 1; i < len(toks)-1; i++ {
		if !toks[i].is(isJobCue) {
			continue
		}
		t := toks[i].text
		note(t)
		if t == "as" && useBefore(toks, i) {
			// "use it as an intercom", "works well as alarm clock": the role
			// it is hired for, a noun phrase.
			if end := c.nounPhrase(sentence, toks, i+1, 5); end > i+1 && !asNotRole[toks[i+1].text] && c.namesSomething(toks, i+1, end-i-1) {
				return sentence[toks[i].start:toks[end-1].end]
			}
			continue
		}
		if t != "to" && t != "for" || !c.purposeBefore(toks, i) && !(t == "for" && c.praiseBefore(toks, i)) && !(t == "to" && placeTo(toks, i)) {
			continue
		}
		j := i + 1
		switch t {
		case "to":
			if toks[j].punct || notVerbs[toks[j].text] || isNumber(toks[j].text) || toks[j].is(isStop) && !c.stopVerb(toks[j].text) || gerund(toks[j].text) {
				continue
			}
			// A verb follows "to": not a place ("went online to ebay"),
			// not a complaint ("want to return"); "used to" is a habit
			// and a negated want no purpose.
			if class := c.aspects.WordClass(toks[j].text); class == "NP" || capitalisedAt(sentence, toks[j]) && !strings.Contains(class, "V") || complaintVerbs[toks[j].text] ||
				toks[i-1].text == "used" && !passive(toks, i-1) || c.negatedWant(toks, i) {
				continue
			}
		case "for":
			if duration(toks, j) || !c.forUse(toks, j) || objectPronouns[toks[j].text] {
				continue
			}
		}
		rest, m := c.jobPhrase(sentence, toks, j)
		if m == 0 || t == "for" && c.personOnly(toks, j, m) {
			continue
		}
		// "to get another one": buying again, not what it is for; "wish it
		// was able to answer more": a wish.
		if t == "to" && (buyVerbs[toks[j].text] && j+1 < len(toks) && (toks[j+1].text == "another" || toks[j+1].text == "more") || wishBefore(toks, i)) {
			continue
		}
		// "easy to use", "able to find it": praise of ease, not a job; a job
		// names what is done ("to find documents").
		content := c.contentIn(toks, j, m)
		if toks[j].is(isStop) && c.stopVerb(toks[j].text) && content > 0 {
			content++ // "to get it there on time": the verb counts, with a word after it
		}
		if t == "to" && (content < 2 && !c.wayBefore(toks, i, j) || easeBefore(toks, i) && easeVerbs[toks[j].text]) {
			continue
		}
		return t + " " + rest
	}
	// "a nice job at moisturizing my skin", "a great job of keeping": what
	// it did is the job.
	for i := 1; i+1 < len(toks); i++ {
		if toks[i-1].is(isJobCue) && toks[i-1].text == "job" && (toks[i].text == "at" || toks[i].text == "of") && c.verbal(toks[i+1].text) {
			if rest, m := c.jobPhrase(sentence, toks, i+1); m > 0 {
				return rest
			}
		}
	}
	// "to anyone selling their property", "for people starting out": the
	// customers it suits, by what they do.
	for i := 1; i+1 < len(toks); i++ {
		if toks[i-1].is(isJobCue) && (toks[i-1].text == "to" || toks[i-1].text == "for") && people[toks[i].text] && gerund(toks[i+1].text) && !notJobGerunds[toks[i+1].text] {
			if rest, m := c.jobPhrase(sentence, toks, i+1); m > 1 {
				return rest
			}
		}
	}
	// "helps keep my son entertained", "helped me become better
	// organized": what it helps do is the job.
	for i := 0; hasHelp && i+2 < len(toks); i++ {
		if !toks[i].is(isJobCue) || !helpWords[toks[i].text] {
			continue
		}
		if c.negatedWant(toks, i) {
			continue // "it did not help keep the coffee hot"
		}
		j := i + 1
		if objectPronouns[toks[j].text] {
			j++
		}
		if j >= len(toks) {
			continue
		}
		// A verb in its base form: "keep", "become"; not a past form or a gerund.
		if w := toks[j].text; c.stopVerb(w) || c.aspects.WordClass(w) == "V" && !gerund(w) && !strings.HasSuffix(w, "ed") && !toks[j].is(isStop) {
			if rest, m := c.jobPhrase(sentence, toks, j); m > 1 {
				return rest
			}
		}
	}
	// "so he could play games", "so that my child can have access": what
	// the purchase lets someone do.
	for i := 0; hasSo && i+3 < len(toks); i++ {
		if !toks[i].is(isJobCue) || toks[i].text != "so" {
			continue
		}
		j := i + 1
		if toks[j].text == "that" {
			j++
		}
		if !soSubjects[toks[j].text] {
			continue // "so loud I could hear it", "so others can avoid", "did so because"
		}
		for k := j; k < len(toks)-1 && k <= j+3 && !toks[k].punct; k++ {
			if w := toks[k].text; w == "can" || w == "could" {
				if k == j || c.negatedWant(toks, k+1) || toks[k+1].is(isStop) && !c.stopVerb(toks[k+1].text) || sayVerbs[toks[k+1].text] ||
					len(toks[k+1].text) < 2 || isNumber(toks[k+1].text) {
					break // no verb after it: "so they can b seen"
				}
				if rest, m := c.jobPhrase(sentence, toks, k+1); m > 1 && !afterSales(toks, k+1, m) {
					return rest
				}
				break
			}
		}
	}
	// "allows me to download books", "lets us watch movies": what it lets
	// one do.
	for i := 0; hasLet && i+2 < len(toks); i++ {
		if !toks[i].is(isJobCue) || !letWords[toks[i].text] {
			continue
		}
		j := i + 1
		if !objectPronouns[toks[j].text] {
			continue
		}
		j++
		if j < len(toks) && toks[j].text == "to" {
			j++
		}
		if j < len(toks) && c.verbal(toks[j].text) && !gerund(toks[j].text) {
			if rest, m := c.jobPhrase(sentence, toks, j); m > 1 && !afterSales(toks, j, m) && !afterSales(toks, 0, i) {
				return rest
			}
		}
	}
	// "I love playing movies on it", "Love downloading books from the
	// library": a use the writer enjoys.
	for i := 0; hasLove && i+2 < len(toks); i++ {
		if !toks[i].is(isJobCue) || !loveWords[toks[i].text] {
			continue
		}
		if i > 0 && (!personSubjects[toks[i-1].text] || toks[i-1].text == "would" || toks[i-1].text == "i'd") && toks[i-1].text != "really" && toks[i-1].text != "also" {
			continue // "I would love seeing this in blue": a wish
		}
		if w := toks[i+1].text; gerund(w) && !notJobGerunds[w] && !bareUseGerunds[w] {
			if rest, m := c.jobPhrase(sentence, toks, i+1); m > 1 {
				return rest
			}
		}
	}
	// "for" + a gerund names a use wherever it stands: "for making kombucha".
	for i := 0; i < len(toks)-1; i++ {
		if toks[i].is(isJobCue) && toks[i].text == "for" && gerund(toks[i+1].text) && (i == 0 || toks[i-1].text != "thanks" && toks[i-1].text != "you") {
			if rest, m := c.jobPhrase(sentence, toks, i+1); m > 0 {
				return "for " + rest
			}
		}
	}
	return ""
}

// notJobGerunds after a word for people ("anyone", "those") say who,
// not what they do: "anyone looking for" (a cue of its own), "anyone
// reading this".
var notJobGerunds = map[string]bool{"looking": true, "reading": true, "thinking": true, "considering": true, "wondering": true, "having": true, "wanting": true}

// bareUseGerunds after "love" say only that it is used or owned ("love
// using it", "love having it"), no use of their own.
var bareUseGerunds = map[string]bool{"using": true, "having": true, "being": true, "getting": true, "owning": true, "spending": true, "giving": true,
	"seeing": true, "knowing": true, "opening": true, "unboxing": true, "receiving": true}

// helpWords say what it helps do ("helps keep"); letWords what the
// product lets one do ("allows me to"); loveWords what the writer enjoys
// doing ("love playing").
var (
	helpWords = map[string]bool{"help": true, "helps": true, "helped": true}
	letWords  = map[string]bool{"allows": true, "allowed": true, "allow": true, "lets": true, "enables": true, "enabled": true}
	loveWords = map[string]bool{"love": true, "loves": true, "loved": true, "enjoy": true, "enjoys": true, "enjoyed": true}
)

// soSubjects may follow "so" (or "so that") as the subject of what the
// purchase lets someone do: "so he could", "so my child can".
var soSubjects = map[string]bool{"i": true, "we": true, "he": true, "she": true, "they": true, "my": true, "our": true, "his": true, "her": true, "their": true, "the": true}

// afterSalesWords name a return, a repair or a refund: what a warranty or
// a return lets one do is no job ("so I could get a refund", "the return
// policy allows you to send it back").
var afterSalesWords = map[string]bool{"refund": true, "return": true, "returned": true, "replacement": true, "fix": true, "repair": true,
	"exchange": true, "warranty": true, "policy": true, "back": true}

// afterSales reports a word of afterSalesWords in the m tokens from j.
func afterSales(toks []token, j, m int) bool {
	for k := j; k < j+m && k < len(toks); k++ {
		if afterSalesWords[toks[k].text] {
			return true
		}
	}
	return false
}

// sayVerbs after "so you can" address the reader, no use: "so you can
// imagine my joy".
var sayVerbs = map[string]bool{"imagine": true, "tell": true, "guess": true, "say": true, "see": true}

// wishBefore reports a "wish" within the four words before i: "wish it
// was able to answer more questions" states what it cannot do.
func wishBefore(toks []token, i int) bool {
	for k := i - 1; k >= 0 && k >= i-4; k-- {
		if toks[k].punct {
			return false
		}
		if w := toks[k].text; w == "wish" || w == "wished" || w == "wishing" {
			return true
		}
	}
	return false
}

// useBefore reports a verb of use within the three words before an "as"
// ("use it as", "works well as", "doubles as"); "bought it as a gift"
// names no role.
func useBefore(toks []token, i int) bool {
	for k := i - 1; k >= 0 && k >= i-3; k-- {
		switch toks[k].text {
		case "use", "used", "using", "uses", "works", "work", "worked", "serves", "serve", "doubles", "double":
			return true
		}
		if toks[k].punct {
			return false
		}
	}
	return false
}

// asNotRole are the words after "as" that make a comparison or a manner,
// not a role: "as well", "as described", "as good as".
var asNotRole = map[string]bool{"well": true, "good": true, "much": true, "long": true, "soon": true, "far": true, "described": true,
	"advertised": true, "expected": true, "pictured": true, "shown": true, "many": true, "often": true, "easy": true, "great": true,
	"nice": true, "big": true, "small": true, "little": true, "the": true, "it": true, "they": true, "i": true, "you": true, "is": true}

// passive reports a be-verb before toks[i]: "being used to connect", not
// the habit "I used to".
func passive(toks []token, i int) bool {
	if i == 0 {
		return false
	}
	switch toks[i-1].text {
	case "is", "are", "was", "were", "be", "being", "been", "it's":
		return true
	}
	return false
}

// complaintVerbs after "to" state a complaint, not a job.
var complaintVerbs = map[string]bool{"return": true, "exchange": true, "complain": true, "refund": true, "review": true, "rate": true}

// negatedWant reports "did not want to", "don't need to": no purpose.
func (c *Classifier) negatedWant(toks []token, i int) bool {
	for k := i - 1; k >= 0 && k >= i-3; k-- {
		if toks[k].is(isNegation) || strings.HasSuffix(toks[k].text, "n't") {
			return true
		}
	}
	return false
}

// stopVerb reports a stop word that, after "to", is a verb with an
// object to follow ("to get everything connected", "to make the gift
// card more of a gift", "to keep").
func (c *Classifier) stopVerb(w string) bool {
	switch w {
	case "get", "make", "take", "keep", "find", "see", "give", "put", "help", "do", "play", "show":
		return true
	}
	return false
}

// easeBefore reports "easy to", "simple to", "hard to" and the like.
func easeBefore(toks []token, i int) bool {
	switch toks[i-1].text {
	case "easy", "easier", "simple", "simpler", "hard", "harder", "difficult", "convenient", "quick", "straightforward":
		return true
	}
	return false
}

// wayBefore reports "way to" or "place to" before the single verb at j,
// one the writer does, not of handling: "my favorite way to relax", "a
// great place to eat"; not "a way to use it", "the way to go" (a verdict),
// "the best way to describe it" (talk), nor "on the way to school" (a
// road).
func (c *Classifier) wayBefore(toks []token, i, j int) bool {
	if w := toks[i-1].text; w != "way" && w != "place" {
		return false
	}
	if i >= 3 && toks[i-3].text == "on" || easeVerbs[toks[j].text] || toks[j].is(isStop) || sayVerbs[toks[j].text] {
		return false
	}
	switch toks[j].text {
	case "go", "describe", "explain", "put", "start", "find", "ship":
		return false
	}
	return strings.Contains(c.aspects.WordClass(toks[j].text), "V")
}

// placeTo reports "place to" + a verb after a word that praises the
// place ("a beautiful place to enjoy a nice dinner"): not "in place",
// "first place", "the only place to find it".
func placeTo(toks []token, i int) bool {
	if i < 2 || toks[i-1].text != "place" {
		return false
	}
	switch toks[i-2].text {
	case "in", "first", "only", "the", "a", "this", "that", "one", "any", "no", "every", "some":
		return false
	}
	return true
}

// easeVerbs after "easy to" praise the handling, they state no job: "easy
// to set up and have no issues", "easy to handle in the shower".
var easeVerbs = map[string]bool{"use": true, "set": true, "setup": true, "install": true, "handle": true, "read": true, "order": true,
	"buy": true, "do": true, "contact": true, "clean": true, "carry": true, "wear": true, "operate": true, "assemble": true, "navigate": true,
	"understand": true, "follow": true, "apply": true, "open": true, "store": true, "stow": true, "pack": true, "put": true, "hold": true,
	"grip": true, "learn": true, "program": true, "adjust": true, "work": true, "load": true, "make": true, "charge": true, "take": true, "prepare": true}

// objectPronouns after "for" name a person ("for me in one moment").
var objectPronouns = map[string]bool{"me": true, "you": true, "him": true, "her": true, "us": true, "them": true, "myself": true, "yourself": true}

// gerund reports an -ing word that is no noun of its own ("thing", "king").
func gerund(w string) bool {
	return len(w) > 5 && strings.HasSuffix(w, "ing") && w != "something" && w != "anything" && w != "everything" && w != "nothing"
}
