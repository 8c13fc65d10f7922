package aspect

import (
	"compress/gzip"
	"crypto/sha1"
	"encoding/xml"
	"fmt"
	"io"
	"os"
	"strings"
)

// Gold is one aspect term as a SemEval-2014 Task 4 file marks it.
type Gold struct {
	Term     string `xml:"term,attr"`
	Polarity string `xml:"polarity,attr"`
	From     int    `xml:"from,attr"`
	To       int    `xml:"to,attr"`
}

// Sentence is one sentence of a SemEval-2014 aspect file with its terms.
type Sentence struct {
	ID    string `xml:"id,attr"`
	Text  string `xml:"text"`
	Terms []Gold `xml:"aspectTerms>aspectTerm"`
}

// ReadSemEval reads a SemEval-2014 Task 4 XML file (gzip-compressed when
// its name ends in .gz). Offsets in the file count characters; they are
// turned into byte offsets of Text here.
func ReadSemEval(path string) ([]Sentence, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var r io.Reader = f
	if strings.HasSuffix(path, ".gz") {
		gz, err := gzip.NewReader(f)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		defer gz.Close()
		r = gz
	}
	var doc struct {
		Sentences []Sentence `xml:"sentence"`
	}
	if err := xml.NewDecoder(r).Decode(&doc); err != nil {
		return nil, fmt.Errorf("%s: not a SemEval-2014 aspect file: %w", path, err)
	}
	if len(doc.Sentences) == 0 {
		return nil, fmt.Errorf("%s: no <sentence> elements", path)
	}
	for i := range doc.Sentences {
		s := &doc.Sentences[i]
		runes := []rune(s.Text)
		for j := range s.Terms {
			t := &s.Terms[j]
			if t.From < 0 || t.To > len(runes) || t.From > t.To {
				return nil, fmt.Errorf("%s: sentence %s: term %q at %d-%d lies outside its %d-character text", path, s.ID, t.Term, t.From, t.To, len(runes))
			}
			t.From, t.To = len(string(runes[:t.From])), len(string(runes[:t.To]))
		}
	}
	return doc.Sentences, nil
}

// HeldOut reports whether a sentence belongs to the project's held-out
// split of the SemEval training files: one in five, chosen by a hash of
// the text so the split is the same wherever the sentence appears. The
// built-in model is trained on the other four; eval --split scores either.
func HeldOut(text string) bool {
	h := sha1.Sum([]byte(text))
	return h[0]%5 == 0
}
