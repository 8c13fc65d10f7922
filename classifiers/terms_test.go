package classifiers

import (
	"strings"
	"testing"
)

func TestFold(t *testing.T) {
	for in, want := range map[string]string{"batteries": "battery", "boxes": "box", "stopped": "stop", "charging": "charg",
		"charged": "charg", "glass": "glass", "kids": "kid", "bus": "bus", "sleep": "sleep", "need": "need",
		"calves": "calf", "shelves": "shelf", "shaving": "shave", "shaved": "shave", "faded": "fade", "hoping": "hope", "hopping": "hop",
		"opened": "open", "working": "work", "looking": "look", "reading": "read"} {
		if got := Fold(in); got != want {
			t.Errorf("Fold(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestTerms(t *testing.T) {
	c := newTest(t)
	var keys []string
	for _, term := range c.Terms("The Battery life is great, and I fall asleep in 5 minutes!", true) {
		keys = append(keys, term.Key)
	}
	got := strings.Join(keys, "|")
	want := "battery|battery life|life|great|fall|fall asleep|asleep|minute"
	if got != want {
		t.Errorf("terms %s, want %s", got, want)
	}
}

// TestWritten: a lexicon pattern reads as the words the sentence has for it.
func TestKeywordsAsWritten(t *testing.T) {
	for _, tc := range []struct{ term, sentence, want string }{
		{"frustrat*", "So Frustrating to set up!", "frustrating"},
		{"neighbo*", "Our neighbours love it.", "neighbours"},
		{"keeps _ hot", "It keeps coffee hot all day.", "keeps coffee hot"},
		{"battery", "Battery is fine.", "battery"},
	} {
		if got := Written(tc.term, tc.sentence); got != tc.want {
			t.Errorf("Written(%q, %q) = %q, want %q", tc.term, tc.sentence, got, tc.want)
		}
	}
}
