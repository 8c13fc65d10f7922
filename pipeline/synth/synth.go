// Package synth generates realistic-looking product reviews for
// benchmarks and load tests: a deterministic stream of reviews whose
// sentences are drawn from templates filled with product parts, people,
// durations and situations, with star ratings that agree with what the
// text says most of the time, as in real review data.
//
// The generated text is not evaluation data: it only gives analyze,
// import and the reports a corpus of the right size and shape.
package synth

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"math/rand"
	"strconv"
	"strings"
)

// Review is one generated review.
type Review struct {
	ID           string
	ProductID    string
	UserID       string
	Author       string
	Rating       int
	Title        string
	Text         string
	Timestamp    int64 // unix milliseconds
	HelpfulVotes int
	Verified     bool
}

var (
	products = []struct{ name, part string }{
		{"kettle", "lid"}, {"headphones", "left earcup"}, {"vacuum", "brush roll"}, {"backpack", "zipper"},
		{"desk lamp", "arm"}, {"blender", "jar"}, {"mattress topper", "cover"}, {"phone case", "button cover"},
		{"air fryer", "basket"}, {"coffee grinder", "burr"}, {"yoga mat", "surface"}, {"stroller", "wheel"},
		{"water bottle", "straw"}, {"electric toothbrush", "brush head"}, {"space heater", "thermostat"},
		{"rain jacket", "hood"}, {"label printer", "feeder"}, {"office chair", "armrest"},
	}
	people     = []string{"my wife", "my husband", "my kids", "my mom", "my dad", "my sister", "my coworkers", "my roommate", "our guests", "my best friend"}
	durations  = []string{"two days", "a week", "three weeks", "a month", "two months", "half a year"}
	situations = []string{"after night shifts", "on long flights", "when I travel for work", "on rainy mornings", "before bed",
		"while the baby naps", "during my commute", "at the gym", "on camping trips", "when guests come over"}
	jobs = []string{"to fall asleep faster", "to save time in the morning", "to keep my coffee hot", "to stay dry on my bike",
		"to get the dog hair off the rug", "to work longer without back pain", "to stop spilling on my desk", "to cook quick dinners"}
	alternatives = []string{"a cheaper brand", "my old one", "the supermarket version", "a hand-me-down model", "the previous model"}

	openers = []string{
		"I bought this {job}.", "I needed something {job} {situation}.", "We got the {product} for the house last spring.",
		"My old {product} broke, so I ordered this one.", "Bought it as a gift for {person}.", "I switched from {alt} after reading reviews.",
		"A friend recommended this {product} to me.", "I use it {situation}.",
	}
	good = []string{
		"It works exactly as described and saves me time every morning.", "The {part} feels solid and still looks new after {duration}.",
		"It heats up in under two minutes.", "The battery lasts all day, even {situation}.", "I finally feel relaxed {situation}.",
		"{Person} keeps asking where I got it.", "Setup took less than five minutes.", "It is quieter than {alt}.",
		"Honestly the best {product} I have owned.", "It fits perfectly in my bag.", "I love how easy it is to clean.",
		"We bought a second one for {person}.", "Worth every penny.", "It does the job without any fuss.",
	}
	bad = []string{
		"The {part} broke after {duration}.", "It stopped working after {duration}, very disappointing.",
		"The {part} leaks and makes a mess every time.", "I had to return it because it was too small.",
		"It is so loud that {person} complained.", "Customer service never answered my emails.",
		"The {part} started rattling after {duration}.", "I regret not buying {alt} instead.",
		"It takes forever to charge.", "Not worth the money.", "The instructions were confusing and two screws were missing.",
	}
	mixed = []string{
		"It looks great, but the {part} feels flimsy.", "Good value for the price, although the {part} is a bit stiff.",
		"It was fine at first, but it got noisy after {duration}.",
	}
	closers = []string{"Would recommend.", "Five stars from me.", "I would not buy it again.", "Overall I'm happy with it.", "Save your money.", ""}
)

// Generator produces reviews from a seed; the same seed gives the same stream.
type Generator struct {
	rng      *rand.Rand
	n        int
	products int
}

// New returns a generator; products is how many product ids to spread the
// reviews over (at least 1).
func New(seed int64, products int) *Generator {
	return &Generator{rng: rand.New(rand.NewSource(seed)), products: max(products, 1)}
}

// Next returns the next review.
func (g *Generator) Next() Review {
	r := g.rng
	i := g.n
	g.n++
	pi := r.Intn(g.products)
	p := products[pi%len(products)]
	rating := 1 + r.Intn(5)
	fill := func(s string) string {
		pick := func(list []string) string { return list[r.Intn(len(list))] }
		person := pick(people)
		return strings.NewReplacer("{job}", pick(jobs), "{situation}", pick(situations), "{product}", p.name, "{part}", p.part,
			"{person}", person, "{Person}", strings.ToUpper(person[:1])+person[1:], "{duration}", pick(durations), "{alt}", pick(alternatives)).Replace(s)
	}
	var b strings.Builder
	b.WriteString(fill(openers[r.Intn(len(openers))]))
	for k := 0; k < 2+r.Intn(5); k++ {
		pool := good
		switch {
		case rating <= 2 && r.Intn(10) < 8, rating == 3 && r.Intn(2) == 0, rating >= 4 && r.Intn(10) == 0:
			pool = bad
		}
		if r.Intn(8) == 0 {
			pool = mixed
		}
		b.WriteByte(' ')
		b.WriteString(fill(pool[r.Intn(len(pool))]))
	}
	if c := closers[r.Intn(len(closers))]; c != "" {
		b.WriteByte(' ')
		b.WriteString(c)
	}
	return Review{
		ID:           fmt.Sprintf("R%09d", i+1),
		ProductID:    fmt.Sprintf("B0%08d", pi),
		UserID:       fmt.Sprintf("AE%026d", i),
		Author:       "Reviewer " + strconv.Itoa(i%977),
		Rating:       rating,
		Title:        fmt.Sprintf("About the %s", p.name),
		Text:         b.String(),
		Timestamp:    1600000000000 + int64(i)*60000,
		HelpfulVotes: r.Intn(20),
		Verified:     r.Intn(4) > 0,
	}
}

// WriteJSONL writes n reviews in the Amazon Reviews 2023 JSON Lines layout
// and returns the number of bytes written.
func (g *Generator) WriteJSONL(w io.Writer, n int) (int64, error) {
	cw := &countingWriter{w: w}
	enc := json.NewEncoder(cw)
	enc.SetEscapeHTML(false)
	for range n {
		v := g.Next()
		err := enc.Encode(map[string]any{"rating": float64(v.Rating), "title": v.Title, "text": v.Text, "images": []string{},
			"asin": v.ProductID, "parent_asin": v.ProductID, "user_id": v.UserID, "timestamp": v.Timestamp,
			"helpful_vote": v.HelpfulVotes, "verified_purchase": v.Verified})
		if err != nil {
			return cw.n, err
		}
	}
	return cw.n, nil
}

// WriteCSV writes n reviews in the Amazon Fine Food CSV layout and returns
// the number of bytes written.
func (g *Generator) WriteCSV(w io.Writer, n int) (int64, error) {
	cw := &countingWriter{w: w}
	c := csv.NewWriter(cw)
	c.Write([]string{"Id", "ProductId", "UserId", "ProfileName", "HelpfulnessNumerator", "HelpfulnessDenominator", "Score", "Time", "Summary", "Text"})
	for range n {
		v := g.Next()
		c.Write([]string{strings.TrimPrefix(v.ID, "R"), v.ProductID, v.UserID, v.Author, strconv.Itoa(v.HelpfulVotes), "20",
			strconv.Itoa(v.Rating), strconv.FormatInt(v.Timestamp/1000, 10), v.Title, v.Text})
	}
	c.Flush()
	return cw.n, c.Error()
}

type countingWriter struct {
	w io.Writer
	n int64
}

func (c *countingWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}
