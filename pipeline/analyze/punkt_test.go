package analyze

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"jobminer/pipeline/synth"
)

// libraryEnds returns the sentence end offsets the library's English
// Punkt tokenizer finds in text.
func libraryEnds(text string) []int {
	var ends []int
	for _, s := range englishTok.Tokenize(text) {
		ends = append(ends, s.End)
	}
	return ends
}

func checkSameBreaks(t *testing.T, p *punkt, text string) {
	t.Helper()
	want := libraryEnds(text)
	got := p.breaks(nil, text)
	if !slices.Equal(got, want) {
		t.Fatalf("breaks of %q:\n got %v\nwant %v (library)", text, got, want)
	}
}

// tricky are texts where Punkt's rules matter: abbreviations, initials,
// ordinals and numbers, ellipses, quotes and brackets after the period,
// inner periods, non-ASCII words, lone punctuation and odd spacing.
var tricky = []string{
	"", " ", ".", "..", ". . .", "?!", "a", "é", "Café.", "É. Next", "Ñandú. Fue bueno.",
	"I asked Dr. Smith about it. He said no.", "Use it e.g. at night. Or not.", "Made in the U.S. Army surplus style.",
	"It weighs approx. 5 lbs. and fits.", "No. 5 is my favourite. No. It is not.", "J. S. Bach would approve. So would I.",
	"1. Open the box. 2. Charge it.", "Version 2.0. Then 2.1 came.", "It cost $19.99. Worth it.", "Call 555-1234. Ask for Bob.",
	"Wait... what? It broke.", "Wait . . . what", "He said \"great.\" Then it died.", "It was (mostly) fine.) Next one.",
	"Really?! Yes! Really.", "She said 'ok.' and left.", "Great product.” Really great.", "Mr. and Mrs. Jones liked it.",
	"It's 3 p.m. and I'm tired. Good night.", "Sgt. Pepper approved. Gov. Brown too.", "at 5 a.m. The alarm rang.",
	"line one\nline two. still two\n\nnew para. Yes.", "tabs\tand\tspaces.  Double  spaced.   End",
	"-3.5. Minus numbers.", ",5 is small. OK.", "A. B. C. D.", "I.e. this. E.g. that.", "ends with a multibyte é",
	"Ends in emoji 😀. Next 😀", "WORKS GREAT. LOVE IT!!!", "it works.i love it.", "So-called exp. results. Fine.",
}

func TestPunktMatchesLibrary(t *testing.T) {
	NewSegmenter()
	p := englishPunkt
	t.Run("tricky", func(t *testing.T) {
		for _, text := range tricky {
			checkSameBreaks(t, p, text)
		}
	})
	t.Run("sample reviews", func(t *testing.T) {
		f, err := os.Open(filepath.Join("..", "..", "testdata", "sample", "amazon_reviews_2023.jsonl.gz"))
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		zr, err := gzip.NewReader(f)
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for sc := bufio.NewScanner(zr); sc.Scan(); n++ {
			var r struct{ Title, Text string }
			if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
				t.Fatal(err)
			}
			checkSameBreaks(t, p, r.Text)
			checkSameBreaks(t, p, r.Title)
		}
		if n < 40 {
			t.Fatalf("read only %d sample reviews", n)
		}
	})
	t.Run("generated reviews", func(t *testing.T) {
		g := synth.New(7, 50)
		for range 5000 {
			checkSameBreaks(t, p, g.Next().Text)
		}
	})
	t.Run("random mixes", func(t *testing.T) {
		// Pieces of the tricky texts glued at random, with random
		// spacing: boundaries between every kind of token.
		var words []string
		for _, s := range tricky {
			words = append(words, strings.Fields(s)...)
		}
		spaces := []string{" ", " ", " ", "  ", "\n", "\t", "\n\n", ""}
		rng := rand.New(rand.NewPCG(1, 2))
		for range 20000 {
			var b strings.Builder
			for range 1 + rng.IntN(12) {
				b.WriteString(words[rng.IntN(len(words))])
				b.WriteString(spaces[rng.IntN(len(spaces))])
			}
			checkSameBreaks(t, p, b.String())
		}
	})
}

// FuzzPunktMatchesLibrary looks for texts where punkt and the library
// disagree: go test -fuzz FuzzPunktMatchesLibrary ./pipeline/analyze/
func FuzzPunktMatchesLibrary(f *testing.F) {
	for _, s := range tricky {
		f.Add(s)
	}
	NewSegmenter()
	f.Fuzz(func(t *testing.T, text string) {
		checkSameBreaks(t, englishPunkt, text)
	})
}
