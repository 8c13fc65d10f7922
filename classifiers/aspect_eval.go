package classifiers

import (
	"fmt"
	"io"

	"jobminer/classifiers/aspect"
)

// AspectEvaluation scores aspect-term extraction on SemEval-style gold
// sentences: exact terms, and the polarity of the terms found.
type AspectEvaluation struct {
	Terms aspect.Score `json:"terms"`
	// Polarity of the correctly found terms with a gold polarity of
	// positive, negative or neutral ("conflict" is left out).
	PolarityScored  int     `json:"polarity_scored"`
	PolarityCorrect int     `json:"polarity_correct"`
	PolarityAcc     float64 `json:"polarity_accuracy"`
}

var semevalPolarity = map[string]string{Pain: "negative", Gain: "positive", Neutral: "neutral"}

// EvaluateAspects extracts the aspect terms of each sentence and scores
// them against the gold terms.
func (c *Classifier) EvaluateAspects(sentences []aspect.Sentence) AspectEvaluation {
	var ev AspectEvaluation
	ev.Terms = c.aspects.Evaluate(sentences, func(s aspect.Sentence, found aspect.Term, gold aspect.Gold) {
		if gold.Polarity != "positive" && gold.Polarity != "negative" && gold.Polarity != "neutral" {
			return
		}
		ev.PolarityScored++
		if semevalPolarity[c.AspectPolarity(s.Text, found.Start, found.End, 0)] == gold.Polarity {
			ev.PolarityCorrect++
		}
	})
	if ev.PolarityScored > 0 {
		ev.PolarityAcc = float64(ev.PolarityCorrect) / float64(ev.PolarityScored)
	}
	return ev
}

// WriteText writes the evaluation as a small table.
func (ev AspectEvaluation) WriteText(w io.Writer) {
	t := ev.Terms
	fmt.Fprintf(w, "aspect terms: %d sentences, %d gold terms, %d found, %d exact\n", t.Sentences, t.Gold, t.Predicted, t.Correct)
	fmt.Fprintf(w, "  precision %.3f  recall %.3f  F1 %.3f\n", t.Precision, t.Recall, t.F1)
	fmt.Fprintf(w, "aspect polarity (exact terms found, conflict left out): %d of %d right, accuracy %.3f\n", ev.PolarityCorrect, ev.PolarityScored, ev.PolarityAcc)
}
