package aspect

import "strings"

// Score is precision, recall and F1 of exact aspect terms.
type Score struct {
	Sentences, Gold, Predicted, Correct int
	Precision, Recall, F1               float64
}

// Evaluate scores the model's exact terms against gold sentences: a
// predicted term counts when a gold term of the same sentence has the
// same text (case-insensitive), each gold term matched once. matched,
// when not nil, is called with every correct term and its gold term.
func (m *Model) Evaluate(sentences []Sentence, matched func(Sentence, Term, Gold)) Score {
	var s Score
	for _, sen := range sentences {
		s.Sentences++
		gold := map[string][]Gold{}
		for _, g := range sen.Terms {
			k := strings.ToLower(sen.Text[g.From:g.To])
			gold[k] = append(gold[k], g)
			s.Gold++
		}
		for _, p := range m.Extract(sen.Text) {
			s.Predicted++
			k := strings.ToLower(p.Text)
			if g := gold[k]; len(g) > 0 {
				gold[k] = g[1:]
				s.Correct++
				if matched != nil {
					matched(sen, p, g[0])
				}
			}
		}
	}
	if s.Predicted > 0 {
		s.Precision = float64(s.Correct) / float64(s.Predicted)
	}
	if s.Gold > 0 {
		s.Recall = float64(s.Correct) / float64(s.Gold)
	}
	if s.Precision+s.Recall > 0 {
		s.F1 = 2 * s.Precision * s.Recall / (s.Precision + s.Recall)
	}
	return s
}
