package aspect

// table maps feature hashes to weights: open addressing with linear
// probing, twice as many slots as entries, so a lookup is one or two
// reads of adjacent memory (a Go map costs about three times as much in
// the tagger's inner loop). A key and its weights share an entry, so a
// hit reads one cache line.
type table struct {
	entries []entry
	mask    uint64
	n       int
}

type entry struct {
	key uint64 // 0: empty
	w   [nLabels]float32
}

func newTable(n int) *table {
	size := 16
	for size < 2*n {
		size *= 2
	}
	return &table{entries: make([]entry, size), mask: uint64(size - 1)}
}

// Key 0 marks an empty slot; a feature hashing to 0 is stored as 1.
func slotKey(h uint64) uint64 {
	if h == 0 {
		return 1
	}
	return h
}

func (t *table) put(h uint64, w [nLabels]float32) {
	h = slotKey(h)
	for i := h & t.mask; ; i = (i + 1) & t.mask {
		e := &t.entries[i]
		switch e.key {
		case 0:
			if 2*(t.n+1) > len(t.entries) {
				t.grow()
				t.put(h, w)
				return
			}
			*e = entry{h, w}
			t.n++
			return
		case h:
			e.w = w
			return
		}
	}
}

func (t *table) get(h uint64) ([nLabels]float32, bool) {
	h = slotKey(h)
	for i := h & t.mask; ; i = (i + 1) & t.mask {
		e := &t.entries[i]
		switch e.key {
		case h:
			return e.w, true
		case 0:
			return [nLabels]float32{}, false
		}
	}
}

func (t *table) grow() {
	old := *t
	*t = *newTable(2 * len(old.entries))
	for _, e := range old.entries {
		if e.key != 0 {
			t.put(e.key, e.w)
		}
	}
}
