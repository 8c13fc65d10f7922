package classifiers

// Phrase extraction: the job, the situation and the alternative a
// sentence names, from the cues of jobs.tsv and alternatives.tsv and the
// words that follow them up to a clause break.

// phraseAfter returns the text after token j: words up to a clause break
// (punctuation or a stop word), at most max words.
func (c *Classifier) phraseAfter(sentence string, toks []token, j, max int) (string, int) {
	end := j
	for end < len(toks) && end-j < max && !toks[end].punct && !toks[end].is(isBreak) {
		end++
	}
	if end == j {
		return "", 0
	}
	return sentence[toks[j].start:toks[end-1].end], end - j
}

var timeUnits = map[string]bool{"day": true, "days": true, "week": true, "weeks": true, "month": true, "months": true,
	"year": true, "years": true, "use": true, "uses": true, "hour": true, "hours": true, "minutes": true, "while": true}

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
			_, m := c.phraseAfter(sentence, toks, i+n, 7)
			if situation == "" && m > 0 && !(m <= 3 && timeUnits[toks[i+n+m-1].text]) {
				situation = sentence[toks[i].start:toks[i+n+m-1].end]
			}
		case p.label == "job" && job == "":
			rest, m := c.phraseAfter(sentence, toks[:c.situationStart(toks, i+n)], i+n, 10)
			if m > 0 {
				lead := p.words[len(p.words)-1]
				if lead == "to" || lead == "for" || lead == "that" {
					job = lead + " " + rest
				} else {
					job = rest
				}
			}
		}
		i += n - 1
	}
	return job, situation
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

var notAlternatives = map[string]bool{"one": true, "it": true, "this": true, "them": true, "that": true, "a": true, "the": true}

func (c *Classifier) alternative(sentence string, toks []token) string {
	for i := range toks {
		p, n := c.alternatives.longest(toks, i)
		if p == nil {
			continue
		}
		j := i + n
		for j < len(toks) && (toks[j].text == "a" || toks[j].text == "an" || toks[j].text == "the" || toks[j].text == "my" || toks[j].text == "old") {
			j++
		}
		if j >= len(toks) || notAlternatives[toks[j].text] {
			continue
		}
		alt, _ := c.phraseAfter(sentence, toks, j, 4)
		if alt != "" {
			return alt
		}
	}
	return ""
}
