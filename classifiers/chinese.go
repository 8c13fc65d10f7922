package classifiers

import (
	"errors"
	"fmt"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"strings"
	"unicode"
	"unicode/utf8"

	"jobminer/classifiers/lang"
	"jobminer/lexicons"
)

// Chinese classifies Chinese sentences (Traditional or Simplified) the way
// Classifier does English ones: valence words with negation, degree
// adverbs and contrast, the star rating as a prior, and outcome evidence;
// its words are the tables of lexicons/zh. Chinese is written without
// spaces, so words are matched in the text, longest first.
type Chinese struct {
	valence, boosters map[string]float64
	negations         map[string]bool
	contrast          map[string]bool
	conditions        map[string]bool   // open a hypothetical clause
	product           map[string]bool   // put a product or its use in view (product.txt)
	segments          map[string]bool   // words of a kind of customer (segments.txt: 學生, 媽媽, 微胖)
	toHans            map[rune]rune     // Traditional to Simplified characters (script_pairs.tsv)
	hansTable         []rune            // toHans over the CJK block, by rune - hansFrom (0: none)
	outcomes          map[string]string // word → dimension
	people            map[string]bool   // social words that only name a person (third field "person")
	looks             map[string]bool   // words of looks (kind look): social after a wearing cue
	withs             map[string]bool   // words of doing for or with another (kind with): a person word in their clause is social
	fors              map[string]bool   // words of doing for another (kind for): a person word right after one is social
	urges             map[string]bool   // words of urging (kind urge): the readers addressed before one in its clause are urged, social
	unless            map[string]bool   // words of not buying (kind unless): a regret after one urges others to buy (「不買會後悔」)
	audience          map[string]bool   // person words that address the readers (third field "audience": 大家, 各位)
	seen              map[string]bool   // social words of how the writer is seen (third field "seen": 丟臉, 尷尬)
	phrases           map[string]string // job and situation cues → kind (jobs.tsv)
	maxLen            int               // longest word, in runes
	stops             map[string]bool   // stop words, for Terms
	// Characters only one script writes (script_pairs.tsv): which
	// segmenter dictionary a text needs.
	hantOnly, hansOnly map[rune]bool
	// polarity is the Chinese sentence model (chinese_model.go); nil: the
	// rules' thresholds decide.
	polarity *PolarityModel
	// Version is the lexicon version the classifier was built from.
	Version string
}

// Classify analyzes one Chinese sentence; rating is the review's stars
// (0: none).
func (c *Chinese) Classify(sentence string, rating float64) Result {
	if c.polarity == nil {
		return c.classify(sentence, rating, nil)
	}
	var f features
	return c.classify(sentence, rating, &f)
}

// classify is Classify; with f not nil, it fills f with the findings and
// lets the sentence model, when loaded, decide the verdict.
func (c *Chinese) classify(sentence string, rating float64, f *features) Result {
	var res Result
	var in polarityInputs
	text := strings.ToLower(sentence) // "CP值" is "cp值"
	var offBuf [256]int
	off := offBuf[:0]
	for i := range text {
		off = append(off, i)
	}
	off = append(off, len(text))
	runes := len(off) - 1
	// Clause weights: what follows a contrast word ("但是", "不過") carries
	// the verdict; what comes before it counts for less.
	var weightBuf [256]float64
	weight := weightBuf[:0]
	for range runes {
		weight = append(weight, 1)
	}
	// A line may hold a whole review: the contrast holds within its
	// sentence, and the sentences' verdicts add up.
	// A strong contrast that opens a sentence (「東西很好。但是物流很慢」)
	// answers the sentence before it; a mild one (就是, 只是) there adds a
	// caveat of its own (「房間很乾淨。就是早餐一般」).
	var sentBuf [32]runeSpan
	sentences := zhSentences(sentBuf[:0], text, off)
	for s, i := 0, 0; i < runes; i++ {
		for sentences[s].end <= i {
			s++
		}
		word, n := longestIn(c.contrast, text, off, i, c.maxLen)
		if n == 0 {
			continue
		}
		sp, from := sentences[s], sentences[s].start
		if i == contentStart(text, off, sp) {
			if s == 0 || mildContrast[word] {
				i += n - 1
				continue
			}
			from = sentences[s-1].start
		}
		in.contrast = true
		for k := from; k < i; k++ {
			weight[k] *= 0.5
		}
		for k := i; k < sp.end; k++ {
			weight[k] *= 1.5
		}
		i += n - 1
	}
	// A condition states no verdict: "如果不喜歡，我會很生氣" is
	// hypothetical, to the clause's end.
	for i := 0; i < runes; i++ {
		if _, n := longestIn(c.conditions, text, off, i, c.maxLen); n > 0 {
			for k := i; k < runes; k++ {
				r, _ := utf8.DecodeRuneInString(text[off[k]:])
				if isBreakRune(r) {
					break
				}
				weight[k] *= 0.2
			}
			i += n - 1
		}
	}
	var scores Scores
	peopleOnly := 0.0 // social evidence that only names a person
	seenOnly := 0.0   // social evidence of how the writer is seen (丟臉)
	personAt := -1    // where the last person word starts (rune index)
	sum := 0.0
	outcomeEnd := 0 // outcome words do not overlap: 「賣家人」 holds no 「家人」
	for i := 0; i < runes; {
		w, n := longestIn(c.valence, text, off, i, c.maxLen)
		d, dn := longestIn(c.outcomes, text, off, i, c.maxLen)
		if dn > 0 && i >= outcomeEnd {
			outcomeEnd = i + dn
			dim := c.outcomes[d]
			if c.people[d] {
				personAt = i
			}
			// Other people's feelings are social: 「老公很喜歡」, 「同學很喜歡」.
			if dim == Emotional && personAt >= 0 && !breakBetween(text, off, personAt, i) {
				dim = Social
			}
			// A regret for not buying urges others to buy: 「不買你真的會後悔」.
			if dim == Emotional && c.unlessBefore(d, text, off, i) {
				dim = Social
			}
			// Looking good when worn is how others see the writer:
			// 「穿起來非常可愛」 is social, a bare 「可愛」 none.
			if dim == wornCue {
				if look := c.lookInClause(text, off, i+dn); look != "" {
					dim, d = Social, look
				}
			}
			if p := scores.at(dim); p != nil {
				*p++
				res.Evidence = append(res.Evidence, dim+":"+d)
				if c.people[d] && !c.withInClause(text, off, i) && !c.forBefore(d, text, off, i) && !c.wearsAfter(d, text, off, i+dn) && !c.urgedAfter(d, text, off, i+dn) {
					peopleOnly++
				}
				if c.seen[d] {
					seenOnly++
				}
			}
		}
		if dn == 0 && i >= outcomeEnd && recommendAtClauseEnd(text, off, i) {
			scores.Social++
			res.Evidence = append(res.Evidence, Social+":推")
		}
		// A degree adverb, then a longer word: 「很好看」 is 很 + 好看, not
		// 很好 + 看 (the word after the adverb reaches further).
		if _, b := longestIn(c.boosters, text, off, i, c.maxLen); n > 0 && b > 0 && b < n {
			if _, m := longestIn(c.valence, text, off, i+b, c.maxLen); b+m > n {
				w, n = "", 0
			}
		}
		v := c.valence[w]
		if n == 0 && goodAtClauseEnd(text, off, i) {
			w, n, v = "好", 1, goodPredicate
			if endsWith(c.negations, text, off, i, c.maxLen) == 0 && c.negatedVerbBefore(text, off, i) {
				v = -0.74 * goodPredicate // a verb's result denied: 「沒車好」, 「沒有包裝好」
			}
		}
		if n == 0 && recommendAtClauseEnd(text, off, i) {
			w, n, v = "推", 1, recommendPredicate
		}
		if r, _ := utf8.DecodeRuneInString(text[off[i]:]); n == 0 && (r == '等' || r == '好' || zhNumerals[r]) {
			if m := waitedAt(text, off, i); m > 0 {
				w, n, v = text[off[i]:off[i+m]], m, waitedValence // 「等了三天」, 「兩週才到」
			} else if m := arrivedAt(text, off, i); m > 0 {
				w, n, v = text[off[i]:off[i+m]], m, arrivedValence // 「三天就收到了」
			}
			if n > 0 && i+n > outcomeEnd {
				// Time waited or saved is functional (docs/LABELLING.md); the
				// outcome words it holds (到貨) are its.
				scores.Functional++
				res.Evidence = append(res.Evidence, Functional+":"+w)
				outcomeEnd = i + n
			}
		}
		if n == 0 {
			i++
			continue
		}
		// A degree adverb, then a negation, may stand before the word:
		// "很好", "不太好", "沒有很好".
		j := i
		if b := endsWith(c.boosters, text, off, j, c.maxLen); b > 0 && v != 0 { // a word of value 0 stays none
			v += math.Copysign(c.boosters[text[off[j-b]:off[j]]], v)
			j -= b
		}
		neg := endsWith(c.negations, text, off, j, c.maxLen)
		if neg == 0 {
			// A negation over a quantifier: 「沒其他不好的地方」, 「沒什麼缺點」.
			if q := endsWith(chineseQuantifiers, text, off, j, 2); q > 0 {
				neg = endsWith(c.negations, text, off, j-q, c.maxLen)
			}
		}
		if neg == 0 && notAsMuch(text, off, j) {
			neg = 1 // 「沒有想像的那麼好」: not as good as thought
		}
		if neg > 0 || v < 0 && c.unlessBefore(w, text, off, i) { // 「不買會後悔」: no regret, a recommendation
			v *= -0.74
			in.negations++
		}
		// A word of value 0 ("出差" holds "差") only blocks a shorter one.
		if v != 0 {
			side := Gain
			if v < 0 {
				side = Pain
			}
			res.Evidence = append(res.Evidence, side+":"+w)
		}
		sum += v * weight[i]
		if v > 0 {
			in.sentPos += v * weight[i]
		} else {
			in.sentNeg += v * weight[i]
		}
		i += n
	}
	bangs := min(strings.Count(sentence, "!")+strings.Count(sentence, "！"), 4)
	if sum != 0 {
		sum += math.Copysign(0.292*float64(bangs), sum)
	}
	res.PolarityScore = sum / math.Sqrt(sum*sum+15)
	score := res.PolarityScore
	evidence := sum != 0 || scores.Functional >= 1
	if rating > 0 && evidence {
		prior := (rating - 3) * 0.11
		// A complaint in a five-star review is still a complaint: shop
		// reviews give five stars and name a flaw (「顏色有點落差」). A
		// rating that opposes the words counts a quarter.
		if prior*score < 0 {
			prior *= 0.25
		}
		score += prior
	}
	question := zhAllQuestions(text, off, sentences)
	res.Polarity = verdict(score, question)
	if f != nil {
		in.compound, in.score, in.rating, in.question, in.bangs = res.PolarityScore, score, rating, question, bangs
		in.scores, in.evidence, in.bare = scores, evidence, sum == 0
		in.rules = res.Polarity // the rules' verdict, and their outcomes:
		in.outcomes = outcomesOf(socialBeyondPeople(scores, peopleOnly), question)
		c.featurize(f, &in, text, runes)
		if c.polarity != nil {
			res.Polarity = polarityClasses[argmax(c.polarity.pairLogits(f, c.oneScript(text), off))]
		}
	}
	if rating == 0 && (scores.Emotional > 0 || seenOnly > 0) && scores.Functional < 1 && !c.productInView(text, off) {
		// A feeling, or how the writer is seen, about life on a forum:
		// 「我好擔心確診」, 「別出來丟臉了」 (before the rule of people, so
		// that 「你們會被笑」 leaves only a person named).
		scores.Emotional = 0
		scores.Social = max(scores.Social-seenOnly, 0)
	}
	scores = socialBeyondPeople(scores, peopleOnly)
	res.Outcomes = outcomesOf(scores, question)
	res.OutcomeScores = scores
	res.Job, res.Situation, res.Alternative = c.phrasesOf(text, off)
	res.Segment = c.segmentOf(text, off)
	return res
}

// isBreak reports a rune that ends a Chinese phrase: punctuation, a space
// or an emoji.
func isBreakRune(r rune) bool {
	return unicode.IsPunct(r) || unicode.IsSpace(r) || unicode.IsSymbol(r)
}

// Load builds the classifier of every language the project reads from
// the built-in lexicons and, when dir is not empty, the user's tables
// under dir: the English rules with the Chinese classifier attached.
func Load(dir string) (*Classifier, error) {
	// A user's directory holds the languages it changes: one with only
	// en/ or only zh/ (what lexicon learn writes) leaves the other built in.
	langDir := func(code string) string {
		if _, err := os.Stat(filepath.Join(dir, code)); dir != "" && errors.Is(err, fs.ErrNotExist) {
			return ""
		}
		return dir
	}
	enDir, zhDir := langDir("en"), langDir("zh")
	if dir != "" && enDir == "" && zhDir == "" {
		return nil, fmt.Errorf("lexicons %s: holds neither en/ nor zh/", dir)
	}
	en, err := lexicons.Load("en", enDir)
	if err != nil {
		return nil, err
	}
	c, err := New(en)
	if err != nil {
		return nil, err
	}
	zhSet, err := lexicons.Load("zh", zhDir)
	if err != nil {
		return nil, err
	}
	zh, err := NewChinese(zhSet)
	if err != nil {
		return nil, err
	}
	c.WithChinese(zh)
	return c, nil
}

// WithChinese attaches the Chinese classifier that ClassifyIn and
// Evaluate use for Chinese sentences. The classifier's version then names
// both lexicon sets ("en-…+zh-…"), so that results of either are known
// stale when its tables change.
func (c *Classifier) WithChinese(z *Chinese) {
	c.zh = z
	if base, _, _ := strings.Cut(c.Version, "+"); z != nil {
		c.Version = base + "+" + z.Version
	}
}

// Chinese returns the attached Chinese classifier, or nil.
func (c *Classifier) Chinese() *Chinese { return c.zh }

// ClassifyIn analyzes a sentence of a document in language code (a
// classifiers/lang code): Chinese sentences by the Chinese classifier when
// one is attached, every other by the English rules.
func (c *Classifier) ClassifyIn(code, sentence string, rating float64) Result {
	if c.zh != nil && lang.IsChinese(code) {
		return c.zh.Classify(sentence, rating)
	}
	return c.Classify(sentence, rating)
}

// ClassifyAuto analyzes a sentence of unknown language (a line given to
// classify, a labelled sentence): Chinese when it looks Chinese and a
// Chinese classifier is attached.
func (c *Classifier) ClassifyAuto(sentence string, rating float64) Result {
	if c.zh != nil && lang.LooksChinese(sentence) {
		return c.zh.Classify(sentence, rating)
	}
	return c.Classify(sentence, rating)
}
