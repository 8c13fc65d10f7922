package classifiers

import (
	"strings"

	"jobminer/lexicons"
)

// loadRequests reads requests.txt: the cues of a request or unmet need.
func (c *Classifier) loadRequests(set *lexicons.Set) error {
	rows, err := set.Table("requests.txt", 1)
	if err != nil {
		return err
	}
	c.requests = nil
	for _, r := range rows {
		if cue := strings.ToLower(strings.TrimSpace(r.Fields[0])); cue != "" {
			c.requests = append(c.requests, cue)
		}
	}
	return nil
}

// RequestCues are the cues of a request or unmet need ("i wish", "would
// be perfect if"), lower case, matched anywhere in a sentence.
func (c *Classifier) RequestCues() []string { return c.requests }

// Request returns the request cue a sentence holds, or "".
func (c *Classifier) Request(sentence string) string {
	s := strings.ToLower(sentence)
	for _, cue := range c.requests {
		if strings.Contains(s, cue) {
			return cue
		}
	}
	return ""
}
