package collect

import (
	"bytes"
	"errors"
	"fmt"
	"io"
)

// csvReader reads RFC 4180 records (quoted fields may span lines, "" is a
// quote) from a lineReader. Unlike encoding/csv it recovers from damage: a
// record whose quote never closes, or that grows past maxRecord bytes, is
// reported at the line it started on, and reading resumes at the next
// line, so one stray quote cannot swallow the rest of a file. A bare quote
// inside an unquoted field is kept as a literal character.
type csvReader struct {
	lines     *lineReader
	comma     byte
	maxRecord int

	pending []pendingLine // lines given back after a damaged record
	raw     []byte        // the record's lines, each ending in '\n'
	ends    []int         // offset in raw after each line
	nums    []int         // line number of each line in raw
	field   []byte
	fields  []string
}

type pendingLine struct {
	text []byte
	num  int
}

// csvRecordError is a damaged record; reading can go on.
type csvRecordError struct{ msg string }

func (e csvRecordError) Error() string { return e.msg }

func newCSVReader(lines *lineReader, comma byte, maxRecord int) *csvReader {
	return &csvReader{lines: lines, comma: comma, maxRecord: maxRecord}
}

func (r *csvReader) nextLine() ([]byte, int, error) {
	if len(r.pending) > 0 {
		p := r.pending[0]
		r.pending = r.pending[1:]
		return p.text, p.num, nil
	}
	return r.lines.next()
}

// appendLine adds the next physical line to the record; false at the end
// of input or when the record would grow too large.
func (r *csvReader) appendLine() (bool, error) {
	line, num, err := r.nextLine()
	if err != nil {
		var tl lineTooLongError
		if errors.As(err, &tl) {
			return false, nil
		}
		if errors.Is(err, io.EOF) {
			return false, nil
		}
		return false, err
	}
	if len(r.raw)+len(line)+1 > r.maxRecord {
		// Give the line back: it may start a good record.
		r.pending = append(r.pending, pendingLine{append([]byte(nil), line...), num})
		return false, nil
	}
	r.raw = append(append(r.raw, line...), '\n')
	r.ends = append(r.ends, len(r.raw))
	r.nums = append(r.nums, num)
	return true, nil
}

// resync gives back every line of the damaged record but its first.
func (r *csvReader) resync() {
	var back []pendingLine
	for i := 1; i < len(r.ends); i++ {
		back = append(back, pendingLine{append([]byte(nil), r.raw[r.ends[i-1]:r.ends[i]-1]...), r.nums[i]})
	}
	r.pending = append(back, r.pending...)
}

// Read returns the next record's fields and the line it starts on. Blank
// lines are skipped. Errors of type csvRecordError or lineTooLongError
// concern one record; any other error ends reading. The returned slice is
// reused by the next call.
func (r *csvReader) Read() ([]string, int, error) {
	var line []byte
	var num int
	for {
		var err error
		line, num, err = r.nextLine()
		if err != nil {
			return nil, num, err
		}
		if len(bytes.TrimSpace(line)) > 0 {
			break
		}
	}
	if r.comma == '\t' {
		if fields, ok := r.tsvFields(line); ok {
			return fields, num, nil
		}
		// A quoted field runs on to the next line: CSV quote rules below.
	}
	r.raw = append(append(r.raw[:0], line...), '\n')
	r.ends = append(r.ends[:0], len(r.raw))
	r.nums = append(r.nums[:0], num)
	r.fields = r.fields[:0]
	pos := 0
	for {
		if r.raw[pos] == '"' {
			pos++
			r.field = r.field[:0]
			for {
				i := bytes.IndexByte(r.raw[pos:], '"')
				if i < 0 {
					r.field = append(r.field, r.raw[pos:]...)
					pos = len(r.raw)
					ok, err := r.appendLine()
					if err != nil {
						return nil, num, err
					}
					if !ok {
						r.resync()
						return nil, num, csvRecordError{fmt.Sprintf("quoted field opened here is never closed (or the record exceeds %d bytes)", r.maxRecord)}
					}
					continue
				}
				r.field = append(r.field, r.raw[pos:pos+i]...)
				pos += i + 1
				if pos < len(r.raw) && r.raw[pos] == '"' {
					r.field = append(r.field, '"')
					pos++
					continue
				}
				break
			}
			r.fields = append(r.fields, string(r.field))
			switch {
			case r.raw[pos] == r.comma:
				pos++
			case pos == len(r.raw)-1: // the final '\n'
				return r.fields, num, nil
			default:
				r.resync()
				if len(r.nums) > 1 {
					return nil, num, csvRecordError{fmt.Sprintf("quoted field %d is not closed on its line (it runs on to line %d)", len(r.fields), r.nums[len(r.nums)-1])}
				}
				return nil, num, csvRecordError{fmt.Sprintf("unexpected %q after a closing quote in field %d", r.raw[pos], len(r.fields))}
			}
			continue
		}
		// Unquoted field: up to the next delimiter or the record's end.
		rest := r.raw[pos : len(r.raw)-1]
		i := bytes.IndexByte(rest, r.comma)
		if i < 0 {
			r.fields = append(r.fields, string(rest))
			return r.fields, num, nil
		}
		r.fields = append(r.fields, string(rest[:i]))
		pos += i + 1
	}
}

// tsvFields splits a TSV line on tabs. TSV has no quoting rules: a record
// is one line, and a quote inside a field is text (a review may begin
// with one). Only a field wrapped in quotes at both ends, as spreadsheet
// and pandas exports write them, is unwrapped, with "" read as ". It
// returns false for a line with a field that opens a quote it never
// closes on this line (a line break inside the field, as Python's csv
// module and spreadsheets write it): that record follows CSV quote rules.
// A quote that closes inside the field ("\"Gift\" cards …") is text.
func (r *csvReader) tsvFields(line []byte) ([]string, bool) {
	r.fields = r.fields[:0]
	for _, f := range bytes.Split(bytes.TrimRight(line, "\r"), []byte{'\t'}) {
		if len(f) > 0 && f[0] == '"' && bytes.IndexByte(f[1:], '"') < 0 {
			return nil, false
		}
		if len(f) >= 2 && f[0] == '"' && f[len(f)-1] == '"' {
			f = bytes.ReplaceAll(f[1:len(f)-1], []byte(`""`), []byte(`"`))
		}
		r.fields = append(r.fields, string(f))
	}
	return r.fields, true
}

// sniffDelimiter guesses the delimiter of a header line: the most frequent
// of tab, comma, semicolon and pipe outside quotes.
func sniffDelimiter(header []byte) byte {
	counts := map[byte]int{}
	inQuote := false
	for _, c := range header {
		switch {
		case c == '"':
			inQuote = !inQuote
		case !inQuote && (c == '\t' || c == ',' || c == ';' || c == '|'):
			counts[c]++
		}
	}
	best, n := byte(','), 0
	for _, c := range []byte{',', '\t', ';', '|'} {
		if counts[c] > n {
			best, n = c, counts[c]
		}
	}
	return best
}
