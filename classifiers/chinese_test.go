package classifiers

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"jobminer/lexicons"
)

func chinese(t *testing.T) *Chinese {
	t.Helper()
	set, err := lexicons.Load("zh", "")
	if err != nil {
		t.Fatal(err)
	}
	z, err := NewChinese(set)
	if err != nil {
		t.Fatal(err)
	}
	return z
}

func TestChineseClassify(t *testing.T) {
	z := chinese(t)
	for _, c := range []struct {
		sentence, polarity string
		outcome            string // one outcome it must have, or ""
	}{
		{"衣服很舒服，很喜歡", Gain, Emotional},
		{"衣服很舒服，很喜欢", Gain, Emotional}, // Simplified
		{"料子不錯，但是太薄了", Pain, Functional},
		{"品質不太好", Pain, Functional},
		{"不會失望", Gain, ""},
		{"領子有點硬，沒其他不好的地方", Gain, ""}, // a negation over a quantifier
		{"品質佳", Gain, Functional},
		{"送給老公，老公很喜歡", Gain, Social},     // another's feeling is social
		{"不買真的會後悔", Gain, Social},        // a regret for not buying: a recommendation, no pain
		{"質感沒有圖片那麼好", Pain, Functional},  // a comparison denied: not as good as the photo
		{"沒想到這麼好穿", Gain, Functional},    // … but a surprise is no denial
		{"等了半個小時才有人理", Pain, Functional}, // a wait stated, no word of feeling
		{"大概二十天才到貨", Pain, Functional},
		{"三天就收到了", Gain, Functional},       // a quick arrival
		{"三天就壞了", Pain, ""},                // … not a breakage
		{"沒看過這麼漂亮的衣服", Gain, ""},           // never before (沒…過): praise, no denial
		{"沒看過這麼爛的店家", Pain, ""},            // … and blame
		{"沒有想到這麼好用", Gain, Functional},     // a surprise, after 沒有 too
		{"以後不買了，太失望了", Pain, Emotional},    // not buying again, no recommendation
		{"不買這家了，客服態度很爛", Pain, Functional}, // … whatever feeling follows
		{"只等了一天就到貨", Gain, Functional},     // a wait, then 就: quick
		{"穿一個月就到處起毛球", Pain, Functional},   // 到處 is no arrival
		{"我2019年才開始用這個牌子", Neutral, ""},    // a year of the calendar is no wait
		{"一年才穿一次", Neutral, ""},            // how often, no wait
		{"等三天後再說", Neutral, ""},            // an intention
		{"服務欠佳", Pain, ""},
		{"大推！送禮很適合", Gain, Social},
		{"請問有黑色嗎？", Neutral, ""},
		{"我昨天去買東西", Neutral, ""},
		{"包裝好，出貨也快", Gain, Functional}, // 好 ends its clause: a verdict
		{"服务也好", Gain, ""},
		{"縫線沒車好", Pain, ""},        // the verb's result denied
		{"大家好，我是新來的", Neutral, ""}, // a greeting
		{"買大一號比較好", Neutral, ""},   // advice
		{"衣服跟圖片根本是不同件", Pain, ""},  // a complaint stated as a fact
		// A whole review on one line: the contrast of its last sentence
		// does not undo the praise of the first.
		{"房間很乾淨，服務也好，床很舒服。就是早餐一般。", Gain, ""},
		{"房間很乾淨，但是隔音很差。", Pain, ""},
		{"東西很好。但是物流很慢", Pain, ""}, // a strong contrast opening a sentence answers the one before
		{"擦了一個月都沒有好", Pain, ""},   // 沒有 before 好 flips it once
		{"賣家沒有包裝好", Pain, ""},     // a negation before a two-rune verb
		{"這個好用嗎？^n有人用過嗎", Neutral, ""},
		{"這個好用嗎？😅", Neutral, ""},     // a trailing emoji asks nothing and vetoes nothing
		{"這個好用吗？ ", Neutral, ""},     // Simplified, a trailing space
		{"請問呼吸困難是什麼感覺", Neutral, ""}, // 請問 asks without a mark
		{"新手也零失敗", Gain, ""},         // zero failures
		{"妳好", Neutral, ""},
		{"已經裝好了", Neutral, ""},
	} {
		r := z.Classify(c.sentence, 0)
		if r.Polarity != c.polarity {
			t.Errorf("%q: %s (%v), want %s", c.sentence, r.Polarity, r.Evidence, c.polarity)
		}
		if c.outcome != "" && r.OutcomeScores.Of(c.outcome) < 1 {
			t.Errorf("%q: outcomes %v, want %s", c.sentence, r.Outcomes, c.outcome)
		}
	}
	// A person named without a verdict is no social result; a gift, or a
	// verdict about the person, is.
	for sentence, social := range map[string]bool{
		"今天和朋友去逛街":      false,
		"今天和朋友去逛街，買了禮物": true,
		"我老公很喜歡":        true,
		"穿起來非常可愛":       true,  // looking good when worn
		"女兒穿上去很好看":      true,  // 很 + 好看, the look after the wearing cue
		"穿上美國買的鞋子":      false, // 美 of 美國 is no look
		"這件潮爆":          true,  // style in others' eyes
		"房間很潮濕":         false, // 潮 of moisture
		"很可愛":           false, // bare praise
		"穿起來很舒服":        false, // comfort is functional
		"賣家人很好":         false, // the seller, no family (家人)
		"要買的請三思":        true,  // warning others
		"超推這家":          true,
		"幫弟弟買的":         true, // bought for another (kind with)
		"跟朋友一起訂了":       true,
		"我弟弟今天去上學":      false, // a person named, nothing done for or with them
		"配短裙很好看":        true,  // a look when paired with another piece
		"配色很好看":         false, // 配色 is the colours, no wearing cue
		"材質很好，推！":       true,  // 推 ending a clause recommends
		"出貨日期一直往後推。":    false, // 推 of "put off"
		"我弟弟的訂單一直沒出貨":   false, // 訂 of 訂單 is no ordering for another
		"朋友說這家選擇很多":     false, // 選 of 選擇
		"跟朋友一起去逛街":      false, // with a friend, nothing done for them
		"做工紮實又好看":       false, // 紮 of 紮實 is no wearing cue
		"這部劇配角很帥":       false, // 配 of 配角
		"給孩子當外套很適合":     true,  // done for another (kind for)
		"幫大家整理了資料":      false, // the readers addressed (audience), nothing done for them
		"推給老公處理就好":      false, // 給 of 推給: handed over, nothing done for him
		"穿起來很醜":         true,  // a look, good or bad, when worn
		"收到小禮物很開心":      false, // the seller's freebie is functional
		"別出來丟臉了":        false, // how the writer is seen, no product in view (a forum scolding)
		"穿這件好丟臉":        true,  // … and with the product in view
		"適合外出約會":        true,  // a date, with another
		"沒有拍照但真的好看":     false, // a photo not taken is no social result
		"大家可以來賣場逛逛":     true,  // the readers urged (kind urge after an audience word)
		"大家好，我想問一下":     false, // the readers greeted
		"你們一定要買看看":      true,
		"男友穿起來剛剛好":      true, // another wears it
		"男友今天很晚才回家":     false,
		"不買真的會後悔":       true,  // a regret for not buying urges others
		"買了很後悔":         false, // the writer's own regret is emotional
		"出門一直被問在哪買的":    true,  // others asking
		"這件潮流感十足":       true,
		"穿起來很有明星的氣場":    true,  // a type of person as a look when worn
		"明星的氣場很強":       false, // … and no look without a wearing cue
		"這幾天狂出門聚會":      false, // an occasion on a forum, no product in view
		"大家冲泡的时候要注意水温":  false, // 冲 of 冲泡 urges nobody
		"錯過了很可惜":        false, // the writer's own regret, no urging
		"很多人看不懂":        false, // others who see, on a forum
	} {
		if got := z.Classify(sentence, 0).OutcomeScores.Social >= 1; got != social {
			t.Errorf("%q: social %v, want %v", sentence, got, social)
		}
	}
}

// TestChineseDevFloor guards the figures on the real Chinese development
// set (tuned on; the test set is scored by hand once a round).
func TestChineseDevFloor(t *testing.T) {
	c, err := Load("")
	if err != nil {
		t.Fatal(err)
	}
	f, err := os.Open("../testdata/labelled/zh-dev.tsv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	labelled, err := ReadLabelled(f, "zh-dev.tsv")
	if err != nil {
		t.Fatal(err)
	}
	ev := c.Evaluate(labelled)
	if ev.Polarity.MacroF1 < 0.75 || ev.Polarity.Accuracy < 0.78 {
		t.Errorf("polarity macro-F1 %.3f, accuracy %.3f; floors 0.75, 0.78", ev.Polarity.MacroF1, ev.Polarity.Accuracy)
	}
}

func TestChineseTerms(t *testing.T) {
	z := chinese(t)
	got := map[string]bool{}
	for _, term := range z.Terms("出貨速度很快，材質很舒服，但是有點薄。", true) {
		got[term.Key] = true
	}
	for _, want := range []string{"出貨", "速度", "材質", "出貨 速度"} {
		if !got[want] {
			t.Errorf("terms %v lack %q", got, want)
		}
	}
	for _, stop := range []string{"很", "但是", "，", "有點"} {
		if got[stop] {
			t.Errorf("terms %v hold the stop word or mark %q", got, stop)
		}
	}
}

// TestChineseSegments: a word of a kind of customer is the sentence's
// segment; everyone (男生女生) is none.
func TestChineseSegments(t *testing.T) {
	z := chinese(t)
	for sentence, want := range map[string]string{
		"買給老公穿剛好":       "老公",
		"大隻的我也有好看的衣服穿了": "大隻的",
		"我是上班族，很適合":     "上班族",
		"男生女生都可以穿":      "",
		"买给老公穿刚好":       "老公", // Simplified
	} {
		if got := z.Classify(sentence, 5).Segment; got != want {
			t.Errorf("%q: segment %q, want %q", sentence, got, want)
		}
	}
}

func TestChinesePhrases(t *testing.T) {
	z := chinese(t)
	for _, c := range []struct{ sentence, job, situation, alternative string }{
		{"為了夏天出門穿買了這件，很舒服", "夏天出門穿買了這件", "夏天", ""},
		{"下雨的時候穿也不怕", "", "下雨的時候", ""},
		{"之前用別家的很快就壞了", "", "", "別家的"},
		{"想要的是黑色的", "", "", ""}, // a thing wanted, no purpose
		{"真的好想要黑色", "", "", ""}, // … a colour
		{"買來要送男友穿的", "要送男友穿", "", ""},
		{"對於想要遮一點肉肉的人來說更合穿", "", "", ""},     // people who want it, no job
		{"為了省錢有一次去面試一整天只喝了米漿", "", "面試", ""}, // a phrase that runs on is none
		{"也很想要因為表演要穿", "", "", ""},           // a reason after the cue
		{"但不用擔心活動的時候破掉", "", "活動的時候", ""},    // the scene after the worry
	} {
		r := z.Classify(c.sentence, 0)
		if r.Job != c.job || r.Situation != c.situation || r.Alternative != c.alternative {
			t.Errorf("%q: job %q, situation %q, alternative %q; want %q, %q, %q", c.sentence, r.Job, r.Situation, r.Alternative, c.job, c.situation, c.alternative)
		}
	}
}

// TestChineseTermsWhileLoading cuts Traditional text on several
// goroutines while the Simplified dictionary loads (gse rewrites shared
// model state when it loads; run with -race).
func TestChineseTermsWhileLoading(t *testing.T) {
	z := chinese(t)
	z.Terms("出貨速度很快", false) // Traditional loaded
	done := make(chan bool)
	for range 4 {
		go func() {
			for range 50 {
				z.Terms("出貨速度很快，材質很舒服", true)
			}
			done <- true
		}()
	}
	z.Terms("出货速度很快，材质很舒服", true) // loads Simplified meanwhile
	for range 4 {
		<-done
	}
}

// TestLoadUserEnglishOnly: a user's lexicon directory with only en/ (what
// `lexicon learn` writes) loads, with the Chinese tables built in; one
// with zh/ changes the Chinese version.
func TestLoadUserEnglishOnly(t *testing.T) {
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "en"), 0o755)
	os.WriteFile(filepath.Join(dir, "en", "themes.tsv"), []byte("scent\tfragrance\n"), 0o644)
	c, err := Load(dir)
	if err != nil {
		t.Fatalf("en/ only: %v", err)
	}
	builtin, _ := Load("")
	if _, zh, _ := strings.Cut(c.Version, "+"); zh == "" || !strings.HasSuffix(builtin.Version, "+"+zh) {
		t.Errorf("version %s: the Chinese part should be the built-in one (%s)", c.Version, builtin.Version)
	}
	os.MkdirAll(filepath.Join(dir, "zh"), 0o755)
	os.WriteFile(filepath.Join(dir, "zh", "valence.tsv"), []byte("讚爆\t3\n"), 0o644)
	c2, err := Load(dir)
	if err != nil || c2.Version == c.Version {
		t.Errorf("with zh/: %v, version %s (was %s)", err, c2.Version, c.Version)
	}
	if r := c2.ClassifyIn("zh-Hant", "這件讚爆", 0); r.Polarity != Gain {
		t.Errorf("the user's Chinese word is not read: %+v", r)
	}
}

// A Chinese layer written by "lexicon learn --lang zh" (DIR/zh/learned.tsv,
// a phrase's words spaced) is read under the curated words, in both
// scripts, and its spaces are dropped for matching.
func TestLoadUserChineseLearned(t *testing.T) {
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "zh"), 0o755); err != nil {
		t.Fatal(err)
	}
	layer := "# learned\n縫線 歪斜\t-2\t9\t0\t5\t-4\n很好\t-3\t1\t0\t3\t-2\n"
	if err := os.WriteFile(filepath.Join(dir, "zh", "learned.tsv"), []byte(layer), 0o644); err != nil {
		t.Fatal(err)
	}
	c, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, text := range []string{"這件的縫線歪斜", "这件的缝线歪斜"} {
		if r := c.ClassifyAuto(text, 0); r.Polarity != Pain {
			t.Errorf("%s: %s (%.2f), want pain from the learned phrase", text, r.Polarity, r.PolarityScore)
		}
	}
	// The curated "很好" wins over a learned weight for the same word.
	if r := c.ClassifyAuto("這件很好", 0); r.Polarity != Gain {
		t.Errorf("這件很好: %s, want gain (curated words win)", r.Polarity)
	}
}

func TestZhSentences(t *testing.T) {
	for _, c := range []struct {
		text string
		want []string
	}{
		{"很好", []string{"很好"}},
		{"很值得^n等有點久", []string{"很值得^n", "等有點久"}},
		{"太棒了！！真的。還會再買", []string{"太棒了！！", "真的。", "還會再買"}},
		{"「好」」。下一句", []string{"「好」」。", "下一句"}},
		{"一\n二", []string{"一\n", "二"}},
	} {
		off := runeOffsets(c.text)
		var got []string
		for _, sp := range zhSentences(nil, c.text, off) {
			got = append(got, c.text[off[sp.start]:off[sp.end]])
		}
		if strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("%q: %q, want %q", c.text, got, c.want)
		}
	}
}

func TestGoodAtClauseEnd(t *testing.T) {
	for text, want := range map[string]bool{
		"包裝好":   true,
		"服務也好，": true,
		"好喔！":   true,
		"好的":    false, // "OK"
		"大家好":   false,
		"說好了":   false,
		"好累":    false,
		"會更好":   false,
		"好好":    false,
	} {
		off := runeOffsets(text)
		i := strings.LastIndex(text, "好")
		k := 0
		for off[k] != i {
			k++
		}
		if got := goodAtClauseEnd(text, off, k); got != want {
			t.Errorf("%q: %v, want %v", text, got, want)
		}
	}
}

// runeOffsets returns the byte offset of each rune of s, then len(s).
func runeOffsets(s string) []int {
	var off []int
	for i := range s {
		off = append(off, i)
	}
	return append(off, len(s))
}

// TestDegreeAdverbBeforeLongerWord: 很好看 is 很 + 好看 (the longer word
// after the adverb), not 很好 + 看; 很好奇 "very curious" is no praise.
func TestDegreeAdverbBeforeLongerWord(t *testing.T) {
	z := chinese(t)
	for text, want := range map[string]string{"很好看": "gain:好看", "超好吃": "gain:好吃", "很好": "gain:很好"} {
		if r := z.Classify(text, 0); !slices.Contains(r.Evidence, want) {
			t.Errorf("%q: evidence %v, want %s", text, r.Evidence, want)
		}
	}
	if r := z.Classify("我很好奇", 0); slices.ContainsFunc(r.Evidence, func(e string) bool { return strings.HasPrefix(e, "gain:") }) {
		t.Errorf("我很好奇: evidence %v, want no gain", r.Evidence)
	}
}

// TestPairWords: the Chinese model's words are the pairs of adjacent
// characters within a clause, never across a break.
func TestPairWords(t *testing.T) {
	cl, err := Load("")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		text string
		want []string
	}{
		{"很好，便宜", []string{"很好", "便宜"}},
		{"質感好", []string{"质感", "感好"}}, // read in Simplified characters
		{"cp值高", []string{"cp", "p值", "值高"}},
		{"好", nil},
		{"讚 讚", nil},
	} {
		if got := cl.zh.modelWords(c.text); !slices.Equal(got, c.want) {
			t.Errorf("%q: pairs %q, want %q", c.text, got, c.want)
		}
	}
}

// TestFeelingNeedsProduct: without a rating, a feeling is an emotional
// outcome only with a product or its use in view (product.txt).
func TestFeelingNeedsProduct(t *testing.T) {
	c, err := Load("")
	if err != nil {
		t.Fatal(err)
	}
	z := c.zh
	for _, tc := range []struct {
		text   string
		rating float64
		want   bool
	}{
		{"我好擔心確診", 0, false}, // a forum worry about life
		{"買了很開心", 0, true},   // a purchase in view
		{"很開心", 5, true},     // a rated review: the product is in view
		{"收到好失望", 0, true},
		{"我好擔心，忍不住哭了", 0, false}, // 住 of 忍不住 puts no product in view
	} {
		if got := z.Classify(tc.text, tc.rating).OutcomeScores.Emotional >= 1; got != tc.want {
			t.Errorf("%q (rating %v): emotional %v, want %v", tc.text, tc.rating, got, tc.want)
		}
	}
}
