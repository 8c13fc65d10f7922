package analyze

import (
	"strings"
	"sync"

	"gopkg.in/neurosnap/sentences.v1"
	"gopkg.in/neurosnap/sentences.v1/english"
)

// Span is one sentence of a document with its byte offsets.
type Span struct {
	Start, End int
	Text       string
}

// Segmenter splits text into sentences with the Punkt model that
// github.com/jdkato/prose/v2 segments with (gopkg.in/neurosnap/sentences
// and its English training data). prose.NewDocument rebuilds that model
// for every document (about 12 ms each); the Segmenter builds it once,
// runs it through punkt (same boundaries, a fraction of the allocations)
// and is safe for concurrent use.
type Segmenter struct {
	punkt *punkt
}

var (
	englishOnce  sync.Once
	englishTok   *sentences.DefaultSentenceTokenizer // the library's tokenizer, the reference for punkt
	englishPunkt *punkt
)

// NewSegmenter returns an English segmenter.
func NewSegmenter() *Segmenter {
	englishOnce.Do(func() {
		t, err := english.NewSentenceTokenizer(nil)
		if err != nil {
			panic("jobminer: English sentence model: " + err.Error())
		}
		englishTok, englishPunkt = t, newPunkt(t.Storage)
	})
	return &Segmenter{punkt: englishPunkt}
}

// Split returns the sentences of text. Line breaks end sentences too:
// reviews often use them instead of full stops.
func (s *Segmenter) Split(text string) []Span {
	var out []Span
	var ends []int
	start := 0
	for start <= len(text) {
		end := strings.IndexByte(text[start:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += start
		}
		para := text[start:end]
		if strings.TrimSpace(para) != "" {
			ends = s.punkt.breaks(ends[:0], para)
			last := 0
			for _, end := range ends {
				a, b := last, end
				last = end
				for a < b && isSpace(para[a]) {
					a++
				}
				for b > a && isSpace(para[b-1]) {
					b--
				}
				if a < b {
					out = append(out, Span{Start: start + a, End: start + b, Text: para[a:b]})
				}
			}
		}
		start = end + 1
	}
	return out
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\r' || c == '\n' }
