// Package classifiers reads one review sentence at a time and says what it
// holds for a Jobs-to-be-Done analysis: a polarity score in [-1, 1] from a
// rule-plus-lexicon scorer in the VADER tradition, a pain / gain / neutral
// verdict, the functional / emotional / social outcome labels with the
// evidence terms that decided them, the job and situation phrases, the
// customer-journey stage and a named alternative.
//
// All words and cues come from the lexicons package; the rules here are
// the grammar around them (negation, intensifiers, "but", capitals, "!").
package classifiers

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"sync"

	"jobminer/classifiers/aspect"
	"jobminer/lexicons"
)

// Classifier holds the compiled lexicons. It is safe for concurrent use.
type Classifier struct {
	ix           *index   // shared by the matchers below
	valence      *matcher // single words and prefixes
	idioms       *matcher
	boosters     map[string]float64
	negations    map[string]bool
	cues         *matcher
	outcomes     *matcher
	jobs         *matcher // label "job" or "situation"; fixed situations have value 1
	journey      *matcher
	alternatives *matcher
	customer     *matcher        // segments, forces and touchpoints (customer.go)
	requests     []string        // cues of a request or unmet need (requests.go)
	zh           *Chinese        // Chinese sentences (chinese.go); nil: none attached
	breaks       map[string]bool // words that end an extracted phrase
	stops        map[string]bool // words with no content of their own
	settings     map[string]bool // places, times and occasions that make a situation (situations.go)
	people       map[string]bool // outcome terms of the social dimension that name a person
	aspects      *aspect.Model   // aspect-term tagger (aspects.go)
	polarity     *PolarityModel  // the sentence model (sentence_model.go); nil: the rules' thresholds
	outcome      *OutcomeModel   // the outcome model (outcome_model.go); nil: the rules' outcomes
	themes       map[string]string
	// Version is the lexicon version the classifier was built from.
	Version string
}

// New compiles a classifier from a lexicon set.
func New(set *lexicons.Set) (*Classifier, error) {
	ix := newIndex()
	c := &Classifier{
		ix:      ix,
		valence: ix.newMatcher(), idioms: ix.newMatcher(), boosters: map[string]float64{}, negations: map[string]bool{},
		cues: ix.newMatcher(), outcomes: ix.newMatcher(), jobs: ix.newMatcher(), journey: ix.newMatcher(), alternatives: ix.newMatcher(),
		customer: ix.newMatcher(),
		breaks:   map[string]bool{}, stops: map[string]bool{}, settings: map[string]bool{}, people: map[string]bool{}, Version: set.Version,
	}
	c.cues.tagged, c.outcomes.tagged = true, true
	defer c.markWords()
	if err := c.loadLearned(set); err != nil {
		return nil, err
	}
	// Layers in order, a later entry for the same term replacing an
	// earlier one: VADER's general valence, the learned layer (above), then
	// the project's own product-review tables.
	for _, t := range []struct {
		table string
		add   func(r lexicons.Row, v float64) error
	}{
		{"valence_vader.tsv", func(r lexicons.Row, v float64) error { c.addValence(r.Fields[0], v); return nil }},
		{"valence.tsv", func(r lexicons.Row, v float64) error { c.valence.add(r.Fields[0], v, ""); return nil }},
		{"idioms.tsv", func(r lexicons.Row, v float64) error { c.idioms.add(r.Fields[0], v, ""); return nil }},
		{"polarity_cues.tsv", c.addCue}, // an optional third field: "none"
		{"boosters.tsv", func(r lexicons.Row, v float64) error { c.boosters[strings.ToLower(r.Fields[0])] = v; return nil }},
	} {
		rows, err := set.Table(t.table, 2)
		if err != nil {
			return nil, err
		}
		for _, r := range rows {
			v, err := weight(r, 1)
			if err != nil {
				return nil, err
			}
			if err := t.add(r, v); err != nil {
				return nil, err
			}
		}
	}
	for table, into := range map[string]map[string]bool{"negations.txt": c.negations, "clause_breaks.txt": c.breaks, "stopwords.txt": c.stops, "settings.txt": c.settings} {
		rows, err := set.Table(table, 1)
		if err != nil {
			return nil, err
		}
		for _, r := range rows {
			into[strings.ToLower(r.Fields[0])] = true
		}
	}
	rows, err := set.Table("outcomes.tsv", 3)
	if err != nil {
		return nil, err
	}
	for _, r := range rows {
		dim := strings.ToLower(r.Fields[1])
		if dim != Functional && dim != Emotional && dim != Social {
			return nil, fmt.Errorf("lexicons %s line %d: dimension %q is not functional, emotional or social", r.File, r.Line, r.Fields[1])
		}
		v, err := weight(r, 2)
		if err != nil {
			return nil, err
		}
		c.outcomes.add(r.Fields[0], v, dim)
		if dim == Social && !strings.Contains(r.Fields[0], " ") {
			c.people[strings.ToLower(r.Fields[0])] = true
		}
	}
	for _, t := range []struct {
		table string
		into  *matcher
	}{{"jobs.tsv", c.jobs}, {"journey.tsv", c.journey}} {
		rows, err := set.Table(t.table, 2)
		if err != nil {
			return nil, err
		}
		for _, r := range rows {
			cue, fixed := strings.CutPrefix(r.Fields[1], "=")
			v := 0.0
			if fixed {
				v = 1
			}
			t.into.add(cue, v, strings.ToLower(r.Fields[0]))
		}
	}
	if c.aspects, err = aspect.Load(set); err != nil {
		return nil, err
	}
	if err := c.loadThemes(set); err != nil {
		return nil, err
	}
	if rows, err = set.Table("alternatives.tsv", 1); err != nil {
		return nil, err
	}
	for _, r := range rows {
		c.alternatives.add(r.Fields[0], 0, "alternative")
	}
	if err := c.loadCustomer(set); err != nil {
		return nil, err
	}
	if err := c.loadRequests(set); err != nil {
		return nil, err
	}
	if err := c.loadPolarityModel(set); err != nil {
		return nil, err
	}
	if err := c.loadOutcomeModel(set); err != nil {
		return nil, err
	}
	return c, nil
}

// weight reads field i of a lexicon row as a number.
func weight(r lexicons.Row, i int) (float64, error) {
	v, err := strconv.ParseFloat(r.Fields[i], 64)
	if err != nil {
		return 0, fmt.Errorf("lexicons %s line %d: %q is not a number", r.File, r.Line, r.Fields[i])
	}
	return v, nil
}

// scratch is the working memory of one Classify call, pooled so that
// classifying a sentence allocates little more than its Result.
type scratch struct {
	toks        []token
	weight      []float64
	sentiment   []string // the sentiment terms that scored
	negators    []int    // where the negations that flipped them stand
	hits        []cueHit
	cueEvidence []string
	evidence    []string // the result's evidence while it is gathered
	claimed     []bool   // tokens that are evidence of an emotional or social outcome (then also of a scored idiom)
	idiomSpans  [][2]int // token ranges [start, end) of the idioms that scored
	feat        features // the sentence model's input (sentence_model.go)
	// wantFeatures asks Classify to fill feat even with no model loaded,
	// and backed: per dimension, whether the sentence has a term of it or
	// a content word (outcomeSays).
	wantFeatures bool
	backed       [3]bool
}

// cueHit is a pain or gain cue found at token at, with its signed weight.
type cueHit struct {
	at int
	w  float64
	p  *phrase
}

var scratches = sync.Pool{New: func() any { return new(scratch) }}

// Classify analyzes one sentence. rating is the review's star rating
// (1..5), used as a prior; 0 means none.
func (c *Classifier) Classify(sentence string, rating float64) Result {
	sc := scratches.Get().(*scratch)
	defer scratches.Put(sc)
	return c.classify(sc, sentence, rating)
}

// classify is Classify with its working memory given.
func (c *Classifier) classify(sc *scratch, sentence string, rating float64) Result {
	sc.toks = c.ix.tokenize(sc.toks[:0], sentence)
	toks := sc.toks
	var res Result
	if len(toks) == 0 {
		res.Polarity = Neutral
		return res
	}
	// Clause weights: "but" / "however" shift weight to what follows;
	// a leading "although …," clause is dampened.
	weight := slices.Grow(sc.weight[:0], len(toks))[:len(toks)]
	sc.weight = weight
	for i := range weight {
		weight[i] = 1
	}
	clauseWeights(toks, weight)
	mixedCase := false
	for _, t := range toks {
		if !t.punct && !t.caps {
			mixedCase = true
			break
		}
	}

	// Sentiment: idioms first (longest match), then single words.
	sum, sentPos, sentNeg := 0.0, 0.0, 0.0
	sentiment, negators, idiomSpans := sc.sentiment[:0], sc.negators[:0], sc.idiomSpans[:0]
	for i := 0; i < len(toks); i++ {
		var v float64
		n := 1
		if p, pn := c.idioms.longest(toks, i); p != nil {
			v, n = p.value, pn
			if v != 0 {
				idiomSpans = append(idiomSpans, [2]int{i, i + n})
			}
		} else if p, _ := c.valence.longest(toks, i); p != nil && len(p.words) == 1 && !toks[i].is(isNegation) && !prepositionLike(toks, i) {
			// A negation is an operator on what follows, never a
			// sentiment of its own (VADER's list has "no" at -1.2).
			v = p.value
		}
		if v != 0 {
			sentiment = append(sentiment, sentence[toks[i].start:toks[i+n-1].end])
			if toks[i].caps && mixedCase {
				v += math.Copysign(0.733, v)
			}
			for k := 1; k <= 3 && i-k >= 0; k++ {
				if b := &toks[i-k]; b.is(isBooster) {
					v += math.Copysign(b.exact.booster*(1-0.05*float64(k-1)), v)
				}
			}
			if k := c.negator(toks, i); k >= 0 && !(n > 1 && andBetween(toks, k, i)) && !marvel(toks, k) {
				v *= -0.74
				negators = append(negators, k)
			}
			sum += v * weight[i]
			if v > 0 {
				sentPos += v * weight[i]
			} else {
				sentNeg += v * weight[i]
			}
		}
		i += n - 1
	}
	sc.sentiment, sc.negators, sc.idiomSpans = sentiment, negators, idiomSpans
	bangs := min(strings.Count(sentence, "!"), 4)
	if sum != 0 {
		sum += math.Copysign(0.292*float64(bangs), sum)
	}
	res.PolarityScore = sum / math.Sqrt(sum*sum+15)

	// Pain and gain cues: facts that need no sentiment word.
	// A negated cue flips ("doesn't slip" is a gain), and the negation
	// word, when it is a cue of its own ("doesn't"), is used up by it.
	hits := sc.hits[:0]
	for i := range toks {
		if slices.Contains(negators, i) {
			continue // "doesn't" in "doesn't hurt" negates, it is no cue
		}
		for p := range c.cues.at(toks, i) {
			if insideSpan(idiomSpans, i, i+len(p.words)) {
				continue // "never" in "never looked back": the idiom said it
			}
			if insideNegatedCue(toks, hits, i) || holdsNegation(toks, hits, i, len(p.words)) {
				continue // "have to" in "shouldn't have to", "should not have to": the longer cue said it
			}
			if marvel(toks, i) {
				continue // "can't believe": wonder, no inability
			}
			w := p.value
			if k := c.negator(toks, i); k >= 0 && p.label != timeSpan && !marvel(toks, k) {
				w = -w * 0.74
				hits = slices.DeleteFunc(hits, func(h cueHit) bool { return h.at <= k && k < h.at+len(h.p.words) })
			}
			hits = append(hits, cueHit{i, w * weight[i], p})
		}
	}
	sc.hits = hits
	cue, cuePos, cueNeg := 0.0, 0.0, 0.0
	cueEvidence := sc.cueEvidence[:0]
	for _, h := range hits {
		cue += h.w
		if h.w < 0 {
			cueNeg += h.w
			cueEvidence = append(cueEvidence, h.p.tag(Pain))
		} else {
			cuePos += h.w
			cueEvidence = append(cueEvidence, h.p.tag(Gain))
		}
	}
	sc.cueEvidence = cueEvidence
	lapsed := res.PolarityScore > 0 && lapsedPraise(toks, hits)
	if lapsed {
		res.PolarityScore *= -0.5 // "She loved it at first."
	}
	// Outcome terms, needed here because they set how much the rating
	// prior counts. The evidence gathers in the scratch memory and is
	// copied once, at its final length, when it is complete.
	res.Evidence = sc.evidence[:0]
	scores := &res.OutcomeScores
	claimed := slices.Grow(sc.claimed[:0], len(toks))[:len(toks)]
	clear(claimed)
	sc.claimed = claimed
	for i := range toks {
		for p := range c.outcomes.at(toks, i) {
			dim := p.label
			if dim == Emotional && !likesIt(toks, i, p) {
				continue // "seems like it will last", "I like that it folds"
			}
			// Other people's feelings are social: "my wife loves it".
			// "loves", "likes", "enjoys": the third person is never the writer.
			if dim == Emotional && (c.otherSubject(toks, i) || thirdPersonFeeling[toks[i].text]) {
				dim = Social
			}
			scores.add(dim, p.value)
			res.Evidence = append(res.Evidence, p.tag(dim))
			if dim != Functional {
				for k := i; k < i+len(p.words) && k < len(toks); k++ {
					claimed[k] = true
				}
			}
		}
		// "I feel safe", "makes me feel confident": the writer's feeling.
		// "I feel like it was made for me" thinks, it does not feel.
		if feel := toks[i].text; toks[i].is(isFeel) && c.firstPersonBefore(toks, i) && (i+1 >= len(toks) || toks[i+1].text != "like") {
			for j := i + 1; j < len(toks) && j <= i+3 && !toks[j].punct; j++ {
				if p, _ := c.valence.longest(toks, j); p != nil {
					scores.Emotional++
					res.Evidence = append(res.Evidence, Emotional+":"+feel+" "+toks[j].text)
					claimed[i], claimed[j] = true, true
					break
				}
			}
		}
	}

	// The rating is a prior, not the verdict. It counts double on a bare
	// statement of performance with no sentiment word or cue ("It fits in
	// my jeans pocket." in a four-star review), where it is the only lean.
	score := res.PolarityScore + 0.5*cue
	// A sentence with no evidence at all is background ("I bought the
	// fifty foot version."): the rating does not make it a verdict.
	evidence := len(sentiment) > 0 || len(cueEvidence) > 0 || scores.Functional >= 1
	res.JourneyStage = c.stage(toks)
	about := c.aboutProduct(toks, res.JourneyStage)
	bare := len(sentiment) == 0 && len(cueEvidence) == 0
	if rating > 0 && (evidence || about) {
		prior := (rating - 3) * 0.11
		if bare && (scores.Functional >= 1 || about) {
			prior *= 2
		}
		score += prior
	}
	question := strings.HasSuffix(strings.TrimSpace(sentence), "?")
	rules := verdict(score, question)
	res.Polarity = rules
	// The rules' outcomes. Forces and touchpoints (below) also keep the
	// rules' verdict: their cues were tuned with it (a functional fact
	// needs the rules' pain or gain), whatever the models decide.
	termScores := *scores // the outcome terms' own, before facts add to functional
	c.functionalFromFacts(&res, toks, sc, sentiment, rules)
	if !question {
		for _, d := range Dimensions {
			if scores.Of(d) >= 1 {
				res.Outcomes = append(res.Outcomes, d)
			}
		}
	}
	ruleOutcomes := res.Outcomes
	// The models, when loaded, weigh what the rules found: the verdict,
	// and the outcome dimensions they were trained to decide
	// (sentence_model.go, outcome_model.go).
	if c.polarity != nil || c.outcome != nil || sc.wantFeatures {
		in := polarityInputs{
			compound: res.PolarityScore, sentPos: sentPos, sentNeg: sentNeg, cuePos: cuePos, cueNeg: cueNeg,
			negations: len(negators), score: score, rating: rating, question: question, bangs: bangs,
			scores: termScores, about: about, evidence: evidence, bare: bare, lapsed: lapsed, stage: res.JourneyStage,
			contrast: slices.ContainsFunc(weight, func(w float64) bool { return w > 1 }),
			rules:    rules, outcomes: res.Outcomes,
		}
		c.applyModels(sc, &res, &in, toks)
	}
	res.Evidence = append(res.Evidence, cueEvidence...)
	sc.evidence, res.Evidence = res.Evidence, nil
	if len(sc.evidence) > 0 {
		res.Evidence = slices.Clone(sc.evidence)
	}

	res.Job, res.Situation = c.jobAndSituation(sentence, toks)
	res.Alternative = c.alternative(sentence, toks)
	c.customerCues(sentence, toks, &res, rules, ruleOutcomes)
	return res
}

// feelWords say that the writer feels something: "I feel safe".
var feelWords = []string{"feel", "feels", "felt", "feeling"}

func (c *Classifier) stage(toks []token) string {
	var found [len(stagePriority)]bool
	for i := range toks {
		for p := range c.journey.at(toks, i) {
			if k := slices.Index(stagePriority[:], p.label); k >= 0 {
				found[k] = true
			}
		}
	}
	for k, s := range stagePriority {
		if found[k] {
			return s
		}
	}
	return ""
}

// verdict turns a sentence's score (polarity and prior) into its polarity:
// gain from 0.2, pain from -0.2; a question is neutral unless strongly
// felt. English and Chinese sentences are judged by the same rule.
func verdict(score float64, question bool) string {
	switch {
	case question && math.Abs(score) < 0.8:
		return Neutral
	case score >= 0.2:
		return Gain
	case score <= -0.2:
		return Pain
	}
	return Neutral
}
