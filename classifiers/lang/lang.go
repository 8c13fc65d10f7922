// Package lang tells the language of a review or comment: English,
// Chinese in Traditional or Simplified characters, or another language,
// so that each document goes through its language's pipeline.
package lang

import (
	"strings"
	"unicode"

	"jobminer/lexicons"
)

// The languages a document can be in.
const (
	English     = "en"
	Traditional = "zh-Hant"
	Simplified  = "zh-Hans"
	Other       = "other"
)

// Codes lists the languages, for flags and messages.
var Codes = []string{English, Traditional, Simplified, Other}

// Stored returns the codes that documents of a language a user names
// (a --lang value) are stored with: "en" holds the documents stored
// before languages were told (""), "zh" both scripts, any other code only
// itself.
func Stored(name string) []string {
	switch name {
	case English:
		return []string{English, ""}
	case "zh":
		return []string{Traditional, Simplified}
	}
	return []string{name}
}

// Name returns the English name of a language a user names ("zh" or a
// Chinese code: Chinese; anything else: English, the default pipeline).
func Name(code string) string {
	if code == "zh" || IsChinese(code) {
		return "Chinese"
	}
	return "English"
}

// IsChinese reports whether a language code is Chinese (either script).
func IsChinese(code string) bool { return code == Traditional || code == Simplified }

// Detector tells languages apart by script: Han characters against Latin
// letters, then the characters written differently in the two Chinese
// scripts (lexicons/zh/script_pairs.tsv).
type Detector struct {
	hant, hans map[rune]bool
}

// New loads a detector from the built-in tables.
func New() (*Detector, error) {
	set, err := lexicons.Load("zh", "")
	if err != nil {
		return nil, err
	}
	rows, err := set.Table("script_pairs.tsv", 2)
	if err != nil {
		return nil, err
	}
	d := &Detector{hant: map[rune]bool{}, hans: map[rune]bool{}}
	for _, r := range rows {
		for _, c := range r.Fields[0] {
			d.hant[c] = true
		}
		for _, c := range r.Fields[1] {
			d.hans[c] = true
		}
	}
	return d, nil
}

// LooksChinese reports whether Han characters are at least a fifth of a
// text's letters: Chinese reviews mix in Latin brand names and sizes.
func LooksChinese(text string) bool {
	han, letters := 0, 0
	for _, r := range text {
		if unicode.Is(unicode.Han, r) {
			han++
			letters++
		} else if unicode.IsLetter(r) {
			letters++
		}
	}
	return han > 0 && han*5 >= letters
}

// Detect returns the language of a text: Chinese when it looks Chinese,
// in the script most of its distinctive characters are written in
// (Traditional when none is); English when its words are mostly English
// ones; Other otherwise, and for a text with no letters.
func (d *Detector) Detect(text string) string {
	if LooksChinese(text) {
		hant, hans := 0, 0
		for _, r := range text {
			if d.hant[r] {
				hant++
			}
			if d.hans[r] {
				hans++
			}
		}
		if hans > hant {
			return Simplified
		}
		return Traditional
	}
	if englishWords(text) {
		return English
	}
	return Other
}

// commonEnglish are frequent English words; a Latin text of which enough
// words are among them is English.
var commonEnglish = map[string]bool{"the": true, "and": true, "a": true, "to": true, "it": true, "is": true, "i": true, "of": true,
	"for": true, "this": true, "in": true, "my": true, "was": true, "with": true, "but": true, "not": true, "on": true, "you": true,
	"that": true, "great": true, "very": true, "good": true, "love": true, "so": true, "have": true, "are": true, "they": true,
	"be": true, "like": true, "works": true, "product": true, "one": true, "all": true, "use": true, "as": true, "just": true,
	"no": true, "would": true, "had": true, "after": true, "nice": true, "well": true, "easy": true, "do": true, "does": true}

func englishWords(text string) bool {
	words := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool { return !unicode.IsLetter(r) && r != '\'' })
	if len(words) == 0 {
		return false
	}
	n := 0
	for _, w := range words {
		if commonEnglish[w] {
			n++
		}
	}
	// Short texts ("Great!", "Works") have few words to go by.
	return n*5 >= len(words) || len(words) <= 3 && n > 0
}
