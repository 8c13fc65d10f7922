package main

import (
	"bufio"
	"context"
	"fmt"
	"io"

	"jobminer/pipeline/synth"
)

func init() {
	register(command{name: "synth", summary: "write generated reviews (Amazon 2023 JSON Lines) for load tests and benchmarks", run: runSynth})
}

func runSynth(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("synth", "synth [-n N] [flags] > reviews.jsonl", stderr)
	n := fs.Int("n", 100000, "how many reviews")
	products := fs.Int("products", 500, "spread them over this many product ids")
	seed := fs.Int64("seed", 1, "random seed (the same seed writes the same reviews)")
	format := fs.String("format", "jsonl", "output `format`: jsonl (Amazon 2023) or csv (Amazon Fine Food)")
	if err := parseNoArgs(fs, args); err != nil {
		return err
	}
	w := bufio.NewWriterSize(stdout, 1<<20)
	g := synth.New(*seed, *products)
	var err error
	switch *format {
	case "jsonl":
		_, err = g.WriteJSONL(w, *n)
	case "csv":
		_, err = g.WriteCSV(w, *n)
	default:
		return fmt.Errorf("unknown --format %q (jsonl or csv)", *format)
	}
	if err != nil {
		return err
	}
	return w.Flush()
}
