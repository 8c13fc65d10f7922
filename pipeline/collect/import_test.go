package collect

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"jobminer/pipeline/store"
)

func openStore(t testing.TB) *store.Store {
	t.Helper()
	st, err := store.Open(filepath.Join(t.TempDir(), "test.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

func td(parts ...string) string {
	return filepath.Join(append([]string{"..", "..", "testdata"}, parts...)...)
}

// docRow is what a test reads back from the documents table.
type docRow struct {
	Kind, Product, Author, Title, Text, Parent string
	Rating                                     sql.NullFloat64
	Posted                                     sql.NullInt64
	Helpful                                    int64
	Verified                                   bool
	Line                                       int
}

// getDoc reads the document of an external id; a composite id (several
// columns joined by "|") is followed by "|" and the text's hash.
func getDoc(t *testing.T, st *store.Store, externalID string) docRow {
	t.Helper()
	var d docRow
	err := st.DB().QueryRow(`SELECT kind, product_id, author, title, text, parent_external_id, rating, posted_at, helpful_votes, verified, line
		FROM documents WHERE external_id = ? OR (instr(?, '|') > 0 AND external_id LIKE ? || '|________')`, externalID, externalID, externalID).Scan(&d.Kind, &d.Product, &d.Author, &d.Title, &d.Text, &d.Parent,
		&d.Rating, &d.Posted, &d.Helpful, &d.Verified, &d.Line)
	if err != nil {
		t.Fatalf("document %q: %v", externalID, err)
	}
	return d
}

func TestImportFormats(t *testing.T) {
	tests := []struct {
		file    string
		opts    Options
		format  string
		source  string
		rows    int
		skipped int    // of the rows, those with nothing to store (no text)
		id      string // a document to check
		want    docRow
		textHas string
	}{
		{
			file: "amazon_2023.jsonl", format: "amazon-2023", source: "amazon", rows: 7,
			id: "AEUNICODE|B0SLEEP00X|1700000000000",
			want: docRow{Kind: "review", Product: "B0SLEEP001", Author: "AEUNICODE", Title: "Très bien — love it 😍",
				Rating: sql.NullFloat64{Float64: 5, Valid: true}, Posted: sql.NullInt64{Int64: 1700000000, Valid: true}, Line: 7},
			textHas: "café.\nThe \"quiet\" mode is perfect & the cable",
		},
		{
			// The author is the customer id: names collide ("Amazon Customer", two Marias), ids do not.
			file: "amazon_2018.jsonl", format: "amazon-2018", source: "amazon", rows: 6,
			id: "A0XYZ|B0BLEND002|1514851200",
			want: docRow{Kind: "review", Product: "B0BLEND002", Author: "A0XYZ", Title: "Smoothies in seconds",
				Rating: sql.NullFloat64{Float64: 5, Valid: true}, Posted: sql.NullInt64{Int64: 1514851200, Valid: true},
				Helpful: 1031, Verified: true, Line: 1},
			textHas: "before my 6am commute",
		},
		{
			file: "finefood.csv", format: "amazon-finefood", source: "amazon-finefood", rows: 6,
			id: "3",
			want: docRow{Kind: "review", Product: "B0MUG00003", Author: "A3SGXH7AUHU8G2", Title: "Lid is impossible to clean",
				Rating: sql.NullFloat64{Float64: 2, Valid: true}, Posted: sql.NullInt64{Int64: 1303862400 + 2*86400, Valid: true},
				Helpful: 13, Line: 4},
			textHas: "drinking from it.\nMy wife calls it \"the puzzle lid\".",
		},
		{
			file: "datafiniti.csv", format: "datafiniti", source: "datafiniti", rows: 5,
			id: "", // no review id: keyed by content
			want: docRow{Kind: "review", Product: "B0PACK0004", Author: "Sam", Title: "Commute game changer",
				Rating: sql.NullFloat64{Float64: 5, Valid: true}, Posted: sql.NullInt64{Int64: 1484006400, Valid: true},
				Helpful: 20, Line: 2},
			textHas: "keeps my laptop dry in the rain",
		},
		{
			// Real rows (../shared/data/zh-dcard-shopee): a comment threaded to
			// its post, a date with milliseconds, likes as "3092.0", line
			// breaks inside the quoted text.
			file: "dcard_comments.csv", format: "dcard-comments", source: "dcard", rows: 8,
			id: "6e92de8c-6e23-49ac-882c-768c4bc8ec7c",
			want: docRow{Kind: "comment", Product: "235996273", Parent: "235996273",
				Posted: sql.NullInt64{Int64: 1621056058, Valid: true}, Helpful: 3092, Line: 2},
			textHas: "武漢肺炎症狀我倒是很清楚\n————\n媽！我上熱門了",
		},
		{
			file: "dcard_posts.csv", format: "dcard-posts", source: "dcard", rows: 3,
			id: "235996273",
			want: docRow{Kind: "comment", Product: "235996273", Title: "是不是還有很多人不知道新冠肺炎的症狀？",
				Posted: sql.NullInt64{Int64: 1621054981, Valid: true}, Helpful: 4139, Line: 2},
			textHas: "我只是打噴涕就引起群眾的憤怒與恐懼",
		},
		{
			// Real rows: stars in 給星, unix seconds, the order number in
			// scientific notation (not an id), two rows with no text.
			file: "shopee_reviews.csv", format: "shopee", source: "shopee", rows: 6, skipped: 2,
			id: "196516233|4541221083|1621350886",
			want: docRow{Kind: "review", Product: "4541221083", Author: "196516233",
				Rating: sql.NullFloat64{Float64: 5, Valid: true}, Posted: sql.NullInt64{Int64: 1621350886, Valid: true}, Line: 4},
			textHas: "只是不小心買小了一號",
		},
		{
			file: "amazon_us.tsv", format: "amazon-tsv", source: "amazon", rows: 4,
			id: "R1QX7Y2ZL",
			want: docRow{Kind: "review", Product: "511701", Author: "10001", Title: "Better than my old NutriBullet",
				Rating: sql.NullFloat64{Float64: 4, Valid: true}, Posted: sql.NullInt64{Int64: 1440979200, Valid: true},
				Helpful: 15, Verified: true, Line: 3},
			textHas: "I switched from a NutriBullet",
		},
		{
			file: "custom_shop.csv", format: "csv", source: "custom_shop", rows: 5,
			opts: Options{RatingMax: 10, Mapping: Mapping{FieldText: {"Feedback"}, FieldRating: {"Score10"},
				FieldProduct: {"Item"}, FieldAuthor: {"Handle"}, FieldID: {"Ref"}, FieldPostedAt: {"When"}, FieldTitle: {"Headline"}}},
			id: "SHOP-102",
			want: docRow{Kind: "review", Product: "B0PACK0004", Author: "Priya", Title: "Looks sharp",
				Rating: sql.NullFloat64{Float64: 1 + 7*4.0/9, Valid: true}, Posted: sql.NullInt64{Int64: 1709424000, Valid: true}, Line: 4},
			textHas: "client visits",
		},
		{
			file: "comments.jsonl", format: "jsonl", source: "comments", rows: 5, opts: Options{Kind: store.KindComment},
			id: "c2",
			want: docRow{Kind: "comment", Product: "", Author: "sleepy_sara", Parent: "c1",
				Posted: sql.NullInt64{Int64: 1714554720, Valid: true}, Line: 2},
			textHas: "sleeps through the garbage truck",
		},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			st := openStore(t)
			res, err := Import(context.Background(), st, td("formats", tt.file), tt.opts)
			if err != nil {
				t.Fatal(err)
			}
			if res.Format != tt.format || res.Source != tt.source {
				t.Errorf("format, source = %q, %q; want %q, %q", res.Format, res.Source, tt.format, tt.source)
			}
			if res.Rows != tt.rows || res.Counts.New != tt.rows-tt.skipped || res.Counts.Skipped != tt.skipped {
				t.Errorf("rows %d, counts %+v; want %d new, %d skipped", res.Rows, res.Counts, tt.rows-tt.skipped, tt.skipped)
			}
			var got docRow
			if tt.id == "" {
				var ext string
				if err := st.DB().QueryRow(`SELECT external_id FROM documents WHERE line = ?`, tt.want.Line).Scan(&ext); err != nil {
					t.Fatal(err)
				}
				got = getDoc(t, st, ext)
			} else {
				got = getDoc(t, st, tt.id)
			}
			if !strings.Contains(got.Text, tt.textHas) {
				t.Errorf("text %q does not contain %q", got.Text, tt.textHas)
			}
			got.Text = ""
			if got != tt.want {
				t.Errorf("document\n got %+v\nwant %+v", got, tt.want)
			}
		})
	}
}

func TestReimportIsNoop(t *testing.T) {
	st := openStore(t)
	ctx := context.Background()
	for _, f := range []string{"sample/amazon_reviews_2023.jsonl.gz", "formats/finefood.csv", "broken/broken.jsonl"} {
		path := td(strings.Split(f, "/")...)
		first, err := Import(ctx, st, path, Options{})
		if err != nil {
			t.Fatal(err)
		}
		var docs1, probs1 int
		st.DB().QueryRow(`SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM import_problems)`).Scan(&docs1, &probs1)
		second, err := Import(ctx, st, path, Options{})
		if err != nil {
			t.Fatal(err)
		}
		var docs2, probs2 int
		st.DB().QueryRow(`SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM import_problems)`).Scan(&docs2, &probs2)
		if first.Counts.New == 0 {
			t.Errorf("%s: first import added nothing", f)
		}
		if second.Counts.New != 0 || second.Counts.Duplicates != first.Counts.New {
			t.Errorf("%s: second import counts %+v, want 0 new and %d duplicates", f, second.Counts, first.Counts.New)
		}
		if docs1 != docs2 || probs1 != probs2 {
			t.Errorf("%s: re-import changed the tables: documents %d -> %d, problems %d -> %d", f, docs1, docs2, probs1, probs2)
		}
	}
	var sources int
	st.DB().QueryRow(`SELECT count(*) FROM sources`).Scan(&sources)
	if sources != 3 {
		t.Errorf("%d sources, want 3 (one per file)", sources)
	}
}

// problemLines returns the lines with problems of the given action.
func problemLines(t *testing.T, st *store.Store, action string) map[int]string {
	t.Helper()
	rows, err := st.DB().Query(`SELECT line, reason FROM import_problems WHERE action = ?`, action)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	out := map[int]string{}
	for rows.Next() {
		var l int
		var r string
		rows.Scan(&l, &r)
		out[l] = r
	}
	return out
}

func TestBrokenRowsAreReportedAndGoodRowsKept(t *testing.T) {
	tests := []struct {
		file    string
		new     int
		skipped map[int]string // line -> part of the reason
		kept    map[int]string
		goodIDs []string
	}{
		{
			file: "broken.jsonl", new: 7,
			skipped: map[int]string{2: "malformed JSON", 4: "empty text", 5: "rating 7.0 outside 1..5",
				8: "text is 149999 bytes", 10: "not a JSON object", 12: "not valid UTF-8"},
			kept:    map[int]string{9: `posted_at "yesterday"`},
			goodIDs: []string{"AEBADDATE|B0SLEEP001|yesterday"},
		},
		{
			file: "broken.csv", new: 4,
			skipped: map[int]string{3: "row has 13 fields, the header has 10", 4: "not closed on its line", 7: "after a closing quote"},
			goodIDs: []string{"101", "104", "105", "107"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			st := openStore(t)
			res, err := Import(context.Background(), st, td("broken", tt.file), Options{})
			if err != nil {
				t.Fatal(err)
			}
			if res.Counts.New != tt.new || res.Counts.Skipped != len(tt.skipped) || res.Counts.Kept != len(tt.kept) {
				t.Errorf("counts %+v, want %d new, %d skipped, %d kept", res.Counts, tt.new, len(tt.skipped), len(tt.kept))
			}
			for want, got := range map[*map[int]string]map[int]string{&tt.skipped: problemLines(t, st, "skipped"), &tt.kept: problemLines(t, st, "kept")} {
				if len(got) != len(*want) {
					t.Errorf("problems at lines %v, want %v", got, *want)
				}
				for line, part := range *want {
					if !strings.Contains(got[line], part) {
						t.Errorf("line %d: reason %q, want it to mention %q", line, got[line], part)
					}
				}
			}
			for _, id := range tt.goodIDs {
				getDoc(t, st, id)
			}
		})
	}
	t.Run("csv text survives damage around it", func(t *testing.T) {
		st := openStore(t)
		if _, err := Import(context.Background(), st, td("broken", "broken.csv"), Options{}); err != nil {
			t.Fatal(err)
		}
		if got := getDoc(t, st, "104").Text; got != `Cracked after one week, "sturdy" my foot.` {
			t.Errorf("row after an unterminated quote: %q", got)
		}
		if got := getDoc(t, st, "107"); got.Text != "Heavy but well made.\nSecond line of the review." || got.Line != 8 {
			t.Errorf("multi-line row: %+v", got)
		}
	})
}

func TestImportErrors(t *testing.T) {
	st := openStore(t)
	ctx := context.Background()
	_, err := Import(ctx, st, td("broken", "unmappable.csv"), Options{})
	if err == nil || !strings.Contains(err.Error(), "unmappable.csv") || !strings.Contains(err.Error(), "colA, colB, colC") || !strings.Contains(err.Error(), "--map") {
		t.Errorf("unmappable file: %v", err)
	}
	_, err = Import(ctx, st, td("formats", "custom_shop.csv"), Options{Mapping: Mapping{FieldText: {"Nope"}}})
	if err == nil || !strings.Contains(err.Error(), `no column "Nope"`) {
		t.Errorf("mapping to a missing column: %v", err)
	}
	_, err = Import(ctx, st, td("no-such-file.csv"), Options{})
	if err == nil || !strings.Contains(err.Error(), "no-such-file.csv") {
		t.Errorf("missing file: %v", err)
	}
	res, err := Import(ctx, st, td("broken", "truncated.jsonl.gz"), Options{})
	if err == nil || !strings.Contains(err.Error(), "truncated.jsonl.gz") || !strings.Contains(err.Error(), "ends unexpectedly") {
		t.Errorf("truncated gzip: %v", err)
	}
	if res.Counts.New < 20 {
		t.Errorf("truncated gzip kept %d rows, want the ones before the cut", res.Counts.New)
	}
	// The cut is among the import problems, as every other loss is.
	var reason string
	st.DB().QueryRow(`SELECT p.reason FROM import_problems p JOIN sources s ON s.id = p.source_id WHERE s.location LIKE '%truncated.jsonl.gz'`).Scan(&reason)
	if !strings.Contains(reason, "reading stopped") || !strings.Contains(reason, "ends unexpectedly") {
		t.Errorf("truncated gzip problem: %q", reason)
	}
}

func TestEncoding(t *testing.T) {
	st := openStore(t)
	ctx := context.Background()
	res, err := Import(ctx, st, td("broken", "windows1252.csv"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if res.Counts.New != 0 || res.Counts.Skipped != 2 {
		t.Errorf("without --encoding: %+v, want both rows skipped as invalid UTF-8", res.Counts)
	}
	res, err = Import(ctx, st, td("broken", "windows1252.csv"), Options{Encoding: "windows-1252"})
	if err != nil {
		t.Fatal(err)
	}
	if res.Counts.New != 2 {
		t.Errorf("with --encoding: %+v", res.Counts)
	}
	if got := getDoc(t, st, "w1"); got.Author != "Zoë" || got.Text != "“Best blender I’ve owned” – makes café-style frappés in seconds." {
		t.Errorf("decoded row: %+v", got)
	}
}

func TestStrictStopsAtFirstProblem(t *testing.T) {
	st := openStore(t)
	res, err := Import(context.Background(), st, td("broken", "broken.jsonl"), Options{Strict: true})
	if !errors.Is(err, ErrStrict) || !strings.Contains(err.Error(), "line 2") {
		t.Fatalf("err = %v, want a strict stop at line 2", err)
	}
	if res.Counts.New != 1 {
		t.Errorf("%d rows kept, want the 1 before the problem", res.Counts.New)
	}
}

func TestCancelledImportLeavesConsistentStore(t *testing.T) {
	st := openStore(t)
	path := filepath.Join(t.TempDir(), "big.jsonl")
	writeSynthetic(t, path, 20000, "jsonl")
	ctx, cancel := context.WithCancel(context.Background())
	var read int64
	res, err := Import(ctx, st, path, Options{BatchSize: 1000, Progress: func(n int64) {
		read += n
		if read > 1<<20 {
			cancel()
		}
	}})
	if !errors.Is(err, context.Canceled) || !res.Interrupted {
		t.Fatalf("err = %v, interrupted = %v", err, res.Interrupted)
	}
	var n int
	st.DB().QueryRow(`SELECT count(*) FROM documents`).Scan(&n)
	if n == 0 || n >= 20000 || n%1000 != 0 {
		t.Errorf("%d documents after a cancel; want whole batches of 1000, fewer than all", n)
	}
	var status string
	st.DB().QueryRow(`SELECT last_status FROM sources`).Scan(&status)
	if status != store.StatusInterrupted {
		t.Errorf("source status %q", status)
	}
	res, err = Import(context.Background(), st, path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if res.Counts.New != 20000-n || res.Counts.Duplicates != n {
		t.Errorf("resumed import: %+v, want %d new and %d duplicates", res.Counts, 20000-n, n)
	}
}

func TestParseTimeLayouts(t *testing.T) {
	for in, want := range map[string]string{
		"31-Jul-18":   "2018-07-31", // Amazon Alexa TSV (../shared/data/amazon-alexa)
		"2-Jan-2006":  "2006-01-02",
		"07 18, 2017": "2017-07-18", // Amazon 2018 reviewTime
		"2024-03-01":  "2024-03-01",
	} {
		got, err := parseTime(in)
		if err != nil {
			t.Errorf("parseTime(%q): %v", in, err)
			continue
		}
		if d := time.Unix(got, 0).UTC().Format("2006-01-02"); d != want {
			t.Errorf("parseTime(%q) = %s, want %s", in, d, want)
		}
	}
}

// TestMapNamesOnly: with --map on a file of no known format only the
// named fields are read (a "score" column of -4..4 is not taken as the
// rating), FIELD=- switches a field off, and a text column with an
// unusual name is found by its name (the Amazon Alexa export's
// "verified_reviews").
func TestMapNamesOnly(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "scored.csv")
	if err := os.WriteFile(path, []byte("id,text,score\n1,Works well,-3\n2,Broke fast,4\n3,Fine,0\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	for _, tc := range []struct {
		name    string
		mapping string
		skipped int
		rated   int
	}{
		{"guessed", "", 2, 1},                   // score taken as the rating: -3 and 0 are out of range
		{"named only", "id=id,text=text", 0, 0}, // no rating column
		{"switched off", "rating=-", 0, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			st := openStore(t)
			m, err := ParseMapping(tc.mapping)
			if err != nil {
				t.Fatal(err)
			}
			res, err := Import(ctx, st, path, Options{Mapping: m})
			if err != nil {
				t.Fatal(err)
			}
			var rated int
			st.DB().QueryRow(`SELECT count(*) FROM documents WHERE rating IS NOT NULL`).Scan(&rated)
			if res.Counts.Skipped != tc.skipped || rated != tc.rated {
				t.Errorf("skipped %d, rated %d; want %d and %d", res.Counts.Skipped, rated, tc.skipped, tc.rated)
			}
		})
	}
	alexa := filepath.Join(dir, "alexa.tsv")
	// The first rows of ../shared/data/amazon-alexa/amazon_alexa.tsv (byte-order mark, CRLF).
	data := "\ufeffrating\tdate\tvariation\tverified_reviews\tfeedback\r\n5\t31-Jul-18\tCharcoal Fabric \tLove my Echo!\t1\r\n4\t31-Jul-18\tCharcoal Fabric \tLoved it!\t1\r\n"
	if err := os.WriteFile(alexa, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	st := openStore(t)
	res, err := Import(ctx, st, alexa, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var text string
	var posted int64
	st.DB().QueryRow(`SELECT text, posted_at FROM documents ORDER BY line LIMIT 1`).Scan(&text, &posted)
	if res.Counts.New != 2 || text != "Love my Echo!" || time.Unix(posted, 0).UTC().Format("2006-01-02") != "2018-07-31" {
		t.Errorf("alexa: %+v, first text %q, posted %d", res, text, posted)
	}
}

// TestKeysKeepDistinctReviews: two Amazon 2018 reviews with the same
// reviewer, product and day but different text are two documents; a file
// without an id column gets "line N" ids, so two customers who wrote the
// same words are two documents, every quote can be traced to its row, and
// importing the file again adds nothing.
func TestKeysKeepDistinctReviews(t *testing.T) {
	dir := t.TempDir()
	ctx := context.Background()
	j := filepath.Join(dir, "same_day.json")
	row := `{"overall": %d.0, "verified": true, "reviewTime": "07 18, 2017", "reviewerID": "A1", "asin": "B0X", "reviewerName": "Kim", "reviewText": %q, "unixReviewTime": 1500336000}` + "\n"
	data := fmt.Sprintf(row, 5, "Fits well, the strap is sturdy.") + fmt.Sprintf(row, 1, "The second pair fell apart in a week.")
	if err := os.WriteFile(j, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	c := filepath.Join(dir, "no_ids.csv")
	if err := os.WriteFile(c, []byte("text,rating\nLove it!,5\nLove it!,5\nToo small.,2\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	st := openStore(t)
	for _, tc := range []struct {
		path string
		new  int
	}{{j, 2}, {c, 3}} {
		res, err := Import(ctx, st, tc.path, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if res.Counts.New != tc.new {
			t.Errorf("%s: %d new, want %d", filepath.Base(tc.path), res.Counts.New, tc.new)
		}
		again, err := Import(ctx, st, tc.path, Options{})
		if err != nil || again.Counts.New != 0 || again.Counts.Duplicates != tc.new {
			t.Errorf("%s again: %+v %v, want 0 new", filepath.Base(tc.path), again.Counts, err)
		}
	}
	var ids []string
	rows, err := st.DB().Query(`SELECT external_id FROM documents d JOIN sources s ON s.id = d.source_id WHERE s.location LIKE '%no_ids.csv' ORDER BY line`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var id string
		rows.Scan(&id)
		ids = append(ids, id)
	}
	rows.Close()
	if strings.Join(ids, ",") != "line 2,line 3,line 4" {
		t.Errorf("ids of a file without an id column: %q", ids)
	}
}

// TestStdinImportsAreSourcesOfTheirOwn: two piped imports are two source
// rows; the second (with another --source) does not relabel the first
// one's documents.
func TestStdinImportsAreSourcesOfTheirOwn(t *testing.T) {
	st := openStore(t)
	ctx := context.Background()
	for _, tc := range []struct{ name, data string }{
		{"shop-a", "id,text,rating\n1,Great kettle.,5\n"},
		{"shop-b", "id,text,rating\n1,Leaky kettle.,1\n"},
	} {
		if _, err := Import(ctx, st, "-", Options{Source: tc.name, Stdin: strings.NewReader(tc.data)}); err != nil {
			t.Fatal(err)
		}
	}
	for name, text := range map[string]string{"shop-a": "Great kettle.", "shop-b": "Leaky kettle."} {
		var got string
		var n int
		err := st.DB().QueryRow(`SELECT count(*), max(d.text) FROM documents d JOIN sources s ON s.id = d.source_id WHERE s.name = ?`, name).Scan(&n, &got)
		if err != nil || n != 1 || got != text {
			t.Errorf("source %s: %d documents, %q (%v); want 1, %q", name, n, got, err, text)
		}
	}
	var sources int
	st.DB().QueryRow(`SELECT count(*) FROM sources`).Scan(&sources)
	if sources != 2 {
		t.Errorf("%d source rows, want 2", sources)
	}
}

// TestTSVHasNoQuoteRules: a TSV review that begins with a quote (as in
// the Amazon US reviews TSV) is read as text and the rows after it are
// not swallowed; a field wrapped in quotes at both ends (the Amazon
// Alexa TSV) is unwrapped.
func TestTSVHasNoQuoteRules(t *testing.T) {
	path := filepath.Join(t.TempDir(), "quotes.tsv")
	data := "review_id\tstar_rating\treview_body\n" +
		"R1\t2\t\"Gift\" cards that never arrive are no gift.\n" +
		"R2\t5\t\"Love it, my kids say \"\"wow\"\" every day.\"\n" +
		"R3\t4\tWorks.\n" +
		"R4\t3\t\"Two lines,\nas a spreadsheet writes them.\"\n" // a quoted field with a line break
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	st := openStore(t)
	res, err := Import(context.Background(), st, path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if res.Counts.New != 4 {
		t.Fatalf("%+v, want 4 new", res.Counts)
	}
	for id, want := range map[string]string{"R1": `"Gift" cards that never arrive are no gift.`, "R2": `Love it, my kids say "wow" every day.`, "R3": "Works.",
		"R4": "Two lines,\nas a spreadsheet writes them."} {
		if got := getDoc(t, st, id).Text; got != want {
			t.Errorf("%s: %q, want %q", id, got, want)
		}
	}
}

func TestDecimalCommaAndSlashDates(t *testing.T) {
	if r, err := parseRating("4,5", 5); err != nil || r != 4.5 {
		t.Errorf(`parseRating("4,5") = %v, %v; want 4.5`, r, err)
	}
	for in, want := range map[string]struct {
		date string
		note bool
	}{
		"31/01/2024": {"2024-01-31", false}, // only day/month fits
		"01/03/2024": {"2024-01-03", true},  // either: month/day, said so
		"12/12/2024": {"2024-12-12", false},
	} {
		got, note, err := parseDate(in, &slashOrder{})
		if err != nil {
			t.Errorf("parseDate(%q): %v", in, err)
			continue
		}
		if d := time.Unix(got, 0).UTC().Format("2006-01-02"); d != want.date || (note != "") != want.note {
			t.Errorf("parseDate(%q) = %s, note %q; want %s, note %v", in, d, note, want.date, want.note)
		}
	}
	// One file, one order: once a date shows day/month, the ambiguous ones
	// after it are read so too, without a note.
	var order slashOrder
	parseDate("13/01/2024", &order)
	if got, note, _ := parseDate("05/01/2024", &order); time.Unix(got, 0).UTC().Format("2006-01-02") != "2024-01-05" || note != "" {
		t.Errorf("after 13/01/2024, 05/01/2024 read as %s (note %q), want 2024-01-05", time.Unix(got, 0).UTC().Format("2006-01-02"), note)
	}
	if _, _, err := parseDate("31/31/2024", &slashOrder{}); err == nil {
		t.Error("31/31/2024 read as a date")
	}
}

// TestNoHeaderByPosition: a header-less CSV is mapped by column position
// and its first line is data, not lost as a header.
func TestNoHeaderByPosition(t *testing.T) {
	path := filepath.Join(t.TempDir(), "nohead.csv")
	if err := os.WriteFile(path, []byte("R1,5,Great kettle\nR2,1,\"Leaks, badly\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	st := openStore(t)
	m, _ := ParseMapping("id=1,rating=2,text=3")
	res, err := Import(context.Background(), st, path, Options{NoHeader: true, Mapping: m})
	if err != nil || res.Counts.New != 2 {
		t.Fatalf("%+v %v, want 2 new", res.Counts, err)
	}
	if d := getDoc(t, st, "R1"); d.Text != "Great kettle" || d.Line != 1 || !d.Rating.Valid || d.Rating.Float64 != 5 {
		t.Errorf("R1: %+v", d)
	}
	if _, err := Import(context.Background(), st, path, Options{NoHeader: true}); err == nil || !strings.Contains(err.Error(), "columns are: 1, 2, 3") {
		t.Errorf("without --map: %v", err)
	}
}

// TestStrictKeepsNothingItReportsKept: under --strict a row with a
// droppable field (a date it cannot read) stops the import and is not
// stored, so it is reported skipped, not kept.
func TestStrictKeepsNothingItReportsKept(t *testing.T) {
	path := filepath.Join(t.TempDir(), "dates.csv")
	if err := os.WriteFile(path, []byte("id,text,date\n1,Fine kettle.,2024-01-02\n2,Leaky kettle.,yesterday\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	st := openStore(t)
	res, err := Import(context.Background(), st, path, Options{Strict: true})
	if !errors.Is(err, ErrStrict) {
		t.Fatalf("err = %v, want ErrStrict", err)
	}
	var docs int
	var action string
	st.DB().QueryRow(`SELECT count(*) FROM documents`).Scan(&docs)
	st.DB().QueryRow(`SELECT action FROM import_problems`).Scan(&action)
	if res.Counts.Kept != 0 || docs != 1 || action != store.ActionSkipped {
		t.Errorf("counts %+v, %d documents, problem action %q; want 0 kept, 1 document, skipped", res.Counts, docs, action)
	}
	// The summary does not call the row it stopped at skipped (read past).
	if sum := res.Summary(); !res.Stopped || strings.Contains(sum, "skipped") || !strings.Contains(sum, "the row it stopped at is not stored") {
		t.Errorf("stopped %v, summary %q", res.Stopped, sum)
	}
}

// TestManyBadRows: problems past the first 1000 of one cause are counted
// in one summary row, not listed (memory and disk stay small), and the
// counts still add up; a file whose first 1000 rows all fail one way
// stops with a hint.
func TestManyBadRows(t *testing.T) {
	dir := t.TempDir()
	var sb strings.Builder
	sb.WriteString("id,text,rating\n1,Good kettle,5\n")
	for i := 2; i <= 5001; i++ {
		fmt.Fprintf(&sb, "%d,Kettle number %d,9\n", i, i)
	}
	mixed := filepath.Join(dir, "mixed.csv")
	os.WriteFile(mixed, []byte(sb.String()), 0o644)
	st := openStore(t)
	res, err := Import(context.Background(), st, mixed, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var listed, rows int
	st.DB().QueryRow(`SELECT count(*) FROM import_problems WHERE line > 0`).Scan(&listed)
	st.DB().QueryRow(`SELECT count(*) FROM import_problems`).Scan(&rows)
	if res.Counts.New != 1 || res.Counts.Skipped != 5000 || listed != 1000 || rows != 1001 {
		t.Errorf("counts %+v, %d listed problems, %d problem rows; want 1 new, 5000 skipped, 1000 listed, 1001 rows", res.Counts, listed, rows)
	}
	sb.Reset()
	sb.WriteString("id,text,rating\n")
	for i := 1; i <= 3000; i++ {
		fmt.Fprintf(&sb, "%d,Kettle %d,9\n", i, i)
	}
	bad := filepath.Join(dir, "all_nine.csv")
	os.WriteFile(bad, []byte(sb.String()), 0o644)
	res, err = Import(context.Background(), st, bad, Options{})
	if err == nil || !strings.Contains(err.Error(), "first 1000 rows all fail the same way") || !strings.Contains(err.Error(), "--rating-max") || res.Rows != 1000 {
		t.Errorf("all bad: %v after %d rows", err, res.Rows)
	}
}

// TestDatafinitiUndatedRowHasNoDate: a Datafiniti row without reviews.date
// is stored without a date, not dated by reviews.dateAdded (when the row
// was scraped).
func TestDatafinitiUndatedRowHasNoDate(t *testing.T) {
	path := filepath.Join(t.TempDir(), "datafiniti.csv")
	data := "id,name,asins,reviews.date,reviews.dateAdded,reviews.rating,reviews.text,reviews.username\n" +
		"AV1,Kettle,B0K,,2017-07-03T23:33:15Z,4,Boils fast and quiet.,Sam\n"
	os.WriteFile(path, []byte(data), 0o644)
	st := openStore(t)
	if _, err := Import(context.Background(), st, path, Options{}); err != nil {
		t.Fatal(err)
	}
	var posted sql.NullInt64
	st.DB().QueryRow(`SELECT posted_at FROM documents`).Scan(&posted)
	if posted.Valid {
		t.Errorf("dated %s by dateAdded", time.Unix(posted.Int64, 0).UTC())
	}
}

// TestSameExportTwoNames: one export saved under two file names (a
// re-download, a monthly file that overlaps the last) stores its reviews
// once; each file keeps its own source row and name.
func TestSameExportTwoNames(t *testing.T) {
	dir := t.TempDir()
	a := filepath.Join(dir, "reviews-2024-01.csv")
	b := filepath.Join(dir, "reviews-2024-01 (1).csv")
	data := "review_id,text,rating\nR3K9PQX2M1,Great kettle.,5\nR7ZC41LLQ0,Leaks at the lid.,2\n"
	os.WriteFile(a, []byte(data), 0o644)
	os.WriteFile(b, []byte(data+"R1BB2CC3DD,Boils fast.,4\n"), 0o644)
	st := openStore(t)
	ctx := context.Background()
	ra, err := Import(ctx, st, a, Options{})
	if err != nil {
		t.Fatal(err)
	}
	rb, err := Import(ctx, st, b, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var docs, sources int
	st.DB().QueryRow(`SELECT count(*) FROM documents`).Scan(&docs)
	st.DB().QueryRow(`SELECT count(*) FROM sources`).Scan(&sources)
	if ra.Counts.New != 2 || rb.Counts.New != 1 || rb.Counts.Duplicates != 2 || docs != 3 || sources != 2 {
		t.Errorf("first %+v, second %+v, %d documents, %d sources; want 2 new, then 1 new + 2 duplicates, 3 documents, 2 sources", ra.Counts, rb.Counts, docs, sources)
	}
}

// TestJSONLWithLeadingMetadata: a JSON Lines export whose first line is a
// metadata object imports its reviews; the metadata line is one skipped
// row that says what it was.
func TestJSONLWithLeadingMetadata(t *testing.T) {
	rows, err := os.ReadFile(td("formats", "amazon_2023.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "export.jsonl")
	meta := `{"export": "reviews", "generated_at": "2024-05-01T10:00:00Z", "count": 5}` + "\n"
	os.WriteFile(path, append([]byte(meta), rows...), 0o644)
	st := openStore(t)
	res, err := Import(context.Background(), st, path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	plain, err := Import(context.Background(), openStore(t), td("formats", "amazon_2023.jsonl"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if res.Format != "amazon-2023" || res.Counts.New != plain.Counts.New || res.Counts.Skipped != plain.Counts.Skipped+1 {
		t.Errorf("%s %+v; the file without the metadata line: %+v", res.Format, res.Counts, plain.Counts)
	}
	var reason string
	st.DB().QueryRow(`SELECT reason FROM import_problems WHERE line = 1`).Scan(&reason)
	if !strings.Contains(reason, "no review text") || !strings.Contains(reason, "generated_at") {
		t.Errorf("line 1 problem: %q", reason)
	}
}

// TestKeysDoNotMergeOtherFiles: short per-file ids ("1", "2") of two
// exports with the same columns, two different files of the same name,
// and two piped imports keep their reviews apart; an export re-downloaded
// with a new review on top adds only that review.
func TestKeysDoNotMergeOtherFiles(t *testing.T) {
	dir := t.TempDir()
	ctx := context.Background()
	write := func(name, data string) string {
		p := filepath.Join(dir, name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, []byte(data), 0o644)
		return p
	}
	st := openStore(t)
	imp := func(path string, in string) store.RunCounts {
		t.Helper()
		o := Options{}
		if path == "-" {
			o.Stdin = strings.NewReader(in)
		}
		res, err := Import(ctx, st, path, o)
		if err != nil {
			t.Fatal(err)
		}
		return res.Counts
	}
	for _, tc := range []struct {
		path, data string
		new        int
	}{
		{write("blender.csv", "id,text,rating\n1,Crushes ice well.,5\n2,Loud motor.,3\n"), "", 2},
		{write("kettle.csv", "id,text,rating\n1,Boils fast.,5\n2,Lid leaks.,2\n"), "", 2}, // same columns, own ids
		{write("a/reviews.csv", "text,rating\nGreat blender,5\nBroke after a week,1\n"), "", 2},
		{write("b/reviews.csv", "text,rating\nNice mug,4\nChipped on arrival,1\n"), "", 2}, // same name, other texts
		{"-", "text,rating\nFast shipping,5\n", 1},
		{"-", "text,rating\nSlow shipping,2\n", 1},
	} {
		if got := imp(tc.path, tc.data); got.New != tc.new {
			t.Errorf("%s: %+v, want %d new", tc.path, got, tc.new)
		}
	}
	// The same export again, newest review first: only that one is new.
	again := write("a/reviews.csv", "text,rating\nLove the new lid,5\nGreat blender,5\nBroke after a week,1\n")
	if got := imp(again, ""); got.New != 1 || got.Duplicates != 2 {
		t.Errorf("reordered export: %+v, want 1 new and 2 duplicates", got)
	}
}

// TestChineseEncodings: real Dcard comments saved as Big5 and Shopee
// reviews saved as GBK (the rows of testdata/formats those encodings can
// hold) read as the UTF-8 originals do with --encoding.
func TestChineseEncodings(t *testing.T) {
	for _, c := range []struct{ file, enc, id, textHas string }{
		{"dcard_comments_big5.csv", "big5", "d5f86c02-f9d5-4e83-9d9e-210aa590b0ec", "武漢廢言B1"},
		{"shopee_gbk.csv", "gbk", "106897596|4541221083|1621256068", "襯衫和照片一模一樣"},
	} {
		t.Run(c.enc, func(t *testing.T) {
			st := openStore(t)
			// Without it, the import stops at the header and says what to do.
			_, err := Import(context.Background(), st, td("broken", c.file), Options{})
			if err == nil || !strings.Contains(err.Error(), "--encoding") || !strings.Contains(err.Error(), c.enc) {
				t.Errorf("without --encoding: %v", err)
			}
			st = openStore(t)
			res, err := Import(context.Background(), st, td("broken", c.file), Options{Encoding: c.enc})
			if err != nil {
				t.Fatal(err)
			}
			if res.Counts.New == 0 || !strings.HasPrefix(res.Format, "dcard") && res.Format != "shopee" {
				t.Fatalf("with --encoding %s: %+v, format %s", c.enc, res.Counts, res.Format)
			}
			if got := getDoc(t, st, c.id); !strings.Contains(got.Text, c.textHas) {
				t.Errorf("decoded text %q lacks %q", got.Text, c.textHas)
			}
		})
	}
}
