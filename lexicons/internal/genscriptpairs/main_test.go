package main

import (
	"strings"
	"testing"
)

func TestPairs(t *testing.T) {
	ts, err := read(strings.NewReader("# comment\n們\t们\n後\t后\n發\t发\n髮\t发\n瞭\t瞭 了\n於\t于 於\n價\t价\n薴\t苧\n苧\t苎\n麽\t么\n麼\t么 麽\n"))
	if err != nil {
		t.Fatal(err)
	}
	st, err := read(strings.NewReader("们\t們\n后\t後 后\n发\t發 髮\n于\t於 于\n价\t價 价\n么\t麼\n麽\t麼\n苧\t薴\n"))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range Pairs(ts, st) {
		got = append(got, string(p.Trad)+string(p.Simp))
	}
	// 後→后 and 於→于: the Simplified character is Traditional too; 瞭:
	// no change; 薴→苧: 苧 converts again; 苧→苎 and 麽→么: Simplified
	// text writes 苧 and 麽 as well.
	if want := "們们 發发 髮发 價价 麼么"; strings.Join(got, " ") != want {
		t.Errorf("pairs %q, want %q", strings.Join(got, " "), want)
	}
}
