package report

import (
	"context"
	"database/sql"
	"fmt"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"jobminer/classifiers"
	"jobminer/classifiers/lang"
)

// Job stories: "When [situation], I want to [job], so [outcome]", each
// part a phrase extracted from one review, the parts close together in it
// (the situation in the job's sentence, with no contrast and at most
// storyGap words between them; the outcome after the job in that sentence
// or in the gain sentence right after it), jobs merged across reviews by
// their words' stems ("for walking", "for walks").

// stories writes job stories for the most frequent jobs: the situation
// most often named with them and the first outcome clause of such a
// review. A job none of whose reviews has both is left out: a story only
// from parts that agree.
func stories(ctx context.Context, db *sql.DB, c *classifiers.Classifier, from string, args []any, n int) ([]Story, error) {
	q := `SELECT d.external_id, d.url, ` + reviewerKey + `, ` + refFile + `, s.job, s.text,
		(SELECT x.situation FROM sentences x WHERE x.document_id = s.document_id AND x.situation <> ''
			AND x.position = s.position),
		(SELECT group_concat(g.text, char(30)) FROM (SELECT x.text FROM sentences x WHERE x.document_id = s.document_id
			AND x.polarity = 'gain' AND x.position BETWEEN s.position AND s.position + 1 ORDER BY x.position) g)` + from + ` AND s.job <> '' ORDER BY s.document_id, s.position LIMIT 20000`
	rows, err := db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("canvas stories: %w", err)
	}
	defer rows.Close()
	type acc struct {
		job        string
		count      int
		situations map[string]int
		outcomes   map[string]string // the first outcome said with each situation
		refs       []Ref
	}
	byJob := map[string]*acc{}
	var order []string
	said := sayings{} // each reviewer counts once per job
	for rows.Next() {
		var id, url, reviewer, file, job, text string
		var situation, gains sql.NullString
		if err := rows.Scan(&id, &url, &reviewer, &file, &job, &text, &situation, &gains); err != nil {
			return nil, err
		}
		key := jobKey(job)
		a := byJob[key]
		if a == nil {
			a = &acc{job: job, situations: map[string]int{}, outcomes: map[string]string{}}
			byJob[key] = a
			order = append(order, key)
		}
		if !said.first(reviewer, key) {
			continue
		}
		a.count++
		if situation.String == "" || !storyParts(situation.String, job) || overlaps(situation.String, job) || apart(text, job, situation.String) {
			continue // "for work trips" with "to pack for work trips": one part, said twice
		}
		outcome := outcomeOf(c, gains.String, text, job, situation.String)
		if outcome == "" {
			continue
		}
		a.situations[situation.String]++
		if a.outcomes[situation.String] == "" {
			a.outcomes[situation.String] = outcome
		}
		if len(a.refs) < 5 {
			a.refs = append(a.refs, Ref{ID: id, URL: url, File: file})
		}
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	sort.SliceStable(order, func(i, j int) bool { return byJob[order[i]].count > byJob[order[j]].count })
	var out []Story
	for _, k := range order {
		a := byJob[k]
		if len(a.situations) == 0 {
			continue
		}
		sit := mostUsed(a.situations)
		outcome := a.outcomes[sit] // said with that situation, in one review
		st := Story{Situation: sit, Job: a.job, Outcome: outcome, Count: a.count, Reviews: a.refs}
		st.Text = jobStory(sit, a.job, outcome)
		out = append(out, st)
		if len(out) == n {
			break
		}
	}
	return out, nil
}

// storyGap is the most words that may stand between a story's job and
// its situation in their sentence.
const storyGap = 12

// apart reports a job and a situation that belong to two thoughts of their
// sentence: a contrast ("but", "however") between them ("I use the tablet
// for the Web, but when I want to work on a Word doc, …"), or more than
// storyGap words (a run-on review of one sentence).
func apart(text, job, situation string) bool {
	lower, lj, ls := strings.ToLower(text), strings.ToLower(job), strings.ToLower(situation)
	j, k := strings.Index(lower, lj), strings.Index(lower, ls)
	if j < 0 || k < 0 {
		return false
	}
	from, to := j+len(lj), k
	if k < j {
		from, to = k+len(ls), j
	}
	if from >= to {
		return false
	}
	between := lowerWords(lower[from:to])
	for _, w := range between {
		switch w {
		case "but", "however", "though", "although", "yet", "except", "whereas":
			return true
		}
	}
	return len(between) > storyGap
}

// outcomeOf returns the outcome of a story from the gain sentences near
// its job (separated by U+001E): for English the first clause that can
// follow "so" (classifiers.OutcomePhrase); for Chinese the first gain
// sentence as said. "" when none.
func outcomeOf(c *classifiers.Classifier, gains, text, job, situation string) string {
	for _, g := range strings.Split(gains, "\x1e") {
		switch {
		case g == "":
		case lang.LooksChinese(job):
			return g
		default:
			// Not the job or the situation again: "I want to play my
			// Pandora, so I can play my Pandora".
			if p := c.OutcomePhrase(g); p != "" && !overlaps(p, job) && !overlaps(p, situation) && !(g == text && before(text, p, job)) {
				return p
			}
		}
	}
	return ""
}

// before reports an outcome clause said before the job in the job's own
// sentence: a cause, not what the job brings ("I add my lights to the
// process and now it is so easy to turn lights on").
func before(text, outcome, job string) bool {
	lower := strings.ToLower(text)
	words := lowerWords(outcome)
	if len(words) > 2 && (words[0] == "i" || words[0] == "my") {
		words = words[1:] // "I can …", "my hair feels …": the words said follow
		if words[0] == "can" || words[0] == "don't" {
			words = words[1:]
		}
	}
	said := strings.Join(words[:min(2, len(words))], " ")
	lj := strings.ToLower(job)
	j := strings.Index(lower, lj)
	if j < 0 || strings.Contains(lower[j+len(lj):], said) {
		return false // said after the job: "for walks so I can use it on the trail"
	}
	return strings.Contains(lower[:j], said)
}

// overlaps reports whether two phrases say much the same: most words of
// the shorter (leaving out pronouns, articles and "to", "can") are in the
// other ("to still feel the bag", "I can feel the bag").
func overlaps(a, b string) bool {
	wa, wb := contentWords(a), contentWords(b)
	if len(wa) > len(wb) {
		wa, wb = wb, wa
	}
	if len(wa) == 0 {
		return false
	}
	in := map[string]bool{}
	for _, w := range wb {
		in[w] = true
	}
	shared := 0
	for _, w := range wa {
		if in[w] {
			shared++
		}
	}
	return shared*5 >= len(wa)*3
}

// contentWords are the lower-case words of a phrase without the words
// every story part has.
func contentWords(s string) []string {
	var out []string
	for _, w := range lowerWords(s) {
		switch w {
		case "i", "we", "my", "our", "the", "a", "an", "to", "can", "for", "so", "it", "still", "just", "and", "of", "in", "on", "at":
		default:
			out = append(out, w)
		}
	}
	return out
}

// lowerWords are the lower-case words of s (letters, digits and
// apostrophes).
func lowerWords(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\'' })
}

// jobKey is the key that merges the same job said in other words: lower
// case, without its lead ("to", "for"), determiners, possessives and
// hyphens, each word cut to a crude stem ("for walking" and "for walks" →
// "walk"; "as an e-reader" and "as an ereader" → "as ereader").
func jobKey(job string) string {
	if lang.LooksChinese(job) {
		return job
	}
	var key []string
	for i, w := range lowerWords(strings.ReplaceAll(job, "-", "")) { // "e-reader", "ereader"
		if i == 0 && (w == "to" || w == "for" || w == "that") {
			continue
		}
		switch w {
		case "a", "an", "the", "my", "our", "your", "his", "her", "their", "this", "these", "some":
			continue
		}
		key = append(key, stem(w))
	}
	if len(key) == 0 {
		return strings.ToLower(job)
	}
	return strings.Join(key, " ")
}

// stem cuts the common English inflections: "walking", "walks",
// "walked" → "walk"; "running" → "run"; "classes" → "class".
func stem(w string) string {
	for _, suf := range []string{"ing", "ed", "es", "s"} {
		if len(w) > len(suf)+2 && strings.HasSuffix(w, suf) {
			if suf == "s" && strings.HasSuffix(w, "ss") {
				break
			}
			if suf == "es" && !strings.HasSuffix(w, "sses") && !strings.HasSuffix(w, "ches") && !strings.HasSuffix(w, "shes") && !strings.HasSuffix(w, "xes") {
				continue // "shoes" → "shoe" by "s"
			}
			w = w[:len(w)-len(suf)]
			if n := len(w); (suf == "ing" || suf == "ed") && n > 2 && w[n-1] == w[n-2] && !strings.ContainsRune("aeiouls", rune(w[n-1])) {
				w = w[:n-1] // "running" → "run", not "fall" → "fal"
			}
			break
		}
	}
	return w
}

// storyParts reports whether a situation and a job can make a job story:
// a situation that sets a scene (not a condition: "if it were still
// available"), and a job that starts with "to" and a verb or "for" and a
// use ("to fall asleep faster", "for my daily commute").
func storyParts(situation, job string) bool {
	if lang.LooksChinese(situation) || lang.LooksChinese(job) {
		// Chinese phrases come from cues that set a scene and a purpose.
		return utf8.RuneCountInString(situation) >= 2 && utf8.RuneCountInString(job) >= 2
	}
	sit := strings.Fields(strings.ToLower(situation))
	words := strings.Fields(strings.ToLower(job))
	if len(sit) < 2 || sit[0] == "if" || sit[0] == "unless" || len(words) < 2 {
		return false
	}
	switch words[0] {
	case "to": // a verb follows, not a preposition or an article
		switch words[1] {
		case "with", "to", "for", "the", "a", "an", "my", "be", "of", "in", "on", "at", "it", "this", "that":
			return false
		}
	case "for": // a use follows, not a duration
		switch words[1] {
		case "with", "to", "for", "of", "years", "months", "weeks", "days", "hours", "ages":
			return false
		}
	}
	return true
}

// jobStory writes "When …, I want to …, so …" from the phrases: the
// outcome is a clause that follows "so" ("I can fall asleep within
// minutes", "my hair feels soft"); a Chinese story takes the outcome
// sentence as said.
func jobStory(situation, job, outcome string) string {
	if lang.LooksChinese(situation) || lang.LooksChinese(job) {
		return jobStoryChinese(situation, job, outcome)
	}
	sit := strings.TrimSpace(situation)
	first, _, _ := strings.Cut(strings.ToLower(sit), " ")
	switch first {
	case "when", "whenever", "after", "before", "during", "while", "since", "every", "each",
		"in", "on", "at", "for", "around", "throughout":
		sit = upperFirst(sit) // "After night shifts", "When I travel", "On rainy mornings", "In the shower"
	default:
		sit = "When " + lowerFirst(sit) // "When home alone"
	}
	want := strings.TrimSpace(job)
	switch {
	case strings.HasPrefix(strings.ToLower(want), "to "):
		want = "I want " + want
	case strings.HasPrefix(strings.ToLower(want), "for "):
		want = "I want something " + want
	case strings.HasPrefix(strings.ToLower(want), "that "):
		want = "I want something " + want
	case strings.HasPrefix(strings.ToLower(want), "as "):
		want = "I want to use it " + want // "as an alarm clock"
	case strings.HasSuffix(strings.ToLower(firstWord(want)), "ing"):
		want = "I want something for " + want // "moisturizing my skin"
	default:
		want = "I want to " + want
	}
	story := sit + ", " + want + ", so " + strings.TrimRight(strings.TrimSpace(outcome), ".!? ") + "."
	return lowerI.Replace(story) // "When i have my hands full" → "When I have …"
}

// firstWord is the first word of s, or "".
func firstWord(s string) string {
	w, _, _ := strings.Cut(strings.TrimSpace(s), " ")
	return w
}

// lowerI writes the pronoun "i" of a review as "I".
var lowerI = strings.NewReplacer(" i ", " I ", " i'", " I'", " i’", " I’", " i,", " I,")

func lowerFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if r == 'I' && (len(s) == 1 || s[1] == ' ' || s[1] == '\'') {
		return s
	}
	return string(unicode.ToLower(r)) + s[n:]
}

func upperFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}

// jobStoryChinese writes a job story in Chinese word order:
// 「當…的時候，我想要…，這樣我就能說：「…」」.
func jobStoryChinese(situation, job, outcome string) string {
	sit := strings.TrimSpace(situation)
	sit = strings.TrimPrefix(sit, "當")
	if !strings.HasSuffix(sit, "的時候") && !strings.HasSuffix(sit, "的时候") && !strings.HasSuffix(sit, "時候") {
		sit += "的時候"
	}
	res := strings.TrimRight(strings.TrimSpace(outcome), "。！？!?.~～ ")
	return "當" + sit + "，我想要" + strings.TrimSpace(job) + "，這樣我就能說：「" + res + "」。"
}
