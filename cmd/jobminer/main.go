// Command jobminer mines customer reviews and comments for
// Jobs-to-be-Done evidence: it imports and crawls review text into SQLite,
// analyzes every sentence (pain/gain, functional/emotional/social outcome,
// job, situation, journey stage, alternatives) and reports the JTBD canvas.
//
// Run "jobminer help" for the commands.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime/pprof"
	"slices"
	"sort"
	"strconv"
	"strings"
	"syscall"

	"jobminer/pipeline/store"
)

// command is one subcommand.
type command struct {
	name    string
	summary string
	run     func(ctx context.Context, args []string, stdout, stderr io.Writer) error
}

var commands []command

func register(c command) { commands = append(commands, c) }

// errUsage marks an error already explained by the flag package.
var errUsage = errors.New("usage")

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	// JOBMINER_CPUPROFILE=file writes a CPU profile of the run, for go
	// tool pprof.
	if path := os.Getenv("JOBMINER_CPUPROFILE"); path != "" {
		f, err := os.Create(path)
		if err == nil {
			err = pprof.StartCPUProfile(f)
		}
		if err != nil {
			fmt.Fprintf(os.Stderr, "jobminer: JOBMINER_CPUPROFILE: %v\n", err)
			os.Exit(1)
		}
		code := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
		pprof.StopCPUProfile()
		f.Close()
		os.Exit(code)
	}
	os.Exit(run(ctx, os.Args[1:], os.Stdout, os.Stderr))
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	sort.Slice(commands, func(i, j int) bool { return commands[i].name < commands[j].name })
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		if len(args) > 1 {
			return run(ctx, []string{args[1], "-h"}, stdout, stderr)
		}
		usage(stdout)
		if len(args) == 0 {
			return 2
		}
		return 0
	}
	for _, c := range commands {
		if c.name == args[0] {
			err := c.run(ctx, args[1:], stdout, stderr)
			switch {
			case err == nil:
				return 0
			case errors.Is(err, flag.ErrHelp):
				return 0
			case errors.Is(err, errUsage):
				return 2
			}
			fmt.Fprintf(stderr, "jobminer %s: %v\n", c.name, store.Humanize(err))
			return 1
		}
	}
	fmt.Fprintf(stderr, "jobminer: unknown command %q\n\n", args[0])
	usage(stderr)
	return 2
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "jobminer mines customer reviews for Jobs-to-be-Done evidence.")
	fmt.Fprintln(w, "\nUsage: jobminer COMMAND [flags] [args]\n\nCommands:")
	for _, c := range commands {
		fmt.Fprintf(w, "  %-9s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(w, "\nRun \"jobminer COMMAND -h\" for a command's flags.")
}

// newFlags returns a flag set for a subcommand whose help shows synopsis.
func newFlags(name, synopsis string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "Usage: jobminer %s\n\nFlags:\n", synopsis)
		fs.PrintDefaults()
	}
	return fs
}

// parseFlags parses args, allowing flags after positional arguments
// ("import a.csv --quiet"), and maps parse failures to errUsage.
func parseFlags(fs *flag.FlagSet, args []string) ([]string, error) {
	var positional []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, err
			}
			return nil, errUsage
		}
		if err := checkNumbers(fs); err != nil {
			fmt.Fprintf(fs.Output(), "%v\n", err)
			return nil, errUsage
		}
		rest := fs.Args()
		if len(rest) == 0 {
			return positional, nil
		}
		i := 0
		for i < len(rest) && (!strings.HasPrefix(rest[i], "-") || rest[i] == "-") {
			i++
		}
		positional = append(positional, rest[:i]...)
		if i == len(rest) {
			return positional, nil
		}
		if rest[i] == "--" {
			return append(positional, rest[i+1:]...), nil
		}
		args = rest[i:]
	}
}

// parseNoArgs parses the flags of a command that takes no arguments: a
// stray word ("quotes gain", "canvas B0012Y0ZG2") is refused, not ignored,
// with the flag it probably meant.
func parseNoArgs(fs *flag.FlagSet, args []string) error {
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		hint := ""
		if fs.Lookup("in") != nil {
			hint = " (--in " + pos[0] + "?)"
		} else if fs.Lookup("kind") != nil {
			hint = " (--kind " + pos[0] + "?)"
		} else if fs.Lookup("product") != nil {
			hint = " (--product " + pos[0] + "?)"
		}
		fmt.Fprintf(fs.Output(), "jobminer %s takes no arguments, only flags: unexpected %q%s\n", fs.Name(), pos[0], hint)
		return errUsage
	}
	return nil
}

// Numeric flags that must be above zero, or at least zero, when given:
// "-n -1" or "--rating-max 0" would otherwise be taken without a word.
var (
	aboveZero   = map[string]bool{"max-pages": true, "max-body": true, "parallel": true, "max-text": true, "rating-max": true, "n": true, "quotes": true, "width": true, "height": true, "products": true, "max-words": true, "max-terms": true, "min-reviews": true, "min-products": true, "min-z": true, "scale": true}
	notNegative = map[string]bool{"workers": true, "retries": true, "problems": true, "top": true, "rating": true, "min-rating": true, "max-rating": true}
)

// checkNumbers rejects a numeric flag set to a value out of its range.
func checkNumbers(fs *flag.FlagSet) error {
	var bad error
	fs.Visit(func(f *flag.Flag) {
		if bad != nil {
			return
		}
		v, err := strconv.ParseFloat(f.Value.String(), 64)
		if err != nil {
			return // not a number flag
		}
		switch {
		case aboveZero[f.Name] && v <= 0:
			bad = fmt.Errorf("--%s %s: must be above 0", f.Name, f.Value.String())
		case notNegative[f.Name] && v < 0:
			bad = fmt.Errorf("--%s %s: must be 0 or more", f.Name, f.Value.String())
		}
	})
	return bad
}

// dbFlag adds the shared --db flag.
func dbFlag(fs *flag.FlagSet) *string {
	return fs.String("db", "jobminer.db", "SQLite database `file`")
}

// oneOf checks that a flag's value is one of choices; otherwise it says so
// ("jobminer trend: unknown --by "day" (week, month or quarter)") and
// returns errUsage.
func oneOf(fs *flag.FlagSet, flagName, value string, choices ...string) error {
	if slices.Contains(choices, value) {
		return nil
	}
	list := strings.Join(choices[:len(choices)-1], ", ") + " or " + choices[len(choices)-1]
	fmt.Fprintf(fs.Output(), "jobminer %s: unknown --%s %q (%s)\n", fs.Name(), flagName, value, list)
	return errUsage
}
