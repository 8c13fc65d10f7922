package report

import (
	"context"
	"slices"
	"strings"
	"testing"
)

// The excerpt is real: every tenth Shopee review with text of the
// Hawaiian shirts in ../shared/data/zh-dcard-shopee (160 reviews, 137 of
// them 5★), as exported.
const shopeeExcerpt = "../../testdata/zh/shopee-hawaiian-shirts.csv"

// TestChineseCanvasOnShopee: the canvas of real Shopee reviews of
// Hawaiian shirts says what a Chinese reader of them would: the pains are
// thin, see-through cloth, defects, sizing and missing items; the gains
// fast shipping, the material and quality, the price; the interests and
// themes are words, not characters or stop words.
func TestChineseCanvasOnShopee(t *testing.T) {
	st, c := analyzedStore(t, shopeeExcerpt, "")
	ctx := context.Background()
	var langs int
	st.DB().QueryRow(`SELECT count(*) FROM documents WHERE lang = 'zh-Hant'`).Scan(&langs)
	if langs < 150 {
		t.Errorf("%d of 159 documents told Traditional Chinese", langs)
	}
	cv, err := BuildCanvas(ctx, st.DB(), c, Filter{Lang: "zh"}, CanvasOptions{})
	if err != nil {
		t.Fatal(err)
	}
	// Segments and forces have no Chinese cues: the canvas says so.
	var md strings.Builder
	cv.WriteMarkdown(&md)
	if !cv.NoChineseCues || !strings.Contains(md.String(), "Switching forces have no Chinese cues yet") {
		t.Errorf("a Chinese canvas does not say its forces have no cues (NoChineseCues %v)", cv.NoChineseCues)
	}
	if !strings.Contains(md.String(), "Journey stages have no Chinese cues yet") {
		t.Errorf("a Chinese canvas does not say its journey stages have no cues")
	}
	has := func(qs []Quote, words ...string) bool {
		for _, q := range qs {
			for _, w := range words {
				if strings.Contains(q.Text, w) {
					return true
				}
			}
		}
		return false
	}
	if !has(cv.Customer.Pains, "薄", "透", "瑕疵", "沒收到", "尺碼", "尺寸", "慢", "線") {
		t.Errorf("pains say nothing of the cloth, defects, size or delivery: %v", quoteTexts(cv.Customer.Pains))
	}
	if !has(cv.Customer.Gains, "出貨", "品質", "材質", "舒服", "便宜", "CP") {
		t.Errorf("gains say nothing of shipping, quality or price: %v", quoteTexts(cv.Customer.Gains))
	}
	var interests []string
	for _, term := range cv.Customer.Interests {
		interests = append(interests, term.Term)
	}
	for _, want := range []string{"出貨", "材質"} {
		if !slices.Contains(interests, want) {
			t.Errorf("interests %v lack %q", interests, want)
		}
	}
	for _, term := range interests {
		if term == "的" || term == "很" || term == "了" || term == "是" {
			t.Errorf("interest %q is a stop word", term)
		}
	}
	themes, err := Themes(ctx, st.DB(), c, Filter{Lang: "zh"}, ThemeOptions{N: 6})
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, th := range themes {
		names = append(names, th.Name)
	}
	for _, want := range []string{"出貨", "材質", "品質"} {
		if !slices.Contains(names, want) {
			t.Errorf("themes %v lack %q", names, want)
		}
	}
	noSentimentThemes(t, ctx, st, c)
}

func quoteTexts(qs []Quote) []string {
	var out []string
	for _, q := range qs {
		out = append(out, q.Text)
	}
	return out
}

func TestJobStoryChinese(t *testing.T) {
	for _, c := range []struct{ sit, job, outcome, want string }{
		{"夏天", "去海邊穿", "穿起來很涼爽！", "當夏天的時候，我想要去海邊穿，這樣我就能說：「穿起來很涼爽」。"},
		{"下雨的時候", "通勤穿", "不怕濕。", "當下雨的時候，我想要通勤穿，這樣我就能說：「不怕濕」。"},
	} {
		if !storyParts(c.sit, c.job) {
			t.Errorf("%q, %q: no story parts", c.sit, c.job)
		}
		if got := jobStory(c.sit, c.job, c.outcome); got != c.want {
			t.Errorf("jobStory(%q, %q, %q) = %q, want %q", c.sit, c.job, c.outcome, got, c.want)
		}
	}
}

// TestChineseQuotesShort: a Chinese sentence of ten characters says as
// much as an English one of thirty, so the quote floor is a third for it:
// most real Shopee pains are short (「衣服太薄了很透」), and the quotes of
// the excerpt include some under 30 characters.
func TestChineseQuotesShort(t *testing.T) {
	st, c := analyzedStore(t, shopeeExcerpt, "")
	qs, err := Quotes(context.Background(), st.DB(), c, Filter{Lang: "zh"}, "pain", QuoteOptions{N: 10})
	if err != nil {
		t.Fatal(err)
	}
	short := 0
	for _, q := range qs {
		if len([]rune(q.Text)) < 30 {
			short++
		}
	}
	if len(qs) < 5 || short == 0 {
		t.Errorf("%d pain quotes, %d under 30 characters: %v", len(qs), short, quoteTexts(qs))
	}
}
