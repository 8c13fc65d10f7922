package collect

import (
	"fmt"
	"hash/fnv"
	"html"
	"math"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"jobminer/pipeline/store"
)

// rowError is a problem that keeps a row out of the store.
type rowError struct{ reason string }

func (e rowError) Error() string { return e.reason }

// value returns field's value from the row: all columns joined with "|"
// for the external id, otherwise the first non-empty one.
func (p *plan) value(vals []string, field string) string {
	cols := p.fields[field]
	if field == FieldID && len(cols) > 1 {
		parts := make([]string, 0, len(cols))
		empty := true
		for _, i := range cols {
			v := strings.TrimSpace(vals[i])
			if v != "" {
				empty = false
			}
			parts = append(parts, v)
		}
		if empty {
			return ""
		}
		return strings.Join(parts, "|")
	}
	for _, i := range cols {
		if v := strings.TrimSpace(vals[i]); v != "" {
			return v
		}
	}
	return ""
}

// limits on a row's fields.
type limits struct {
	maxText   int     // bytes of text or title
	maxField  int     // bytes of any other field
	ratingMax float64 // the source's top rating; ratings are scaled to 1..5
}

// document turns one row into a Document. A rowError means the row is
// skipped; warnings name fields that were dropped while the row was kept.
func (p *plan) document(vals []string, line int, kind string, lim limits) (store.Document, []string, error) {
	d := store.Document{Kind: kind, Line: line}
	var warnings []string
	for _, f := range []struct {
		field string
		dst   *string
		max   int
	}{
		{FieldID, &d.ExternalID, lim.maxField}, {FieldProduct, &d.ProductID, lim.maxField},
		{FieldAuthor, &d.Author, lim.maxField}, {FieldTitle, &d.Title, lim.maxText},
		{FieldText, &d.Text, lim.maxText}, {FieldParent, &d.ParentExternalID, lim.maxField},
		{FieldURL, &d.URL, lim.maxField},
	} {
		v := p.value(vals, f.field)
		if !utf8.ValidString(v) || strings.IndexByte(v, 0) >= 0 {
			return d, nil, rowError{fmt.Sprintf("%s is not valid UTF-8 text (if the file is not UTF-8, pass --encoding windows-1252 or latin1)", f.field)}
		}
		if len(v) > f.max {
			return d, nil, rowError{fmt.Sprintf("%s is %d bytes, over the limit of %d", f.field, len(v), f.max)}
		}
		*f.dst = v
	}
	d.Text = cleanText(d.Text)
	d.Title = cleanText(d.Title)
	if d.Text == "" {
		return d, nil, rowError{"empty text"}
	}
	switch {
	case len(p.fields[FieldID]) == 0:
		// No id column: the row's line is its visible id, so that a quote
		// can be traced to it; the key is the content and its occurrence
		// (readRows), so two customers who wrote the same words are two
		// documents and a reordered export keys its reviews as before.
		d.ExternalID = fmt.Sprintf("line %d", line)
	}
	if i := strings.IndexByte(d.ProductID, ','); i > 0 { // lists such as "B01,B02": the first
		d.ProductID = strings.TrimSpace(d.ProductID[:i])
	}
	if v := p.value(vals, FieldRating); v != "" && kind == store.KindReview {
		r, err := parseRating(v, lim.ratingMax)
		if err != nil {
			return d, nil, rowError{err.Error()}
		}
		d.Rating = &r
	}
	if v := p.value(vals, FieldPostedAt); v != "" {
		t, note, err := parseDate(v, &p.slash)
		switch {
		case err != nil:
			warnings = append(warnings, fmt.Sprintf("posted_at %q is not a date this program reads; stored without a date", excerpt(v, 40)))
		default:
			d.PostedAt = &t
			if note != "" {
				warnings = append(warnings, note)
			}
		}
	}
	if v := p.value(vals, FieldHelpful); v != "" {
		n, err := parseCount(v)
		if err != nil {
			warnings = append(warnings, fmt.Sprintf("helpful_votes %q is not a count; stored as 0", excerpt(v, 40)))
		} else {
			d.HelpfulVotes = n
		}
	}
	if v := p.value(vals, FieldVerified); v != "" {
		b, err := parseBool(v)
		if err != nil {
			warnings = append(warnings, fmt.Sprintf("verified %q is not true/false; stored as false", excerpt(v, 40)))
		}
		d.Verified = b
	}
	return d, warnings, nil
}

// textHash is a short hash of a review text, for ids.
func textHash(s string) string {
	h := fnv.New32a()
	h.Write([]byte(s))
	return fmt.Sprintf("%08x", h.Sum32())
}

var brReplacer = strings.NewReplacer("<br />", "\n", "<br/>", "\n", "<br>", "\n", "<BR>", "\n", "<BR />", "\n")

// cleanText turns the HTML line breaks and entities common in review
// exports ("<br />", "&#34;") into plain text and trims the ends.
func cleanText(s string) string {
	if strings.IndexByte(s, '<') >= 0 {
		s = brReplacer.Replace(s)
	}
	if strings.IndexByte(s, '&') >= 0 {
		s = html.UnescapeString(s)
	}
	return strings.TrimSpace(s)
}

// parseRating reads "4", "4.0" or "4 out of 5 stars" and scales it from
// 1..max to 1..5.
func parseRating(s string, max float64) (float64, error) {
	// A decimal comma ("4,5" in European exports) is a decimal point.
	if i := strings.IndexByte(s, ','); i > 0 && i+1 < len(s) && s[i+1] >= '0' && s[i+1] <= '9' && !strings.Contains(s, ".") &&
		strings.Count(s, ",") == 1 {
		s = s[:i] + "." + s[i+1:]
	}
	num := s
	if i := strings.IndexFunc(s, func(r rune) bool { return !(r >= '0' && r <= '9' || r == '.' || r == '-') }); i > 0 {
		num = s[:i]
	}
	r, err := strconv.ParseFloat(num, 64)
	if err != nil || math.IsNaN(r) {
		return 0, fmt.Errorf("rating %q is not a number", excerpt(s, 40))
	}
	if max <= 0 {
		max = 5
	}
	if r < 1 || r > max {
		return 0, fmt.Errorf("rating %s outside 1..%g", num, max)
	}
	if max != 5 {
		r = 1 + (r-1)*4/(max-1)
	}
	return r, nil
}

var timeLayouts = []string{
	time.RFC3339Nano, "2006-01-02T15:04:05Z0700", "2006-01-02T15:04:05", "2006-01-02 15:04:05",
	"2006-01-02", "01 2, 2006", "January 2, 2006", "Jan 2, 2006", "2 January 2006",
	"1/2/2006", "2006/01/02", time.RFC1123Z, time.RFC1123,
	"2-Jan-06", "2-Jan-2006", "2 Jan 2006", // the Amazon Alexa export: 31-Jul-18
}

// slashDate is a date written d/m/yyyy or m/d/yyyy.
var slashDate = regexp.MustCompile(`^(\d{1,2})/(\d{1,2})/(\d{4})$`)

// parseDate is parseTime with the slash dates made explicit: 31/01/2024
// can only be day/month and is read so; 01/03/2024 could be either and is
// read as month/day (the US exports' order), with a note that says so.
// slashOrder is what a file's slash dates have shown of their order.
type slashOrder struct {
	dayFirst, monthFirst bool // a date only one order fits was seen
	noted                bool // the guess was reported
}

func parseDate(s string, order *slashOrder) (int64, string, error) {
	m := slashDate.FindStringSubmatch(s)
	if m == nil {
		t, err := parseTime(s)
		return t, "", err
	}
	a, _ := strconv.Atoi(m[1])
	b, _ := strconv.Atoi(m[2])
	y, _ := strconv.Atoi(m[3])
	month, day := a, b
	note := ""
	switch {
	case a > 12 && b <= 12:
		month, day = b, a
		order.dayFirst = true
	case b > 12 && a <= 12:
		order.monthFirst = true
	case a != b && order.dayFirst && !order.monthFirst:
		month, day = b, a // the file has shown day/month
	case a != b && !order.monthFirst && !order.noted:
		// Reported once per file: a note, not a dropped field.
		order.noted = true
		note = fmt.Sprintf("note: posted_at %q could be day/month or month/day; read as month/day (%04d-%02d-%02d) until a date shows the order", s, y, a, b)
	}
	t := time.Date(y, time.Month(month), day, 0, 0, 0, 0, time.UTC)
	if month < 1 || month > 12 || day < 1 || t.Day() != day {
		return 0, "", fmt.Errorf("unknown date %q", s)
	}
	return t.Unix(), note, nil
}

// parseTime reads a date as unix seconds: epoch seconds or milliseconds
// (told apart by size) or one of timeLayouts.
func parseTime(s string) (int64, error) {
	if n, err := strconv.ParseInt(s, 10, 64); err == nil {
		if n > 1e11 || n < -1e11 {
			n /= 1000
		}
		return n, nil
	}
	if f, err := strconv.ParseFloat(s, 64); err == nil {
		if f > 1e11 {
			f /= 1000
		}
		return int64(f), nil
	}
	for _, l := range timeLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return t.Unix(), nil
		}
	}
	return 0, fmt.Errorf("unknown date %q", s)
}

// parseCount reads "12", "1,234" or "3.0".
func parseCount(s string) (int64, error) {
	s = strings.ReplaceAll(s, ",", "")
	if n, err := strconv.ParseInt(s, 10, 64); err == nil && n >= 0 {
		return n, nil
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || f < 0 || f != math.Trunc(f) {
		return 0, fmt.Errorf("not a count: %q", s)
	}
	return int64(f), nil
}

func parseBool(s string) (bool, error) {
	switch strings.ToLower(s) {
	case "true", "t", "yes", "y", "1", "verified":
		return true, nil
	case "false", "f", "no", "n", "0", "":
		return false, nil
	}
	return false, fmt.Errorf("not a boolean: %q", s)
}

// excerpt shortens s to at most n bytes of valid UTF-8, for messages.
func excerpt(s string, n int) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	if len(s) <= n {
		return s
	}
	cut := n
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "…"
}
