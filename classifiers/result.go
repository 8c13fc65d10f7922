package classifiers

// What Classify returns: the labels, the result and its outcome scores.

// Polarity labels.
const (
	Pain    = "pain"
	Gain    = "gain"
	Neutral = "neutral"
)

// Outcome dimensions.
const (
	Functional = "functional"
	Emotional  = "emotional"
	Social     = "social"
)

// Dimensions lists the outcome dimensions in report order.
var Dimensions = []string{Functional, Emotional, Social}

// Journey stages, in the order that decides between several matches.
var stagePriority = [...]string{"awareness", "advocacy", "consideration", "purchase", "use"}

// Stages are the journey stages Classify tags a sentence with, in the
// order that decides between several matches.
var Stages = stagePriority[:]

// Result is what the classifier finds in one sentence.
type Result struct {
	PolarityScore float64  // VADER-style compound score in [-1, 1]
	Polarity      string   // Pain, Gain or Neutral
	Outcomes      []string // subset of Dimensions, in that order
	OutcomeScores Scores   // summed evidence weight per dimension
	Evidence      []string // "dimension:term" for every outcome term found, then "pain:cue"/"gain:cue"
	Job           string
	Situation     string
	JourneyStage  string
	Alternative   string
	Segment       string // the words naming the kind of customer ("my elderly dad")
	Force         string // switching force: push, pull, anxiety, habit or ""
	Touchpoint    string // one of Touchpoints, or "" for none
}

// Scores holds the summed evidence weight of each outcome dimension; a
// dimension is an outcome of the sentence from 1 on.
type Scores struct {
	Functional float64 `json:"functional"`
	Emotional  float64 `json:"emotional"`
	Social     float64 `json:"social"`
}

// Of returns the score of a dimension (0 for an unknown name).
func (s *Scores) Of(dim string) float64 {
	if p := s.at(dim); p != nil {
		return *p
	}
	return 0
}

func (s *Scores) at(dim string) *float64 {
	switch dim {
	case Functional:
		return &s.Functional
	case Emotional:
		return &s.Emotional
	case Social:
		return &s.Social
	}
	return nil
}

func (s *Scores) add(dim string, v float64) {
	if p := s.at(dim); p != nil {
		*p += v
	}
}
