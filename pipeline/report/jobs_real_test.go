package report

import (
	"context"
	"regexp"
	"strings"
	"testing"

	"jobminer/pipeline/analyze"
	"jobminer/pipeline/collect"
)

// The real excerpt of the job-zone test: 115 Amazon 2018 reviews (5-core
// Fashion and All Beauty, Ni, Li & McAuley 2019) and 8 Amazon 2014
// Musical Instruments reviews (McAuley et al.), as published, picked from
// ../shared/data because they hold the words the bad outputs came from
// ("for christmas", "for me", "for 3 weeks", "after 3 weeks", "a while
// now", "than" + a number, "when my …", "instead of").
var jobExcerpts = []string{"../../testdata/jobs/amazon-2018-excerpt.json", "../../testdata/jobs/amazon-2014-excerpt.json"}

// Kinds of phrase docs/LABELLING.md rules out, as they once came out of
// these reviews (issue 12): a person, an occasion, a duration or a price
// as the job; a duration or a price as the situation; numbers, time words
// and pronouns as the alternative; a phrase cut after a function word.
var (
	badJob         = regexp.MustCompile(`(?i)^for (me|you|him|her|us|them|myself|christmas|xmas|my birthday|\$?\d|a few|a couple|several|years|months|weeks|days|hours|ages|as)\b`)
	badSituation   = regexp.MustCompile(`(?i)^(after|before|within|for|in|while) (\$?\d|a few|a couple|several|rebate|now$|the first \d)\b`)
	badAlternative = regexp.MustCompile(`(?i)^(\$?[\d.,]+|an? (hour|day|week|month|year)|hours?|days?|it|this|that|them|one|ever|expected|before)$`)
	cutWords       = map[string]bool{"the": true, "a": true, "an": true, "of": true, "to": true, "and": true, "or": true, "with": true,
		"my": true, "your": true, "is": true, "was": true, "that": true, "this": true, "at": true, "from": true}
)

// TestJobZoneOnRealReviews: on real reviews no job, situation or
// alternative of a kind the guide rules out is stored, none ends cut after
// a function word, and every job story of the canvas reads as one
// sentence written from phrases (not a pasted review sentence); the job
// quotes state a job.
func TestJobZoneOnRealReviews(t *testing.T) {
	st, c := analyzedStore(t, jobExcerpts[0], "")
	ctx := context.Background()
	if _, err := collect.Import(ctx, st, jobExcerpts[1], collect.Options{}); err != nil {
		t.Fatal(err)
	}
	if _, err := analyze.Run(ctx, st, c, analyze.Options{}); err != nil {
		t.Fatal(err)
	}
	rows, err := st.DB().Query(`SELECT text, job, situation, alternative FROM sentences`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	found := map[string]int{}
	for rows.Next() {
		var text, job, situation, alternative string
		if err := rows.Scan(&text, &job, &situation, &alternative); err != nil {
			t.Fatal(err)
		}
		for _, p := range []struct {
			kind, phrase string
			bad          *regexp.Regexp
		}{{"job", job, badJob}, {"situation", situation, badSituation}, {"alternative", alternative, badAlternative}} {
			if p.phrase == "" {
				continue
			}
			found[p.kind]++
			words := strings.Fields(strings.ToLower(p.phrase))
			if p.bad.MatchString(p.phrase) || cutWords[strings.Trim(words[len(words)-1], ".,!?;:")] {
				t.Errorf("%s %q from %q", p.kind, p.phrase, text)
			}
		}
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	// The extraction still finds what these reviews say: not silence.
	if found["job"] < 40 || found["situation"] < 40 || found["alternative"] < 5 {
		t.Errorf("phrases found: %v", found)
	}

	cv, err := BuildCanvas(ctx, st.DB(), c, Filter{}, CanvasOptions{})
	if err != nil {
		t.Fatal(err)
	}
	story := regexp.MustCompile(`^(When|After|Before|While|During|Since|Whenever|Every|Each|In|On|At|For|Around|Throughout) [^“”"]+, I want (to|something) [^“”"]+, so [^“”"]+\.$`)
	for _, s := range cv.Job.Stories {
		if !story.MatchString(s.Text) || len(strings.Fields(s.Text)) > 45 || len(s.Reviews) == 0 ||
			strings.Contains(s.Text, "something for you") || strings.Contains(s.Text, "something for me") ||
			strings.Contains(strings.ToLower(s.Text), "so "+strings.ToLower(s.Situation)) {
			t.Errorf("story %q", s.Text)
		}
	}
	if len(cv.Job.Stories) == 0 || len(cv.Job.Statements) == 0 || len(cv.Job.Situations) == 0 {
		t.Errorf("job zone: %d stories, %d statements, %d situations", len(cv.Job.Stories), len(cv.Job.Statements), len(cv.Job.Situations))
	}
	for _, g := range append(cv.Job.Statements, cv.Job.Situations...) {
		switch strings.ToLower(g.Phrase) {
		case "for christmas", "for me", "for you", "for 3 weeks", "for 80", "for a pleasant", "after rebate", "while now":
			if strings.ToLower(g.Phrase) != "for christmas" || containsGroup(cv.Job.Statements, g.Phrase) {
				t.Errorf("canvas shows %q", g.Phrase)
			}
		}
	}

	qs, err := Quotes(ctx, st.DB(), c, Filter{}, "job", QuoteOptions{N: 10})
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range qs {
		if r := c.Classify(q.Text, 0); r.Job == "" {
			t.Errorf("job quote states no job: %q", q.Text)
		}
	}
}

// containsGroup reports whether phrase is one of the groups.
func containsGroup(gs []Group, phrase string) bool {
	for _, g := range gs {
		if strings.EqualFold(g.Phrase, phrase) {
			return true
		}
	}
	return false
}

// TestNoStoryIsSaid: a canvas without job stories says so in Markdown and
// HTML instead of leaving the section empty.
func TestNoStoryIsSaid(t *testing.T) {
	var md, html strings.Builder
	cv := &Canvas{}
	cv.WriteMarkdown(&md)
	if err := cv.WriteHTML(&html); err != nil {
		t.Fatal(err)
	}
	for name, out := range map[string]string{"markdown": md.String(), "html": html.String()} {
		if !strings.Contains(out, "no job story is written") {
			t.Errorf("%s canvas without stories does not say so", name)
		}
	}
}
