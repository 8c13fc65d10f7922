package classifiers

// clauseCues are the words of isContrast and of the conditions, hopes and
// searches that clauseWeights dampens: the index flags them isClauseCue,
// so that the other words are passed over without reading their text.
var clauseCues = []string{"but", "however", "yet", "except", "wish", "if", "unless", "hope", "hoping", "hopefully", "wanted", "for", "of"}

// clauseWeights sets how much each token's evidence counts by where it
// stands: the writer's final verdict follows a contrast ("Looks great,
// but it broke."), so what precedes "but", "however", "yet", "except"
// or a closing "(just) wish" counts half and what follows counts 1.5
// times; a leading "although …," clause is dampened. The tokens must have
// been annotated (index.tokenize).
func clauseWeights(toks []token, weight []float64) {
	for i := range toks {
		if !toks[i].is(isClauseCue) || !isContrast(toks, i) {
			continue
		}
		for k := range i {
			weight[k] *= 0.5
		}
		for k := i + 1; k < len(toks); k++ {
			weight[k] *= 1.5
		}
	}
	// A condition or a hope states no verdict: "If it were cheaper it
	// would be perfect", "I hope they hold up". Its clause counts little.
	// (The words of this switch are clauseCues.)
	for i := range toks {
		if !toks[i].is(isClauseCue) {
			continue
		}
		switch toks[i].text {
		case "if", "unless", "hope", "hoping", "hopefully":
			if i > 0 && (toks[i-1].text == "even" || toks[i-1].text == "as") {
				continue
			}
			dampen(toks, weight, i+1, false)
		case "wanted", "for", "of":
			// What was sought before buying is no verdict on what came:
			// "I wanted a nice hint", "on the hunt for a good trainer".
			// Only the object: "I've always wanted a mixer and this one
			// is amazing" judges after "and".
			if k := seekingObject(toks, i); k > 0 {
				dampen(toks, weight, k, true)
			}
		}
	}
	if first := toks[0].text; first == "although" || first == "though" || first == "while" || first == "even" {
		for i := 1; i < len(toks) && !(toks[i].punct && toks[i].text == ","); i++ {
			weight[i] *= 0.5
		}
	}
}

// dampen lowers the weight of the clause that starts at token from, up to
// punctuation or a contrast; with object, only up to "and", "so" or
// "which", where the object of a verb ends.
func dampen(toks []token, weight []float64, from int, object bool) {
	for k := from; k < len(toks) && !toks[k].punct && !isContrast(toks, k); k++ {
		if t := toks[k].text; object && (t == "and" || t == "so" || t == "which") {
			return
		}
		weight[k] *= 0.3
	}
}

// seekingObject returns where the object of a search or a past want
// starts, for "wanted" followed by "a"/"an"/"some"/"something", for
// "looking / searching / shopping / hunting / hunt / search / market for"
// and for "in search of" a thing, or 0.
func seekingObject(toks []token, i int) int {
	next := func(k int) string {
		if k < len(toks) && !toks[k].punct {
			return toks[k].text
		}
		return ""
	}
	switch toks[i].text {
	case "wanted":
		switch next(i + 1) {
		case "a", "an", "something", "some":
			return i + 1
		}
	case "of":
		if i >= 2 && toks[i-1].text == "search" && toks[i-2].text == "in" {
			return i + 1
		}
	case "for":
		if i == 0 {
			return 0
		}
		switch toks[i-1].text {
		case "looking", "searching", "shopping", "hunt", "search", "market", "hunting":
			return i + 1
		}
	}
	return 0
}

// isContrast reports whether token i turns the sentence to a new verdict.
// Its words are clauseCues too (clauseWeights reads only flagged tokens).
func isContrast(toks []token, i int) bool {
	switch toks[i].text {
	case "but", "however":
		return true
	case "yet", "except":
		return i > 0
	case "wish":
		// "Love it, just wish the lid sealed": a late wish is the verdict.
		// "I wish I had bought it sooner" opens the sentence: no contrast.
		return i > 2
	}
	return false
}

// aboutProduct reports whether a sentence with no verdict word has the
// product (or a part of it) as its subject and no journey stage of the
// story around it: "The earbuds stay put during runs." rather than "I
// bought the fifty foot version." Only then may the rating lean it.
func (c *Classifier) aboutProduct(toks []token, stage string) bool {
	switch stage {
	case "purchase", "awareness", "consideration":
		return false
	}
	for i := range toks {
		if toks[i].punct {
			continue
		}
		switch toks[i].text {
		case "the", "it", "it's", "its", "they", "they're", "this", "these", "their", "both", "each", "every", "one":
			return i+1 < len(toks) && !toks[i+1].is(isPerson)
		}
		return false
	}
	return false
}

// prepositionLike reports whether "like" at i compares ("looks like
// plastic", "works like the old one", "would like a refund") rather than
// says the writer likes something ("I really like it", "Like this
// product very much").
func prepositionLike(toks []token, i int) bool {
	if toks[i].text != "like" {
		return false
	}
	if i == 0 || toks[i-1].punct {
		return false // "Like this product very much."
	}
	switch toks[i-1].text {
	case "i", "we", "they", "you", "really", "truly", "do", "does", "did", "don't", "didn't", "doesn't", "dont", "didnt", "just", "also", "still", "definitely", "kids", "both", "all", "who", "will", "i'd", "we'd",
		"not", "never", "always", "actually": // "did not like it": a feeling denied is still one
		return false
	}
	return true
}

// marvel reports a negation that wonders, not denies: "can't believe how
// wonderful", "I can't believe it broke" say what follows the more ("don't
// believe it works" doubts it, and stays a negation; "I can't believe
// anyone likes this" disbelieves others, and stays one too).
func marvel(toks []token, k int) bool {
	switch w := toks[k].text; {
	case w == "can't" || w == "cannot" || w == "couldn't":
	case w == "not" && k > 0 && (toks[k-1].text == "can" || toks[k-1].text == "could"): // "can not"
	default:
		return false
	}
	if k+2 >= len(toks) || toks[k+1].text != "believe" {
		return false
	}
	switch toks[k+2].text {
	case "how", "what", "it", "this", "that", "these", "they", "the", "my":
		return true
	}
	return false
}
