package lang

import (
	"slices"
	"testing"
)

func TestDetect(t *testing.T) {
	d, err := New()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ text, want string }{
		// Real texts of ../shared/data (Shopee, Dcard, Amazon), and the
		// same Shopee sentence in Simplified characters.
		{"襯衫和照片一模一樣，花色很鮮豔!好有夏威夷的風格!s號女生穿很剛好!有機會再回購喔！", Traditional},
		{"衬衫和照片一模一样，花色很鲜艳!好有夏威夷的风格!s号女生穿很刚好!有机会再回购喔！", Simplified},
		{"武漢肺炎症狀我倒是很清楚", Traditional},
		{"152的女生喜歡寬鬆的可以嘗試L號。", Traditional},
		{"I bought this for my daughter. Burt's Bees stuff is always good quality.", English},
		{"Great!", English},
		{"Très bien, je recommande ce produit à tous mes amis.", Other},
		{"👍👍👍", Other},
		{"", Other},
	} {
		if got := d.Detect(c.text); got != c.want {
			t.Errorf("Detect(%q) = %s, want %s", c.text, got, c.want)
		}
	}
}

func TestStored(t *testing.T) {
	for _, c := range []struct {
		name string
		want []string
	}{
		{"en", []string{English, ""}}, // documents stored before languages were told
		{"zh", []string{Traditional, Simplified}},
		{"zh-Hant", []string{Traditional}},
		{"other", []string{Other}},
	} {
		if got := Stored(c.name); !slices.Equal(got, c.want) {
			t.Errorf("Stored(%q) = %q, want %q", c.name, got, c.want)
		}
	}
}
