package classifiers

// wordTable maps a word to its slot in an index: open addressing with
// linear probing, at most half full, keyed by a hash the tokenizer
// computes while it reads the word (see lookupWord), so that a token is
// found without a second pass over its bytes.
type wordTable struct {
	entries []wordEntry
	n       int
}

type wordEntry struct {
	hash uint64
	slot *slot // nil: empty
}

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// hashWord is FNV-1a of a word's bytes.
func hashWord(w string) uint64 {
	h := uint64(fnvOffset)
	for i := 0; i < len(w); i++ {
		h = (h ^ uint64(w[i])) * fnvPrime
	}
	return h
}

// get returns the slot of word w with hash h, or nil.
func (t *wordTable) get(h uint64, w string) *slot {
	if t.n == 0 {
		return nil
	}
	mask := uint64(len(t.entries) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		e := &t.entries[i]
		if e.slot == nil {
			return nil
		}
		if e.hash == h && e.slot.word == w {
			return e.slot
		}
	}
}

// getBytes is get for a word held in a byte slice. It repeats get's loop
// rather than share a generic one: the tokenizer calls both per word, and
// the string comparison of a []byte must stay the compiler's no-copy form.
func (t *wordTable) getBytes(h uint64, w []byte) *slot {
	if t.n == 0 {
		return nil
	}
	mask := uint64(len(t.entries) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		e := &t.entries[i]
		if e.slot == nil {
			return nil
		}
		if e.hash == h && e.slot.word == string(w) {
			return e.slot
		}
	}
}

// put adds a slot for a word the table does not hold.
func (t *wordTable) put(s *slot) {
	if 2*(t.n+1) > len(t.entries) {
		old := t.entries
		t.entries = make([]wordEntry, max(1024, 2*len(old)))
		t.n = 0
		for _, e := range old {
			if e.slot != nil {
				t.put(e.slot)
			}
		}
	}
	h := hashWord(s.word)
	mask := uint64(len(t.entries) - 1)
	i := h & mask
	for t.entries[i].slot != nil {
		i = (i + 1) & mask
	}
	t.entries[i] = wordEntry{h, s}
	t.n++
}
