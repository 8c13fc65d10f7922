package aspect

// table maps feature hashes to weights: open addressing with linear
// probing, twice as many slots as entries, so a lookup is one or two
// reads of adjacent memory (a Go map costs about three times as much in
// the tagger's inner loop).
type table struct {
	keys []uint64
	vals [][nLabels]float32
	mask uint64
	n    int
}

func newTable(n int) *table {
	size := 16
	for size < 2*n {
		size *= 2
	}
	return &table{keys: make([]uint64, size), vals: make([][nLabels]float32, size), mask: uint64(size - 1)}
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
		switch t.keys[i] {
		case 0:
			if 2*(t.n+1) > len(t.keys) {
				t.grow()
				t.put(h, w)
				return
			}
			t.keys[i], t.vals[i] = h, w
			t.n++
			return
		case h:
			t.vals[i] = w
			return
		}
	}
}

func (t *table) get(h uint64) ([nLabels]float32, bool) {
	h = slotKey(h)
	for i := h & t.mask; ; i = (i + 1) & t.mask {
		switch t.keys[i] {
		case h:
			return t.vals[i], true
		case 0:
			return [nLabels]float32{}, false
		}
	}
}

func (t *table) grow() {
	old := *t
	*t = *newTable(2 * len(old.keys))
	for i, k := range old.keys {
		if k != 0 {
			t.put(k, old.vals[i])
		}
	}
}
