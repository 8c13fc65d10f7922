package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

func init() {
	register(command{name: "demo", summary: "run the whole pipeline on the bundled sample data", run: runDemo})
}

// demoSteps are the commands the demo runs, in order; each is an ordinary
// jobminer command line, so the demo shows exactly what a user would type.
func demoSteps(db string, files []string) [][]string {
	return [][]string{
		append([]string{"import", "--db", db, "--quiet"}, files...),
		{"analyze", "--db", db, "--quiet"},
		{"stats", "--db", db, "--top", "5"},
		{"quotes", "--db", db, "--kind", "pain", "-n", "3"},
		{"cloud", "--db", db, "--kind", "gain", "-n", "8"},
		{"themes", "--db", db, "-n", "5", "--quiet"},
		{"journey", "--db", db, "--quiet"},
		{"canvas", "--db", db, "--product", "B0SLEEP001"},
		{"eval", "testdata/labelled/real-dev.tsv"},
	}
}

func runDemo(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("demo", "demo [flags]", stderr)
	db := fs.String("db", "jobminer-demo.db", "SQLite database `file` to (re)create")
	data := fs.String("data", filepath.Join("testdata", "sample"), "`directory` with the sample files")
	if err := parseNoArgs(fs, args); err != nil {
		return err
	}
	files, err := filepath.Glob(filepath.Join(*data, "*"))
	if err != nil || len(files) == 0 {
		return fmt.Errorf("no sample files in %s (run the demo from the repository root, or pass --data)", *data)
	}
	sort.Strings(files)
	for _, suffix := range []string{"", "-wal", "-shm"} {
		os.Remove(*db + suffix)
	}
	for _, step := range demoSteps(*db, files) {
		fmt.Fprintf(stdout, "\n$ jobminer %s\n", strings.Join(step, " "))
		if code := run(ctx, step, stdout, stderr); code != 0 {
			return fmt.Errorf("step %q failed", strings.Join(step, " "))
		}
	}
	return nil
}
