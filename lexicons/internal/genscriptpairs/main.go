// Command genscriptpairs writes lexicons/zh/script_pairs.tsv from OpenCC's
// character tables (github.com/longbridgeapp/opencc v0.3.13, Apache License
// 2.0, © the OpenCC authors):
//
//	D=$(go env GOMODCACHE)/github.com/longbridgeapp/opencc@v0.3.13/dictionary
//	go run ./lexicons/internal/genscriptpairs $D/TSCharacters.txt > lexicons/zh/script_pairs.tsv
//
// A second argument names STCharacters.txt; by default it is read from the
// folder of TSCharacters.txt.
//
// The table both converts words to Simplified (classifiers/chinese.go) and
// tells the scripts apart (classifiers/lang: a character of the first
// column counts as Traditional, of the second as Simplified), so it keeps
// only pairs whose characters each belong to one script. From each line
// "T<TAB>S1 S2 …" of TSCharacters.txt it takes T and its first (default)
// Simplified form S, both single characters, and drops the pair when
//   - S is T (瞭 → 瞭 了);
//   - S is itself a key of TSCharacters.txt (a Traditional character that
//     converts to another one);
//   - S is among its own Traditional forms in STCharacters.txt, i.e. S is
//     also written in Traditional text (乾 → 干, 後 → 后, 裡 → 里, 麵 → 面,
//     鬆 → 松, 於 → 于, 臺 → 台, 隻 → 只: "干 幹 乾 干", "后 後 后" …),
//     except the characters of rareInHant: OpenCC lists them as Traditional
//     characters of their own, but they are archaic or rare there (价, an
//     old word for a servant; 适, a rare name character) and are the
//     Simplified forms of common review characters (價, 適, 確, 種);
//   - T is a key of STCharacters.txt, or among its own Simplified forms in
//     TSCharacters.txt (a character Simplified text writes as well).
//
// Many-to-one pairs whose Simplified character is written in no
// Traditional text stay (發 → 发 and 髮 → 发).
package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"
)

// table maps each key character of an OpenCC character table to its
// candidates, in file order (the first is OpenCC's default).
type table struct {
	keys  []rune
	forms map[rune][]rune
}

func read(r io.Reader) (*table, error) {
	t := &table{forms: map[rune][]rune{}}
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		key, rest, ok := strings.Cut(line, "\t")
		if !ok || utf8.RuneCountInString(key) != 1 {
			continue
		}
		k, _ := utf8.DecodeRuneInString(key)
		var cands []rune
		for _, f := range strings.Fields(rest) {
			if utf8.RuneCountInString(f) == 1 {
				c, _ := utf8.DecodeRuneInString(f)
				cands = append(cands, c)
			}
		}
		if len(cands) == 0 {
			continue
		}
		if _, seen := t.forms[k]; !seen {
			t.keys = append(t.keys, k)
		}
		t.forms[k] = append(t.forms[k], cands...)
	}
	return t, sc.Err()
}

// rareInHant are Simplified characters that STCharacters.txt also lists as
// Traditional ones but that Traditional text (Taiwan's, the reviews this
// project reads) seldom writes; their pairs stay. Left out of this list on
// purpose, being common in Traditional text: 几 (茶几), 万 (written for 萬
// in casual Taiwanese posts), 虫, 胜 (胜肽), 夸 (夸克), and every character
// that is plainly both (台, 只, 干, 后, 里, 面, 松, 系, 布 …).
var rareInHant = map[rune]bool{}

func init() {
	for _, r := range "价适确种极厂广丰叶愿党苹腊筑淀柜荐咸腌蚝涌" {
		rareInHant[r] = true
	}
}

// commonInHant are Simplified forms that Traditional text writes as its
// own everyday character though the tables do not say so: 真 (OpenCC pairs
// 眞 → 真, but Taiwan writes 真的 with 真), so text holding it is no sign of
// Simplified, and the pair is dropped.
var commonInHant = map[rune]bool{'真': true}

func has(rs []rune, r rune) bool {
	for _, x := range rs {
		if x == r {
			return true
		}
	}
	return false
}

// Pair is one traditional → simplified character pair.
type Pair struct{ Trad, Simp rune }

// Pairs applies the rules of the package comment.
func Pairs(ts, st *table) []Pair {
	var out []Pair
	for _, t := range ts.keys {
		s := ts.forms[t][0]
		if s == t {
			continue
		}
		if _, ok := ts.forms[s]; ok {
			continue // S converts again: it is a Traditional character
		}
		if commonInHant[s] || has(st.forms[s], s) && !rareInHant[s] {
			continue // S is also one of its own Traditional forms
		}
		if _, ok := st.forms[t]; ok || has(ts.forms[t], t) {
			continue // T is also written in Simplified text
		}
		out = append(out, Pair{t, s})
	}
	return out
}

func load(path string) (*table, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return read(f)
}

const header = `# Characters written differently in Traditional and Simplified Chinese: traditional<TAB>simplified.
# A text is zh-Hant when it uses more of the first column, zh-Hans when more of the second; a word of
# the zh tables gets its Simplified form by these pairs.
# Source: OpenCC's TSCharacters.txt (with STCharacters.txt for the checks below) as shipped in
# github.com/longbridgeapp/opencc v0.3.13, Apache License 2.0, © the OpenCC authors. Generated by
# go run ./lexicons/internal/genscriptpairs $(go env GOMODCACHE)/github.com/longbridgeapp/opencc@v0.3.13/dictionary/TSCharacters.txt
# Not edited by hand. Kept: one character to its default Simplified character, when the two differ, the
# Simplified one is written in no Traditional text (not a key of TSCharacters, not among its own
# Traditional forms in STCharacters: 乾→干, 後→后, 裡→里, 麵→面, 鬆→松, 於→于, 臺→台, 隻→只 are left
# out; 21 characters rare in Traditional text, 价 适 确 种 …, are kept, see rareInHant) and the
# Traditional one in no Simplified text (not a key of STCharacters). Words with the left-out
# characters are listed in both forms in the tables that need them.
`

func main() {
	if len(os.Args) < 2 || len(os.Args) > 3 {
		fmt.Fprintln(os.Stderr, "usage: genscriptpairs TSCharacters.txt [STCharacters.txt] > lexicons/zh/script_pairs.tsv")
		os.Exit(2)
	}
	stPath := filepath.Join(filepath.Dir(os.Args[1]), "STCharacters.txt")
	if len(os.Args) == 3 {
		stPath = os.Args[2]
	}
	ts, err := load(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	st, err := load(stPath)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	w := bufio.NewWriter(os.Stdout)
	w.WriteString(header)
	for _, p := range Pairs(ts, st) {
		fmt.Fprintf(w, "%c\t%c\n", p.Trad, p.Simp)
	}
	if err := w.Flush(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
