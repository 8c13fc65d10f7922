// Row sources: the CSV and JSON Lines readers an import streams rows from,
// chosen by openRows from the content.

package collect

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// openRows detects the syntax and format from the content and returns
// a row source positioned at the first data row.
func openRows(in *input, lines *lineReader, path string, opts Options) (rowSource, *plan, error) {
	head, _ := in.r.Peek(64 << 10)
	trimmed := bytes.TrimLeft(head, " \t\r\n")
	if len(trimmed) == 0 {
		return nil, nil, fmt.Errorf("file is empty")
	}
	syntax := "csv"
	if f, ok := FormatByName(opts.Format); ok {
		syntax = f.Syntax
	} else if opts.Format == "jsonl" || (opts.Format == "" && trimmed[0] == '{') {
		syntax = "jsonl"
	} else if opts.Format == "" && trimmed[0] == '[' {
		return nil, nil, fmt.Errorf("a JSON array is not supported; convert it to JSON Lines, e.g. jq -c '.[]' FILE > FILE.jsonl")
	}
	if syntax == "jsonl" {
		return openJSONRows(lines, path, opts)
	}
	return openCSVRows(head, lines, path, opts)
}

// csvRows reads CSV/TSV data rows.
type csvRows struct {
	r     *csvReader
	ncols int
	// With --no-header, the first line is data, read before the rest.
	first     []string
	firstLine int
}

func openCSVRows(head []byte, lines *lineReader, path string, opts Options) (rowSource, *plan, error) {
	first := head
	if i := bytes.IndexByte(head, '\n'); i >= 0 {
		first = head[:i]
	}
	r := newCSVReader(lines, sniffDelimiter(first), opts.MaxLine)
	header, line, err := r.Read()
	if err != nil {
		return nil, nil, fmt.Errorf("line %d: cannot read the header: %w", line, err)
	}
	cols := make([]string, len(header))
	var firstRow []string
	for i, h := range header {
		if opts.NoHeader {
			cols[i] = strconv.Itoa(i + 1) // columns by position: --map text=3
		} else {
			cols[i] = strings.TrimSpace(h)
		}
	}
	if opts.NoHeader {
		firstRow = append([]string(nil), header...)
	}
	p, err := resolve(cols, "csv", opts.Format, opts.Mapping, path)
	if err != nil {
		return nil, nil, err
	}
	if p.format == "csv" && r.comma == '\t' {
		p.format = "tsv"
	}
	return &csvRows{r: r, ncols: len(cols), first: firstRow, firstLine: line}, p, nil
}

func (c *csvRows) next() ([]string, int, string, error) {
	if c.first != nil {
		vals := c.first
		c.first = nil
		return vals, c.firstLine, "", nil
	}
	vals, line, err := c.r.Read()
	if err != nil {
		return nil, line, string(c.r.raw), err
	}
	if len(vals) != c.ncols {
		return nil, line, strings.Join(vals, string(c.r.comma)), rowError{fmt.Sprintf("row has %d fields, the header has %d", len(vals), c.ncols)}
	}
	return vals, line, "", nil
}

// jsonRows reads JSON Lines data rows.
type jsonRows struct {
	lines   *lineReader
	columns []string
	needed  []int // positions of the columns the plan reads
	obj     map[string]json.RawMessage
	vals    []string
	first   []byte // the first object line, read during detection
	firstN  int
	early   []earlyProblem // bad lines met before the first object
}

type earlyProblem struct {
	line int
	raw  string
	err  error
}

// maxLeadingObjects is how many objects without review fields may open a
// JSON Lines file (metadata) before the file is refused.
const maxLeadingObjects = 3

func openJSONRows(lines *lineReader, path string, opts Options) (rowSource, *plan, error) {
	j := &jsonRows{lines: lines, obj: map[string]json.RawMessage{}}
	var p *plan
	var firstErr error
	skippedObjects := 0
	for {
		line, num, err := lines.next()
		if err == io.EOF {
			if firstErr != nil {
				return nil, nil, firstErr
			}
			return nil, nil, fmt.Errorf("no JSON object found")
		}
		var tl lineTooLongError
		if errors.As(err, &tl) {
			j.early = append(j.early, earlyProblem{num, "", err})
			continue
		}
		if err != nil {
			return nil, nil, err
		}
		if len(bytes.TrimSpace(line)) == 0 {
			continue
		}
		keys, kerr := objectKeys(line)
		if kerr != nil {
			j.early = append(j.early, earlyProblem{num, string(line), rowError{"malformed JSON: " + kerr.Error()}})
			if len(j.early) > 100 {
				return nil, nil, fmt.Errorf("the first 100 lines hold no JSON object (line %d: %v)", num, kerr)
			}
			continue
		}
		// An export may open with a metadata object ({"export": …,
		// "count": …}): an object whose keys name no review text is
		// skipped, as a problem, when a later one of the first few does.
		q, rerr := resolve(keys, "jsonl", opts.Format, opts.Mapping, path)
		if rerr != nil {
			if firstErr == nil {
				firstErr = rerr
			}
			if skippedObjects++; skippedObjects <= maxLeadingObjects {
				j.early = append(j.early, earlyProblem{num, string(line), rowError{"an object with no review text (keys: " + strings.Join(keys, ", ") + "), such as export metadata; skipped"}})
				continue
			}
			return nil, nil, firstErr
		}
		j.columns = keys
		j.first = append([]byte(nil), line...)
		j.firstN = num
		p = q
		break
	}
	seen := map[int]bool{}
	for _, cols := range p.fields {
		for _, i := range cols {
			if !seen[i] {
				seen[i] = true
				j.needed = append(j.needed, i)
			}
		}
	}
	j.vals = make([]string, len(j.columns))
	return j, p, nil
}

func (j *jsonRows) next() ([]string, int, string, error) {
	if len(j.early) > 0 {
		e := j.early[0]
		j.early = j.early[1:]
		return nil, e.line, e.raw, e.err
	}
	var line []byte
	var num int
	if j.first != nil {
		line, num = j.first, j.firstN
		j.first = nil
	} else {
		for {
			var err error
			line, num, err = j.lines.next()
			if err != nil {
				return nil, num, "", err
			}
			if len(bytes.TrimSpace(line)) > 0 {
				break
			}
		}
	}
	clear(j.obj)
	if t := bytes.TrimSpace(line); t[0] != '{' {
		return nil, num, string(line), rowError{"not a JSON object"}
	}
	if err := json.Unmarshal(line, &j.obj); err != nil {
		return nil, num, string(line), rowError{"malformed JSON: " + err.Error()}
	}
	for _, i := range j.needed {
		j.vals[i] = ""
		raw, ok := j.obj[j.columns[i]]
		if !ok {
			continue
		}
		v, err := jsonScalar(raw)
		if err != nil {
			return nil, num, string(line), rowError{fmt.Sprintf("field %q: %v", j.columns[i], err)}
		}
		j.vals[i] = v
	}
	return j.vals, num, string(line), nil
}

// jsonScalar renders a JSON value as text: strings unquoted, null empty,
// numbers and booleans as written.
func jsonScalar(raw json.RawMessage) (string, error) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 {
		return "", nil
	}
	switch raw[0] {
	case '"':
		if bytes.IndexByte(raw, '\\') < 0 {
			return string(raw[1 : len(raw)-1]), nil
		}
		var s string
		err := json.Unmarshal(raw, &s)
		return s, err
	case 'n':
		return "", nil
	case '{', '[':
		return "", fmt.Errorf("is an object or array, not a value")
	}
	return string(raw), nil
}

// objectKeys returns the keys of a JSON object line, in order.
func objectKeys(line []byte) ([]string, error) {
	dec := json.NewDecoder(bytes.NewReader(line))
	t, err := dec.Token()
	if err != nil {
		return nil, err
	}
	if d, ok := t.(json.Delim); !ok || d != '{' {
		return nil, fmt.Errorf("not a JSON object")
	}
	var keys []string
	for dec.More() {
		t, err := dec.Token()
		if err != nil {
			return nil, err
		}
		keys = append(keys, t.(string))
		var skip json.RawMessage
		if err := dec.Decode(&skip); err != nil {
			return nil, err
		}
	}
	if _, err := dec.Token(); err != nil {
		return nil, err
	}
	return keys, nil
}
