package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"

	"jobminer/pipeline/report"
	"jobminer/pipeline/store"
)

func init() {
	register(command{name: "stats", summary: "documents per source, kind, rating and product, and import problems", run: runStats})
}

func runStats(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("stats", "stats [flags]", stderr)
	db := dbFlag(fs)
	top := fs.Int("top", 10, "how many products to list")
	problems := fs.Int("problems", 10, "how many import problems to list")
	format := fs.String("format", "text", "output `format`: text or json")
	if err := parseNoArgs(fs, args); err != nil {
		return err
	}
	st, err := openExistingStore(*db)
	if err != nil {
		return err
	}
	defer st.Close()
	s, err := report.LoadStats(ctx, st.DB(), *top, *problems)
	if err != nil {
		return err
	}
	switch *format {
	case "json":
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(s)
	case "text":
		s.WriteText(stdout)
		return nil
	}
	return fmt.Errorf("unknown --format %q (text or json)", *format)
}

// openExistingStore opens a database that must already exist: commands
// that read what was imported refuse to create an empty one.
func openExistingStore(path string) (*store.Store, error) {
	if _, err := os.Stat(path); err != nil {
		return nil, fmt.Errorf("database %s: %w (import something first: jobminer import --db %s FILE)", path, err, path)
	}
	return store.Open(path)
}

// fileSize returns the size of path, or -1.
func fileSize(path string) int64 {
	st, err := os.Stat(path)
	if err != nil {
		return -1
	}
	return st.Size()
}
