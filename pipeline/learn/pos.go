package learn

import (
	"strings"
	"sync"

	"github.com/jdkato/prose/v2"
)

// nounShare counts, per lower-cased word, how often prose's
// part-of-speech tagger calls it a noun. A word that is mostly a noun
// ("tablet", "kettle", "company") names what a review is about, and its
// lean in the star ratings is the lean of that product, not a verdict a
// sentence states; the learned layer keeps verdict words (adjectives,
// verbs, adverbs, interjections) and phrases that hold one.
type nounShare struct {
	noun, all map[string]int32
}

// predicate lists the words after which a word predicates, not names.
var predicate = map[string]bool{"is": true, "are": true, "was": true, "were": true, "be": true, "been": true, "seems": true,
	"seemed": true, "feels": true, "felt": true, "looks": true, "looked": true, "very": true, "so": true, "too": true,
	"really": true, "quite": true, "pretty": true, "extremely": true, "super": true, "not": true, "n't": true}

var (
	modelOnce sync.Once
	model     *prose.Model
)

func taggerModel() *prose.Model {
	modelOnce.Do(func() { model = prose.ModelFromData("en") })
	return model
}

func newNounShare() *nounShare {
	return &nounShare{noun: map[string]int32{}, all: map[string]int32{}}
}

// add tags text and counts its words.
func (n *nounShare) add(text string) error {
	doc, err := prose.NewDocument(text, prose.WithSegmentation(false), prose.WithExtraction(false), prose.UsingModel(taggerModel()))
	if err != nil {
		return err
	}
	prev := ""
	for _, t := range doc.Tokens() {
		w := strings.ToLower(strings.ReplaceAll(t.Text, "’", "'"))
		n.all[w]++
		// The tagger calls a word it has not seen a noun; after a copula
		// or an intensifier ("is rickety", "so comfy") it is a predicate.
		if strings.HasPrefix(t.Tag, "NN") && !predicate[prev] {
			n.noun[w]++
		}
		prev = w
	}
	return nil
}

// mostlyNoun reports whether w was tagged a noun in most of its uses.
func (n *nounShare) mostlyNoun(w string) bool {
	all := n.all[w]
	return all > 0 && float64(n.noun[w]) > 0.5*float64(all)
}

// topical reports whether every word of a term is mostly a noun or a
// stop word, so that the term names a topic and states no verdict.
func (n *nounShare) topical(term string, stop func(string) bool) bool {
	for _, w := range strings.Fields(term) {
		if !n.mostlyNoun(w) && !stop(w) {
			return false
		}
	}
	return true
}
