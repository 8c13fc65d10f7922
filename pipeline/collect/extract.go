package collect

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/PuerkitoBio/goquery"

	"jobminer/pipeline/store"
)

// page is what one fetched HTML page gives: documents and problems.
type page struct {
	url      string
	docs     []store.Document
	problems []store.Problem
	maxText  int
}

// pageKey is a page's URL without its query and fragment: the pages of one
// listing or thread ("?page=2") share it.
func pageKey(u string) string {
	if i := strings.IndexAny(u, "?#"); i >= 0 {
		return u[:i]
	}
	return u
}

func (p *page) problem(reason, excerptText string) {
	p.problems = append(p.problems, store.Problem{URL: p.url, Reason: reason, Action: store.ActionSkipped, Excerpt: excerpt(excerptText, 200)})
}

// raw holds one review or comment's fields as found on the page, before
// they are checked.
type raw struct {
	kind, id, text, title, author, rating, date, helpful, product, parent string
	ratingMax                                                             float64
}

// add checks a found review or comment and keeps it or records why not.
func (p *page) add(r raw) {
	what := r.kind
	if r.id != "" {
		what += " " + r.id
	}
	text := cleanText(r.text)
	if text == "" {
		p.problem(what+": no text", r.title+" "+r.author)
		return
	}
	if !utf8.ValidString(text) {
		p.problem(what+": text is not valid UTF-8", text)
		return
	}
	if len(text) > p.maxText {
		p.problem(fmt.Sprintf("%s: text of %d bytes is over the %d-byte limit", what, len(text), p.maxText), text)
		return
	}
	d := store.Document{ExternalID: r.id, Kind: r.kind, ProductID: r.product, Author: squeeze(r.author), Title: cleanText(r.title),
		Text: text, ParentExternalID: r.parent, URL: p.url}
	if d.ExternalID == "" {
		// No id on the page: the page (without its query: a review that
		// moves from ?page=1 to ?page=2 stays one) and a hash of the writer
		// and text, so that a quote can be traced and a re-crawl finds the
		// same review.
		d.ExternalID = pageKey(p.url) + "#" + textHash(d.Author+"\n"+text)
	}
	if d.ProductID == "" {
		// A comment thread (or a page with no product) is what its
		// comments are about: --product URL selects them, all its pages.
		d.ProductID = pageKey(p.url)
	}
	if r.rating != "" {
		v, err := parseStars(r.rating, r.ratingMax)
		if err != nil {
			p.problems = append(p.problems, store.Problem{URL: p.url, Reason: what + ": " + err.Error() + "; rating dropped",
				Action: store.ActionKept, Excerpt: excerpt(text, 200)})
		} else {
			d.Rating = &v
		}
	}
	if r.date != "" {
		if t, err := parseTime(strings.TrimSpace(r.date)); err == nil {
			d.PostedAt = &t
		} else {
			p.problems = append(p.problems, store.Problem{URL: p.url, Reason: what + ": " + err.Error() + "; date dropped",
				Action: store.ActionKept, Excerpt: excerpt(text, 200)})
		}
	}
	if r.helpful != "" {
		if n, err := parseCount(firstNumber(r.helpful)); err == nil {
			d.HelpfulVotes = n
		}
	}
	p.docs = append(p.docs, d)
}

// parseStars reads a rating as parseRating does, and also star glyphs
// ("★★★★☆" is 4).
func parseStars(s string, max float64) (float64, error) {
	s = strings.TrimSpace(s)
	if n := strings.Count(s, "★"); n > 0 && strings.Trim(s, "★☆ ") == "" {
		return parseRating(strconv.Itoa(n), max)
	}
	return parseRating(firstNumber(s), max)
}

// firstNumber returns the first run of digits (with . or ,) in s, or s.
func firstNumber(s string) string {
	start := strings.IndexAny(s, "0123456789")
	if start < 0 {
		return s
	}
	end := start
	for end < len(s) && (s[end] >= '0' && s[end] <= '9' || s[end] == '.' || s[end] == ',') {
		end++
	}
	return strings.TrimRight(s[start:end], ".,")
}

// extractProfile reads reviews and comments with a site profile.
func (p *page) extractProfile(doc *goquery.Document, prof *Profile) {
	product := pick(doc.Selection, prof.Product)
	if product == "" {
		product = p.url
	}
	if prof.Review != "" {
		doc.Find(prof.Review).Each(func(_ int, s *goquery.Selection) {
			own := func(sel string) string { return pickOwn(s, sel, prof.Comment) }
			p.add(raw{kind: store.KindReview, id: own(prof.ID), text: own(prof.Text), title: own(prof.Title), author: own(prof.Author),
				rating: own(prof.Rating), ratingMax: prof.RatingMax, date: own(prof.Date), helpful: own(prof.Helpful), product: product})
		})
	}
	if prof.Comment != "" {
		doc.Find(prof.Comment).Each(func(_ int, s *goquery.Selection) {
			// A reply sits inside the comment it answers; a top-level
			// comment inside the review it is about.
			parent := ""
			if up := s.ParentsFiltered(prof.Comment).First(); up.Length() > 0 {
				parent = pickOwn(up, prof.CommentID, prof.Comment)
			} else if prof.Review != "" {
				if up := s.ParentsFiltered(prof.Review).First(); up.Length() > 0 {
					parent = pickOwn(up, prof.ID, prof.Comment)
				}
			}
			own := func(sel string) string { return pickOwn(s, sel, prof.Comment) }
			p.add(raw{kind: store.KindComment, id: own(prof.CommentID), text: own(prof.CommentText), author: own(prof.CommentAuthor),
				date: own(prof.CommentDate), product: product, parent: parent})
		})
	}
}

// pickOwn is pick for a block that may hold nested blocks matching the
// selector nested (a review its comments, a comment its replies): matches
// inside a nested block do not count. An empty nested is plain pick.
func pickOwn(s *goquery.Selection, selector, nested string) string {
	if selector == "" {
		return ""
	}
	css, attr, hasAttr := strings.Cut(selector, "@")
	target := s
	if css != "" {
		matches := s.Find(css)
		if nested != "" {
			matches = matches.FilterFunction(func(_ int, m *goquery.Selection) bool {
				return m.ParentsUntilSelection(s).Filter(nested).Length() == 0 && !m.Is(nested)
			})
		}
		target = matches.First()
	}
	if target.Length() == 0 {
		return ""
	}
	if hasAttr {
		v, _ := target.Attr(attr)
		return strings.TrimSpace(v)
	}
	return blockText(target)
}

// extractJSONLD reads schema.org Review (and Comment) objects from the
// page's JSON-LD scripts.
func (p *page) extractJSONLD(doc *goquery.Document) {
	doc.Find(`script[type="application/ld+json"]`).Each(func(i int, s *goquery.Selection) {
		var v any
		if err := json.Unmarshal([]byte(s.Text()), &v); err != nil {
			p.problem(fmt.Sprintf("JSON-LD block %d: %v", i+1, err), s.Text())
			return
		}
		p.walkJSONLD(v, "", "")
	})
}

func (p *page) walkJSONLD(v any, product, parent string) {
	switch v := v.(type) {
	case []any:
		for _, x := range v {
			p.walkJSONLD(x, product, parent)
		}
	case map[string]any:
		types := ldTypes(v["@type"])
		if types["Product"] || types["LocalBusiness"] || types["Book"] || types["SoftwareApplication"] {
			product = firstString(v, "sku", "productID", "gtin13", "gtin", "mpn", "@id", "name")
		}
		id := ""
		switch {
		case types["Review"]:
			id = firstString(v, "@id", "identifier", "url")
			r := raw{kind: store.KindReview, id: id, text: firstString(v, "reviewBody", "description", "text"), title: firstString(v, "name", "headline"),
				author: ldName(v["author"]), date: firstString(v, "datePublished", "dateCreated"), product: product, parent: parent}
			if item, ok := v["itemReviewed"].(map[string]any); ok {
				if pr := firstString(item, "sku", "productID", "gtin13", "@id", "name"); pr != "" {
					r.product = pr
				}
			}
			if rating, ok := v["reviewRating"].(map[string]any); ok {
				r.rating = firstString(rating, "ratingValue")
				if best, err := strconv.ParseFloat(firstString(rating, "bestRating"), 64); err == nil {
					r.ratingMax = best
				}
			}
			p.add(r)
		case types["Comment"] || types["Answer"]:
			id = firstString(v, "@id", "identifier", "url")
			p.add(raw{kind: store.KindComment, id: id, text: firstString(v, "text", "description"), author: ldName(v["author"]),
				date: firstString(v, "dateCreated", "datePublished"), product: product, parent: parent})
		}
		if id != "" {
			parent = id
		}
		for k, x := range v {
			switch k {
			case "review", "reviews", "comment", "@graph", "mainEntity", "hasPart", "suggestedAnswer", "acceptedAnswer":
				p.walkJSONLD(x, product, parent)
			}
		}
	}
}

func ldTypes(v any) map[string]bool {
	out := map[string]bool{}
	switch t := v.(type) {
	case string:
		out[strings.TrimPrefix(strings.TrimPrefix(t, "https://schema.org/"), "http://schema.org/")] = true
	case []any:
		for _, x := range t {
			if s, ok := x.(string); ok {
				out[strings.TrimPrefix(strings.TrimPrefix(s, "https://schema.org/"), "http://schema.org/")] = true
			}
		}
	}
	return out
}

// firstString returns the first of the keys with a string or number value.
func firstString(m map[string]any, keys ...string) string {
	for _, k := range keys {
		switch v := m[k].(type) {
		case string:
			if v != "" {
				return v
			}
		case float64:
			return strconv.FormatFloat(v, 'f', -1, 64)
		}
	}
	return ""
}

// ldName reads an author: a string, a Person or a list of them.
func ldName(v any) string {
	switch v := v.(type) {
	case string:
		return v
	case map[string]any:
		return firstString(v, "name", "alternateName")
	case []any:
		if len(v) > 0 {
			return ldName(v[0])
		}
	}
	return ""
}

// extractMicrodata reads schema.org Review items marked up with itemprop.
func (p *page) extractMicrodata(doc *goquery.Document) {
	doc.Find(`[itemscope][itemtype*="schema.org/Review"]`).Each(func(_ int, s *goquery.Selection) {
		r := raw{kind: store.KindReview, id: attrOr(s, "itemid", attrOr(s, "id", "")), text: itemprop(s, "reviewBody", "description"),
			title: itemprop(s, "name", "headline"), date: itemprop(s, "datePublished")}
		if a := ownProp(s, "author"); a.Length() > 0 {
			if _, scoped := a.Attr("itemscope"); scoped {
				r.author = itemprop(a, "name")
			} else {
				r.author = propValue(a)
			}
		}
		rating := ownProp(s, "reviewRating")
		if rating.Length() == 0 {
			rating = s
		}
		r.rating = itemprop(rating, "ratingValue")
		if best, err := strconv.ParseFloat(itemprop(rating, "bestRating"), 64); err == nil {
			r.ratingMax = best
		}
		if item := ownProp(s, "itemReviewed"); item.Length() > 0 {
			r.product = itemprop(item, "sku", "productID", "gtin13", "name")
		} else if prod := s.ParentsFiltered(`[itemscope][itemtype*="schema.org/Product"]`).First(); prod.Length() > 0 {
			r.product = itemprop(prod, "sku", "productID", "gtin13", "name")
		}
		if r.product == "" {
			r.product = p.url
		}
		p.add(r)
	})
}

// ownProp returns the first element with itemprop=name that belongs to
// the item s (not to an item nested in it).
func ownProp(s *goquery.Selection, name string) *goquery.Selection {
	return s.Find(`[itemprop~="` + name + `"]`).FilterFunction(func(_ int, m *goquery.Selection) bool {
		return m.Parent().Closest("[itemscope]").IsSelection(s)
	}).First()
}

// itemprop returns the value of the first of the names that the item has.
func itemprop(s *goquery.Selection, names ...string) string {
	for _, n := range names {
		if m := ownProp(s, n); m.Length() > 0 {
			if v := propValue(m); v != "" {
				return v
			}
		}
	}
	return ""
}

// propValue is a microdata property's value: content, datetime or the text.
func propValue(m *goquery.Selection) string {
	for _, a := range []string{"content", "datetime"} {
		if v, ok := m.Attr(a); ok {
			return strings.TrimSpace(v)
		}
	}
	return blockText(m)
}

func attrOr(s *goquery.Selection, name, def string) string {
	if v, ok := s.Attr(name); ok && v != "" {
		return v
	}
	return def
}
