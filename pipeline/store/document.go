package store

import (
	"crypto/sha256"
	"encoding/binary"
	"fmt"
)

// Kinds of document.
const (
	KindReview  = "review"
	KindComment = "comment"
)

// Document is one review or comment, as stored in the documents table.
type Document struct {
	ExternalID string   // id in the source; empty means "derive from content"
	Kind       string   // KindReview or KindComment
	ProductID  string   // e.g. an ASIN
	Author     string   // display name, or user id where no name is given
	Rating     *float64 // 1..5 stars; nil for comments and unrated reviews
	Title      string
	Text       string
	// Occurrence, for a row of a file without ids, is how many times the
	// same content has come so far in the file (1 for the first): the key
	// is then the content and this count, so that the visible "line N" id
	// may change when the export is reordered while the key does not.
	Occurrence int
	// Namespace, when set, replaces the source's namespace in the key.
	Namespace        string
	PostedAt         *int64 // unix seconds, UTC
	HelpfulVotes     int64
	Verified         bool
	ParentExternalID string // for replies: the external id of what they answer
	URL              string
	Line             int    // line in the source file where the row started
	Lang             string // language (classifiers/lang): en, zh-Hant, zh-Hans, other; "" unknown
}

// ContentFields are what a document says, the fields its content key is
// made of.
func (d *Document) ContentFields() [6]string {
	return [6]string{d.Kind, d.ProductID, d.Author, d.Title, d.Text, d.ParentExternalID}
}

// Key returns the document's stable identity within the source namespace
// name: a hash of the external id, or of the content when there is none.
// Importing the same document twice gives the same key, which makes
// imports idempotent.
func (d *Document) Key(name string) int64 {
	if d.Namespace != "" {
		name = d.Namespace
	}
	h := sha256.New()
	h.Write([]byte(name))
	h.Write([]byte{0})
	if d.ExternalID != "" && d.Occurrence == 0 {
		h.Write([]byte("id\x00"))
		h.Write([]byte(d.ExternalID))
	} else {
		h.Write([]byte("content\x00"))
		for _, s := range d.ContentFields() {
			h.Write([]byte(s))
			h.Write([]byte{0})
		}
		if d.Occurrence > 1 {
			// The second customer who wrote exactly the same words is a
			// second document: "Love it!" twice is two reviews.
			fmt.Fprintf(h, "occurrence %d", d.Occurrence)
		}
	}
	var sum [sha256.Size]byte
	return int64(binary.BigEndian.Uint64(h.Sum(sum[:0])[:8]) >> 1)
}

// Problem is something wrong with one row or page of a source.
type Problem struct {
	URL     string // the page, for crawled sources
	Line    int    // 0 when it concerns the whole source or page
	Reason  string
	Action  string // ActionSkipped or ActionKept
	Excerpt string
	// Unlisted is how many more rows had this problem without a row of
	// their own (a summary row); they count under Action.
	Unlisted int
}

// What happened to a row with a problem.
const (
	ActionSkipped = "skipped" // the row was not stored
	// ActionNoted marks a problem about the whole source, or a note, that
	// concerns no row: reading stopped, a date order was guessed.
	ActionNoted = "noted"
	ActionKept  = "kept" // the row was stored without the faulty field
)
