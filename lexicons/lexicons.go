// Package lexicons holds the word lists and cue tables the classifiers
// run on, as readable data files, one folder per language (en first).
//
// Each file is UTF-8 text, one entry a line, fields separated by tabs;
// lines starting with "#" and blank lines are ignored. The files are
// embedded in the binary; a user directory given to Load (--lexicons DIR)
// extends them: DIR/en/valence.tsv is read after the embedded
// en/valence.tsv, so its entries add to or override the built-in ones
// (a later entry for the same term wins). See README.md beside this file
// for the format of every table.
package lexicons

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

//go:generate go run ./internal/genvader
// The aspect tables need ../shared/data: go run ./internal/genwordclass ../../shared/data && go run ./internal/trainaspect ../../shared/data

//go:embed en zh
var builtin embed.FS

// Row is one entry of a table: its tab-separated fields and where it came from.
type Row struct {
	Fields []string
	File   string
	Line   int
}

// Set is the tables of one language, built-in and user-supplied.
type Set struct {
	Lang    string
	tables  map[string][]Row
	Version string // hash of every table's content: results record it
}

// Load reads the built-in tables of lang and, when dir is not empty, the
// user's tables under dir/lang on top of them.
func Load(lang, dir string) (*Set, error) {
	s := &Set{Lang: lang, tables: map[string][]Row{}}
	h := sha256.New()
	names, err := fs.Glob(builtin, lang+"/*")
	if err != nil || len(names) == 0 {
		return nil, fmt.Errorf("no built-in lexicons for language %q", lang)
	}
	sort.Strings(names)
	for _, name := range names {
		data, err := builtin.ReadFile(name)
		if err != nil {
			return nil, err
		}
		s.add(filepath.Base(name), "builtin:"+name, data, h)
	}
	if dir != "" {
		userDir := filepath.Join(dir, lang)
		entries, err := os.ReadDir(userDir)
		if err != nil {
			return nil, fmt.Errorf("lexicons %s: %w", userDir, err)
		}
		for _, e := range entries {
			if e.IsDir() {
				continue
			}
			path := filepath.Join(userDir, e.Name())
			if _, known := s.tables[e.Name()]; !known {
				return nil, fmt.Errorf("lexicons %s: unknown table %q (known: %s)", path, e.Name(), strings.Join(s.Names(), ", "))
			}
			data, err := os.ReadFile(path)
			if err != nil {
				return nil, fmt.Errorf("lexicons: %w", err)
			}
			s.add(e.Name(), path, data, h)
		}
	}
	s.Version = lang + "-" + hex.EncodeToString(h.Sum(nil))[:12]
	return s, nil
}

func (s *Set) add(table, file string, data []byte, h interface{ Write([]byte) (int, error) }) {
	h.Write([]byte(table))
	h.Write([]byte{0})
	h.Write(data)
	h.Write([]byte{0})
	sc := bufio.NewScanner(bytes.NewReader(data))
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		fields := strings.Split(line, "\t")
		for i := range fields {
			fields[i] = strings.TrimSpace(fields[i])
		}
		s.tables[table] = append(s.tables[table], Row{Fields: fields, File: file, Line: n})
	}
	if _, ok := s.tables[table]; !ok {
		s.tables[table] = nil
	}
}

// Names lists the tables.
func (s *Set) Names() []string {
	var n []string
	for k := range s.tables {
		n = append(n, k)
	}
	sort.Strings(n)
	return n
}

// Table returns the rows of a table, built-in rows first. Rows with fewer
// than minFields fields are an error naming the file and line.
func (s *Set) Table(name string, minFields int) ([]Row, error) {
	rows, ok := s.tables[name]
	if !ok {
		return nil, errors.New("lexicons: no table " + name)
	}
	for _, r := range rows {
		if len(r.Fields) < minFields {
			return nil, fmt.Errorf("lexicons %s line %d: want %d tab-separated fields, got %d", r.File, r.Line, minFields, len(r.Fields))
		}
	}
	return rows, nil
}
