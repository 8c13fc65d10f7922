package classifiers

import (
	"io"
	"math"
	"slices"
	"strings"

	"jobminer/lexicons"
)

// The sentence model turns what the rules found in a sentence (sentiment
// sums, cue sums, outcome scores, the rating, the shape of the sentence)
// into its pain / gain / neutral verdict with weights learned from
// labelled real sentences (polarity_model.tsv, written by "jobminer
// lexicon train"), instead of the hand-set thresholds of verdict. The
// rules still find the evidence; the model only weighs it.

// featureNames names the dense features, in vector order.
var featureNames = [...]string{
	"bias",
	"compound",      // the VADER-style compound score of the sentiment words
	"sentiment+",    // summed positive sentiment (clause-weighted)
	"sentiment-",    // summed negative sentiment
	"cue+",          // summed gain cues
	"cue-",          // summed pain cues
	"negations",     // negations that flipped a sentiment word
	"rule score",    // the rules' own score (compound, cues and prior)
	"rating 1",      // the review's stars, one-hot
	"rating 2",      //
	"rating 3",      //
	"rating 4",      //
	"rating 5",      //
	"rated bare",    // (stars - 3) on a sentence with no sentiment word or cue
	"question",      // ends in "?"
	"exclamations",  // "!" count, up to 4
	"functional",    // outcome scores, up to 3
	"emotional",     //
	"social",        //
	"about product", // the sentence speaks of the product in use
	"no evidence",   // no sentiment word, cue or functional term
	"contrast",      // a "but" or "however" shifts the weight
	"words",         // log(1 + words)
	"lapsed",        // praise that lapsed ("loved it at first")
	"first person",  // I, my, me, we
	"second person", // you, your: advice and warnings
	"stage awareness",
	"stage consideration",
	"stage purchase",
	"stage use",
	"stage advocacy",
	"rules pain",       // the rules' own verdict (verdict's thresholds)
	"rules gain",       //
	"rules functional", // the rules' own outcomes
	"rules emotional",  //
	"rules social",     //
}

const nFeatures = len(featureNames)

// Positions of the features that code outside featurize reads.
const (
	fRuleScore    = 7  // "rule score"
	fQuestion     = 14 // "question"
	fRulesPain    = 31 // "rules pain", then "rules gain"
	fRulesOutcome = 33 // "rules functional", then emotional, social
)

// The words of the "first person" and "second person" features.
var (
	firstPerson  = []string{"i", "my", "me", "we", "our", "i'm", "i've", "myself"}
	secondPerson = []string{"you", "your", "you'll", "you're"}
)

// features is the dense description of one sentence the model weighs.
type features [nFeatures]float64

// polarityInputs are the rule findings featurize reads.
type polarityInputs struct {
	compound, sentPos, sentNeg, cuePos, cueNeg float64
	negations                                  int
	score, rating                              float64
	question                                   bool
	bangs                                      int
	scores                                     Scores
	about, evidence, bare, contrast, lapsed    bool
	stage                                      string
	rules                                      string   // the rules' verdict
	outcomes                                   []string // the rules' outcome dimensions
	words                                      int      // words (English) or characters (Chinese) of text
	firstPerson, secondPerson                  bool
}

func b2f(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

// personAndWords sets the inputs' word count and persons from English tokens.
func (in *polarityInputs) personAndWords(toks []token) {
	for i := range toks {
		if toks[i].punct {
			continue
		}
		in.words++
		if toks[i].is(isFirstPerson) {
			in.firstPerson = true
		} else if toks[i].is(isSecondPerson) {
			in.secondPerson = true
		}
	}
}

// featurize fills f from the rule findings.
func featurize(f *features, in *polarityInputs) {
	*f = features{}
	f[0] = 1
	f[1] = in.compound
	f[2] = min(in.sentPos, 6)
	f[3] = max(in.sentNeg, -6)
	f[4] = min(in.cuePos, 4)
	f[5] = max(in.cueNeg, -4)
	f[6] = float64(min(in.negations, 2))
	f[fRuleScore] = max(min(in.score, 2), -2)
	if r := int(math.Round(in.rating)); r >= 1 && r <= 5 {
		f[7+r] = 1
		if in.bare {
			f[13] = in.rating - 3
		}
	}
	f[fQuestion] = b2f(in.question)
	f[15] = float64(in.bangs)
	f[16] = min(in.scores.Functional, 3)
	f[17] = min(in.scores.Emotional, 3)
	f[18] = min(in.scores.Social, 3)
	f[19] = b2f(in.about)
	f[20] = b2f(!in.evidence)
	f[21] = b2f(in.contrast)
	f[22] = math.Log1p(float64(in.words))
	f[24], f[25] = b2f(in.firstPerson), b2f(in.secondPerson)
	f[23] = b2f(in.lapsed)
	switch in.stage {
	case "awareness":
		f[26] = 1
	case "consideration":
		f[27] = 1
	case "purchase":
		f[28] = 1
	case "use":
		f[29] = 1
	case "advocacy":
		f[30] = 1
	}
	switch in.rules {
	case Pain:
		f[fRulesPain] = 1
	case Gain:
		f[fRulesPain+1] = 1
	}
	for k, d := range Dimensions {
		f[fRulesOutcome+k] = b2f(slices.Contains(in.outcomes, d))
	}
}

// applyModels takes the findings of a classified sentence as features
// and lets the loaded models decide its verdict and outcomes; with
// sc.wantFeatures it also records what training reads (sc.feat,
// sc.backed).
func (c *Classifier) applyModels(sc *scratch, res *Result, in *polarityInputs, toks []token) {
	in.personAndWords(toks)
	featurize(&sc.feat, in)
	if sc.wantFeatures { // what outcomeSays needs, for training
		content := c.contentWords(toks, sc.claimed, 1) > 0
		for k, d := range Dimensions {
			sc.backed[k] = content || slices.ContainsFunc(res.Evidence, evidenceOf(d))
		}
	}
	if c.polarity != nil {
		res.Polarity = c.polarity.decide(&sc.feat, toks)
	}
	if c.outcome != nil && !in.question {
		c.outcome.decide(res, &sc.feat, func(n int) []string { return c.contentTerms(toks, sc.claimed, n) })
	}
}

// polarityClasses is the class order of the model's weights.
var polarityClasses = [3]string{Pain, Gain, Neutral}

// wordPrefix marks a word feature in polarity_model.tsv ("word:refund").
const wordPrefix = "word:"

// PolarityModel is a multinomial logistic regression over the dense
// features and, optionally, words: the class with the highest weighted
// sum wins. It is safe for concurrent use.
type PolarityModel struct {
	dense [3]features
	words map[string][3]float64
}

// logits returns the model's score of each class for a sentence whose
// words (each occurrence) are given by word(i) for i < n.
func (m *PolarityModel) logits(f *features, n int, word func(i int) string) [3]float64 {
	var z [3]float64
	for j, x := range f {
		if x != 0 {
			z[0] += m.dense[0][j] * x
			z[1] += m.dense[1][j] * x
			z[2] += m.dense[2][j] * x
		}
	}
	if len(m.words) > 0 {
		for i := range n {
			w := m.words[word(i)]
			for k := range z {
				z[k] += w[k]
			}
		}
	}
	return z
}

// argmax returns the class of the highest score.
func argmax(z [3]float64) int {
	best := 0
	for k := 1; k < 3; k++ {
		if z[k] > z[best] {
			best = k
		}
	}
	return best
}

// decide returns the verdict on a classified sentence.
func (m *PolarityModel) decide(f *features, toks []token) string {
	return polarityClasses[argmax(m.tokenLogits(f, toks))]
}

// tokenLogits is logits over a classified sentence's tokens, reading the
// words' weights from their slots (setPolarity): the same sums without a
// map lookup a word.
func (m *PolarityModel) tokenLogits(f *features, toks []token) [3]float64 {
	z := m.logits(f, 0, nil)
	for i := range toks {
		s := toks[i].exact
		if s == nil || s.polarity == nil || toks[i].punct {
			continue
		}
		for k := range z {
			z[k] += s.polarity[k]
		}
	}
	return z
}

// setPolarity makes m (nil: none) the classifier's sentence model: the
// words m weighs get their weights in their index slots, for tokenLogits,
// and the words of the model it replaces lose theirs. The slots belong to
// the index, which a copy of the Classifier value shares: install a model
// on a classifier of its own, never on a copy whose original still
// classifies with another.
func (c *Classifier) setPolarity(m *PolarityModel) {
	if c.polarity != nil {
		for w := range c.polarity.words {
			c.ix.word(w).polarity = nil
		}
	}
	c.polarity = m
	if m != nil {
		for w, weights := range m.words {
			c.ix.word(w).polarity = &weights
		}
	}
}

// classIndex returns the position of a polarity label in polarityClasses.
func classIndex(label string) int {
	for k, c := range polarityClasses {
		if c == strings.ToLower(label) {
			return k
		}
	}
	return -1
}

// loadPolarityModel reads polarity_model.tsv: feature, then its weight
// for pain, gain and neutral. A table without rows, or with a row "off"
// (a user's table can say so), leaves the verdict to the rules' thresholds.
// A user's table replaces the built-in one (modelRows).
func (c *Classifier) loadPolarityModel(set *lexicons.Set) error {
	m, err := readPolarityModel(set)
	c.setPolarity(m)
	return err
}

// readPolarityModel reads a set's polarity_model.tsv; nil: no model.
func readPolarityModel(set *lexicons.Set) (*PolarityModel, error) {
	m := &PolarityModel{}
	ok, err := readModelTable(set, "polarity_model.tsv", "pain, gain, neutral", func(r lexicons.Row, name string, w [3]float64) error {
		if word, ok := strings.CutPrefix(name, wordPrefix); ok {
			if m.words == nil {
				m.words = map[string][3]float64{}
			}
			m.words[strings.ToLower(word)] = w
			return nil
		}
		j := slices.Index(featureNames[:], name)
		if j < 0 {
			return unknownFeature(r, "sentence model", ", or "+wordPrefix+"<word>")
		}
		for k := range w {
			m.dense[k][j] = w[k]
		}
		return nil
	})
	if !ok {
		return nil, err
	}
	return m, nil
}

// WriteTSV writes the model as polarity_model.tsv, after header lines
// (each written as a comment).
func (m *PolarityModel) WriteTSV(w io.Writer, header []string) error {
	t := newModelTable(w, header, "pain\tgain\tneutral")
	for j, name := range featureNames {
		t.row(name, [3]float64{m.dense[0][j], m.dense[1][j], m.dense[2][j]})
	}
	words := make([]string, 0, len(m.words))
	for word := range m.words {
		words = append(words, word)
	}
	slices.Sort(words)
	for _, word := range words {
		t.row(wordPrefix+word, m.words[word])
	}
	return t.Flush()
}
