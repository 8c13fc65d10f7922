package collect

import (
	"fmt"
	"hash/fnv"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"
)

// Field names a mapping assigns columns to. They follow the documents
// table; --map also accepts the short aliases in fieldAliases.
const (
	FieldID       = "external_id"
	FieldProduct  = "product_id"
	FieldAuthor   = "author"
	FieldRating   = "rating"
	FieldTitle    = "title"
	FieldText     = "text"
	FieldPostedAt = "posted_at"
	FieldHelpful  = "helpful_votes"
	FieldVerified = "verified"
	FieldParent   = "parent_external_id"
	FieldURL      = "url"
)

// Fields lists every mappable field, in documentation order.
var Fields = []string{FieldID, FieldProduct, FieldAuthor, FieldRating, FieldTitle, FieldText,
	FieldPostedAt, FieldHelpful, FieldVerified, FieldParent, FieldURL}

var fieldAliases = map[string]string{
	"id": FieldID, "product": FieldProduct, "date": FieldPostedAt, "body": FieldText,
	"helpful": FieldHelpful, "parent": FieldParent, "stars": FieldRating,
}

// Mapping assigns each field the source columns it is read from. For
// external_id all listed columns are joined with "|" (a composite key);
// for every other field the first non-empty column wins.
type Mapping map[string][]string

// Format is a known export layout.
type Format struct {
	Name      string   // e.g. "amazon-2023"
	Source    string   // default namespace of document keys
	Syntax    string   // "jsonl" or "csv"
	Signature []string // columns that must all be present to recognise it
	Mapping   Mapping
	Kind      string // what its rows are when the user does not say: store.KindReview ("") or store.KindComment
}

// Formats are the layouts recognised from their columns, tried in order.
var Formats = []Format{
	{
		Name: "amazon-2023", Source: "amazon", Syntax: "jsonl",
		Signature: []string{"rating", "text", "asin", "user_id", "timestamp"},
		Mapping: Mapping{
			FieldID: {"user_id", "asin", "timestamp"}, FieldProduct: {"parent_asin", "asin"},
			FieldAuthor: {"user_id"}, FieldRating: {"rating"}, FieldTitle: {"title"}, FieldText: {"text"},
			FieldPostedAt: {"timestamp"}, FieldHelpful: {"helpful_vote"}, FieldVerified: {"verified_purchase"},
		},
	},
	{
		Name: "amazon-2018", Source: "amazon", Syntax: "jsonl",
		Signature: []string{"overall", "reviewText", "asin"},
		Mapping: Mapping{
			FieldID: {"reviewerID", "asin", "unixReviewTime"}, FieldProduct: {"asin"},
			FieldAuthor: {"reviewerID", "reviewerName"}, FieldRating: {"overall"}, FieldTitle: {"summary"},
			FieldText: {"reviewText"}, FieldPostedAt: {"unixReviewTime", "reviewTime"},
			FieldHelpful: {"vote"}, FieldVerified: {"verified"},
		},
	},
	{
		Name: "amazon-finefood", Source: "amazon-finefood", Syntax: "csv",
		Signature: []string{"Id", "ProductId", "UserId", "Score", "Summary", "Text"},
		Mapping: Mapping{
			FieldID: {"Id"}, FieldProduct: {"ProductId"}, FieldAuthor: {"UserId", "ProfileName"},
			FieldRating: {"Score"}, FieldTitle: {"Summary"}, FieldText: {"Text"}, FieldPostedAt: {"Time"},
			FieldHelpful: {"HelpfulnessNumerator"},
		},
	},
	{
		Name: "datafiniti", Source: "datafiniti", Syntax: "csv",
		Signature: []string{"reviews.text", "reviews.rating"},
		Mapping: Mapping{
			FieldID: {"reviews.id"}, FieldProduct: {"asins", "id"}, FieldAuthor: {"reviews.username"},
			FieldRating: {"reviews.rating"}, FieldTitle: {"reviews.title"}, FieldText: {"reviews.text"},
			FieldPostedAt: {"reviews.date"}, // not reviews.dateAdded: when the row was scraped
			FieldHelpful:  {"reviews.numHelpful"},
			FieldVerified: {"reviews.didPurchase"}, FieldURL: {"reviews.sourceURLs"},
		},
	},
	{
		// Dcard (Taiwan's forum) comments as scrapers export them: each
		// comment (發文ID) is threaded to its post (文章ID), which also
		// groups the thread as its "product"; 樓層 is the floor, 按讚數 the likes.
		Name: "dcard-comments", Source: "dcard", Syntax: "csv", Kind: "comment",
		Signature: []string{"發文ID", "文章ID", "樓層", "留言內容"},
		Mapping: Mapping{
			FieldID: {"發文ID"}, FieldParent: {"文章ID"}, FieldProduct: {"文章ID"}, FieldText: {"留言內容"},
			FieldPostedAt: {"發文時間"}, FieldHelpful: {"按讚數"},
		},
	},
	{
		// Dcard posts: title and the excerpt of the text (內文簡介).
		Name: "dcard-posts", Source: "dcard", Syntax: "csv", Kind: "comment",
		Signature: []string{"文章ID", "標題", "內文簡介", "版ID"},
		Mapping: Mapping{
			FieldID: {"文章ID"}, FieldProduct: {"文章ID"}, FieldTitle: {"標題"}, FieldText: {"內文簡介"},
			FieldPostedAt: {"發文時間"}, FieldHelpful: {"按讚數"},
		},
	},
	{
		// Shopee product reviews: 給星 stars, 留言時間 unix seconds. The
		// order number (訂單編號) comes in scientific notation and is no
		// id: a review is its user, product and time.
		Name: "shopee", Source: "shopee", Syntax: "csv",
		Signature: []string{"商品ID", "給星", "留言內容", "留言時間"},
		Mapping: Mapping{
			FieldID: {"使用者ID", "商品ID", "留言時間"}, FieldProduct: {"商品ID"}, FieldAuthor: {"使用者ID"},
			FieldRating: {"給星"}, FieldText: {"留言內容"}, FieldPostedAt: {"留言時間"},
		},
	},
	{
		Name: "amazon-tsv", Source: "amazon", Syntax: "csv",
		Signature: []string{"review_id", "product_id", "star_rating", "review_body"},
		Mapping: Mapping{
			FieldID: {"review_id"}, FieldProduct: {"product_parent", "product_id"}, FieldAuthor: {"customer_id"},
			FieldRating: {"star_rating"}, FieldTitle: {"review_headline"}, FieldText: {"review_body"},
			FieldPostedAt: {"review_date"}, FieldHelpful: {"helpful_votes"}, FieldVerified: {"verified_purchase"},
		},
	},
}

// genericColumns are the column names (compared case-insensitively, with
// spaces, dots, dashes and underscores ignored) a file in no known format
// is mapped by, unless --map says otherwise.
var genericColumns = Mapping{
	FieldID:       {"review_id", "reviewid", "id"},
	FieldProduct:  {"product_id", "productid", "parent_asin", "asin", "product", "sku", "item_id"},
	FieldAuthor:   {"author", "username", "user_name", "reviewer_name", "reviewer", "user", "name", "user_id"},
	FieldRating:   {"rating", "stars", "star_rating", "score", "overall"},
	FieldTitle:    {"title", "summary", "headline", "review_title", "subject"},
	FieldText:     {"text", "body", "review_text", "review_body", "review", "comment", "content", "message"},
	FieldPostedAt: {"posted_at", "date", "review_date", "created_at", "timestamp", "time"},
	FieldHelpful:  {"helpful_votes", "helpful_vote", "helpful", "votes"},
	FieldVerified: {"verified", "verified_purchase"},
	FieldParent:   {"parent_external_id", "parent_id", "in_reply_to"},
	FieldURL:      {"url", "link"},
}

// ParseMapping parses --map: "text=Body,rating=Stars,id=UserId+Date";
// "rating=-" maps a field to no column.
func ParseMapping(s string) (Mapping, error) {
	m := Mapping{}
	if strings.TrimSpace(s) == "" {
		return m, nil
	}
	for _, part := range strings.Split(s, ",") {
		field, cols, ok := strings.Cut(part, "=")
		field = strings.ToLower(strings.TrimSpace(field))
		if a, isAlias := fieldAliases[field]; isAlias {
			field = a
		}
		if !ok || !knownField(field) || strings.TrimSpace(cols) == "" {
			return nil, fmt.Errorf("bad --map entry %q: want FIELD=COLUMN (or FIELD=- for none) with FIELD one of %s", part, strings.Join(Fields, ", "))
		}
		if strings.TrimSpace(cols) == "-" {
			m[field] = []string{} // no column: switch a guessed or format field off
			continue
		}
		for _, c := range strings.Split(cols, "+") {
			m[field] = append(m[field], strings.TrimSpace(c))
		}
	}
	return m, nil
}

func knownField(f string) bool {
	for _, k := range Fields {
		if k == f {
			return true
		}
	}
	return false
}

// FormatByName returns the named format, or false.
func FormatByName(name string) (Format, bool) {
	for _, f := range Formats {
		if f.Name == name {
			return f, true
		}
	}
	return Format{}, false
}

func has(cols map[string]int, names []string) bool {
	for _, n := range names {
		if _, ok := cols[n]; !ok {
			return false
		}
	}
	return true
}

// columnPunct are the separators column names differ by ("Review Text", "review_text").
var columnPunct = strings.NewReplacer(" ", "", ".", "", "-", "", "_", "")

func normalizeColumn(s string) string {
	return columnPunct.Replace(strings.ToLower(strings.TrimSpace(s)))
}

// plan is a resolved mapping: for each field, the positions of its
// columns in a row.
type plan struct {
	format string
	source string
	kind   string // the format's kind of document ("" when it has none)
	// namespace of the long ids (minGlobalID) of a file in no known format
	// that has an id column: its syntax and columns, not its name, so that
	// two files of one export ("reviews-01.csv", "reviews-01 (1).csv")
	// share their ids. Short ids, and every other file, keep the source
	// name's namespace.
	namespace string
	slash     slashOrder // what the file's slash dates show of their order
	columns   []string   // the file's columns
	fields    map[string][]int
}

// resolve picks the format for a file with the given columns (forced by
// formatName when set), applies the user's mapping on top, and checks
// that at least the text can be found.
func resolve(columns []string, syntax, formatName string, user Mapping, path string) (*plan, error) {
	idx := make(map[string]int, len(columns))
	for i, c := range columns {
		if _, dup := idx[c]; !dup {
			idx[c] = i
		}
	}
	p := &plan{columns: columns, fields: map[string][]int{}}
	var base Mapping
	if formatName != "" {
		f, ok := FormatByName(formatName)
		if !ok && formatName != "csv" && formatName != "jsonl" {
			return nil, fmt.Errorf("unknown format %q (known: %s, csv, jsonl)", formatName, formatNames())
		}
		if ok {
			p.format, p.source, p.kind, base = f.Name, f.Source, f.Kind, f.Mapping
		}
	} else {
		for _, f := range Formats {
			if f.Syntax == syntax && has(idx, f.Signature) {
				p.format, p.source, p.kind, base = f.Name, f.Source, f.Kind, f.Mapping
				break
			}
		}
	}
	if base == nil {
		p.format = syntax
		p.source = defaultSourceName(path)
		norm := map[string]int{}
		for i, c := range columns {
			if _, dup := norm[normalizeColumn(c)]; !dup {
				norm[normalizeColumn(c)] = i
			}
		}
		// With --map on a file of no known format, only what it names is
		// mapped: a guess ("score" as the rating) would read a column the
		// user did not mean.
		guess := len(user) == 0
		for _, field := range Fields {
			if !guess && field != FieldText {
				continue
			}
			for _, cand := range genericColumns[field] {
				if i, ok := norm[normalizeColumn(cand)]; ok {
					p.fields[field] = []int{i}
					break
				}
			}
		}
		if len(p.fields[FieldText]) == 0 {
			if i, ok := textLikeColumn(columns, "review", "text"); ok {
				p.fields[FieldText] = []int{i}
			}
		}
	} else {
		for field, cols := range base {
			for _, c := range cols {
				if i, ok := idx[c]; ok {
					p.fields[field] = append(p.fields[field], i)
				}
			}
		}
	}
	for field, cols := range user {
		if len(cols) == 0 {
			delete(p.fields, field)
			continue
		}
		var pos []int
		for _, c := range cols {
			i, ok := idx[c]
			if !ok {
				return nil, fmt.Errorf("--map %s=%s: no column %q; the file's columns are: %s", field, strings.Join(cols, "+"), c, strings.Join(columns, ", "))
			}
			pos = append(pos, i)
		}
		p.fields[field] = pos
	}
	if base == nil && len(p.fields[FieldID]) > 0 {
		names := make([]string, len(columns))
		for i, c := range columns {
			names[i] = normalizeColumn(c)
		}
		slices.Sort(names) // JSON objects list their keys in any order
		h := fnv.New32a()
		for _, n := range names {
			h.Write([]byte(n))
			h.Write([]byte{0})
		}
		for _, i := range p.fields[FieldID] {
			fmt.Fprintf(h, "id:%s\x00", normalizeColumn(columns[i]))
		}
		p.namespace = fmt.Sprintf("%s:%08x", syntax, h.Sum32())
	}
	if len(p.fields[FieldText]) == 0 {
		if !utf8.ValidString(strings.Join(columns, "")) {
			return nil, fmt.Errorf("the header line is not UTF-8 (columns: %s): give the file's encoding with --encoding "+
				"(windows-1252, latin1; gbk or gb18030 for mainland Chinese exports, big5 for older Taiwanese ones)",
				strings.ToValidUTF8(strings.Join(columns, ", "), "\uFFFD"))
		}
		return nil, fmt.Errorf("cannot tell which column holds the review text; the file's columns are: %s\n"+
			"map them with --map, e.g. --map text=%s,rating=...,product=...,id=... (fields: %s)",
			strings.Join(columns, ", "), textHint(columns), strings.Join(Fields, ", "))
	}
	return p, nil
}

// textLikeColumn finds the one column whose name says it holds review
// text though no known name matches ("verified_reviews", "Review Text
// (English)"): its name contains one of words, and no word of another
// field (id, title, date, rating, …).
func textLikeColumn(columns []string, words ...string) (int, bool) {
	found := -1
	for i, c := range columns {
		n := normalizeColumn(c)
		if !containsAny(n, words...) ||
			containsAny(n, "id", "title", "date", "time", "rating", "star", "score", "count", "vote", "helpful", "url", "name", "headline", "summary") {
			continue
		}
		if found >= 0 {
			return 0, false // two candidates: ask the user
		}
		found = i
	}
	return found, found >= 0
}

// textHint names the column to suggest for --map text=: a column whose
// name is like a text column's, or COLUMN.
func textHint(columns []string) string {
	for _, words := range [][]string{{"review", "text"}, {"comment", "feedback", "body", "content", "opinion", "message", "description"}} {
		if i, ok := textLikeColumn(columns, words...); ok {
			return columns[i]
		}
	}
	return "COLUMN"
}

func containsAny(s string, subs ...string) bool {
	for _, sub := range subs {
		if strings.Contains(s, sub) {
			return true
		}
	}
	return false
}

func formatNames() string {
	var n []string
	for _, f := range Formats {
		n = append(n, f.Name)
	}
	sort.Strings(n)
	return strings.Join(n, ", ")
}

// defaultSourceName names a file's document namespace after the file:
// "exports/shop-2024.csv.gz" becomes "shop-2024".
func defaultSourceName(path string) string {
	if path == "-" {
		return "stdin"
	}
	base := filepath.Base(path)
	for {
		ext := filepath.Ext(base)
		if ext == "" || len(ext) > 6 {
			break
		}
		base = strings.TrimSuffix(base, ext)
	}
	return base
}
