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
// for every document (about 12 ms each); the Segmenter builds it once and
// is safe for concurrent use.
type Segmenter struct {
	tok *sentences.DefaultSentenceTokenizer
}

var (
	englishOnce sync.Once
	englishTok  *sentences.DefaultSentenceTokenizer
)

// NewSegmenter returns an English segmenter.
func NewSegmenter() *Segmenter {
	englishOnce.Do(func() {
		t, err := english.NewSentenceTokenizer(nil)
		if err != nil {
			panic("jobminer: English sentence model: " + err.Error())
		}
		englishTok = t
	})
	return &Segmenter{tok: englishTok}
}

// Split returns the sentences of text. Line breaks end sentences too:
// reviews often use them instead of full stops.
func (s *Segmenter) Split(text string) []Span {
	var out []Span
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
			for _, sent := range s.tok.Tokenize(para) {
				a, b := sent.Start, sent.End
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
