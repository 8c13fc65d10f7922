package analyze

import (
	"reflect"
	"testing"
)

func TestSplitChinese(t *testing.T) {
	for _, c := range []struct {
		text string
		want []string
	}{
		// Real Shopee and Dcard texts (../shared/data/zh-dcard-shopee).
		{"襯衫和照片一模一樣，花色很鮮豔!好有夏威夷的風格!s號女生穿很剛好!有機會再回購喔！",
			[]string{"襯衫和照片一模一樣，花色很鮮豔!", "好有夏威夷的風格!", "s號女生穿很剛好!", "有機會再回購喔！"}},
		{"花色很正！穿著很挺！就是有點不透氣…^n這麼便宜，買來搭配衣服穿樣式也不錯啊",
			[]string{"花色很正！", "穿著很挺！", "就是有點不透氣…", "這麼便宜，買來搭配衣服穿樣式也不錯啊"}},
		{"武漢肺炎症狀我倒是很清楚\n————\n媽！我上熱門了", []string{"武漢肺炎症狀我倒是很清楚", "————", "媽！", "我上熱門了"}},
		{"他說「好喔！！！」然後就走了", []string{"他說「好喔！！！」", "然後就走了"}},
		{"身高160穿M剛好，1.5公斤", []string{"身高160穿M剛好，1.5公斤"}},
	} {
		var got []string
		for _, s := range SplitChinese(c.text) {
			if c.text[s.Start:s.End] != s.Text {
				t.Errorf("span %+v does not match its offsets", s)
			}
			got = append(got, s.Text)
		}
		if !reflect.DeepEqual(got, c.want) {
			t.Errorf("SplitChinese(%q) = %q, want %q", c.text, got, c.want)
		}
	}
}
