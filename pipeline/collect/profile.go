package collect

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"

	"github.com/PuerkitoBio/goquery"
	"github.com/andybalholm/cascadia"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Profile tells the crawler where reviews and comments sit in one site's
// HTML, as CSS selectors. It is read from a JSON file (docs/CRAWLING.md).
//
// A selector is "css" (the text of the first match inside the block),
// "css@attr" (an attribute of the first match) or "@attr" (an attribute
// of the block itself). Review fields are looked up inside each review
// block; Product and Next on the whole page.
type Profile struct {
	Name      string  `json:"name"`       // namespace of document keys, e.g. "myshop"
	Review    string  `json:"review"`     // block of one review
	ID        string  `json:"id"`         // review id; empty: derived from the content
	Text      string  `json:"text"`       // review text (required)
	Title     string  `json:"title"`      //
	Rating    string  `json:"rating"`     // "4", "4.5 out of 5", "80" with rating_max 100, or stars "★★★★☆"
	RatingMax float64 `json:"rating_max"` // top of the site's scale (default 5)
	Author    string  `json:"author"`     //
	Date      string  `json:"date"`       // ISO 8601, "January 2, 2006", epoch seconds …
	Helpful   string  `json:"helpful"`    // helpful votes
	Product   string  `json:"product"`    // product id on the page; empty: the page URL
	Next      string  `json:"next"`       // link to the next page (an a element, or "css@href")

	Comment       string `json:"comment"`        // block of one comment; nested blocks are replies
	CommentID     string `json:"comment_id"`     //
	CommentText   string `json:"comment_text"`   // required when comment is set
	CommentAuthor string `json:"comment_author"` //
	CommentDate   string `json:"comment_date"`   //
}

// LoadProfile reads and checks a profile file.
func LoadProfile(path string) (*Profile, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("profile: %w", err)
	}
	var p Profile
	dec := json.NewDecoder(strings.NewReader(string(data)))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&p); err != nil {
		return nil, fmt.Errorf("profile %s: %w", path, err)
	}
	if err := p.check(); err != nil {
		return nil, fmt.Errorf("profile %s: %w", path, err)
	}
	return &p, nil
}

func (p *Profile) check() error {
	if p.Review == "" && p.Comment == "" {
		return fmt.Errorf(`needs "review" or "comment", the selector of one review or comment block`)
	}
	if p.Review != "" && p.Text == "" {
		return fmt.Errorf(`"review" is set but "text" is not`)
	}
	if p.Comment != "" && p.CommentText == "" {
		return fmt.Errorf(`"comment" is set but "comment_text" is not`)
	}
	for name, sel := range map[string]string{"review": p.Review, "comment": p.Comment, "id": p.ID, "text": p.Text, "title": p.Title,
		"rating": p.Rating, "author": p.Author, "date": p.Date, "helpful": p.Helpful, "product": p.Product, "next": p.Next,
		"comment_id": p.CommentID, "comment_text": p.CommentText, "comment_author": p.CommentAuthor, "comment_date": p.CommentDate} {
		css, _, _ := strings.Cut(sel, "@")
		if css == "" {
			continue
		}
		if err := checkSelector(css); err != nil {
			return fmt.Errorf("%q: selector %q: %v", name, css, err)
		}
	}
	return nil
}

// checkSelector reports a selector that does not compile (goquery would
// silently match nothing).
func checkSelector(css string) error {
	_, err := cascadia.ParseGroup(css)
	return err
}

// pick reads a profile selector inside sel: see Profile.
func pick(sel *goquery.Selection, selector string) string {
	return pickOwn(sel, selector, "")
}

// squeeze folds runs of white space in text taken from HTML.
func squeeze(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// blockText is the text of an element with one line per paragraph, list
// item or <br>, and the white space in each line folded.
func blockText(sel *goquery.Selection) string {
	var b strings.Builder
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.TextNode:
			b.WriteString(n.Data)
			return
		case html.ElementNode:
			switch n.DataAtom {
			case atom.Script, atom.Style, atom.Template:
				return
			case atom.Br:
				b.WriteByte('\n')
				return
			}
		}
		block := n.Type == html.ElementNode && blockElements[n.DataAtom]
		if block {
			b.WriteByte('\n')
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
		if block {
			b.WriteByte('\n')
		}
	}
	for _, n := range sel.Nodes {
		walk(n)
	}
	var lines []string
	for _, l := range strings.Split(b.String(), "\n") {
		if l = squeeze(l); l != "" {
			lines = append(lines, l)
		}
	}
	return strings.Join(lines, "\n")
}

var blockElements = map[atom.Atom]bool{atom.P: true, atom.Div: true, atom.Li: true, atom.Ul: true, atom.Ol: true,
	atom.Blockquote: true, atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true,
	atom.Section: true, atom.Article: true, atom.Tr: true, atom.Table: true, atom.Pre: true, atom.Dd: true, atom.Dt: true}
