package main

import (
	"fmt"
	"io"
	"os"
	"time"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"
)

// isTerminal reports whether w is a terminal (a variable for tests).
var isTerminal = func(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

// noticeEvery is how often a working notice updates its clock.
var noticeEvery = 500 * time.Millisecond

// startNotice shows "jobminer WHAT: working… Ns" on stderr, updated
// while a report is built, when stderr is a terminal and --quiet is not
// set (stdout may be a file: "canvas > out.html"); stop clears it.
func startNotice(quiet bool, stderr io.Writer, what string) (stop func()) {
	if quiet || !isTerminal(stderr) {
		return func() {}
	}
	start := time.Now()
	done := make(chan struct{})
	finished := make(chan struct{})
	fmt.Fprintf(stderr, "\rjobminer %s: working…", what)
	go func() {
		defer close(finished)
		t := time.NewTicker(noticeEvery)
		defer t.Stop()
		for {
			select {
			case <-done:
				fmt.Fprintf(stderr, "\r\033[K")
				return
			case <-t.C:
				fmt.Fprintf(stderr, "\rjobminer %s: working… %.0fs", what, time.Since(start).Seconds())
			}
		}
	}()
	return func() {
		close(done)
		<-finished
	}
}

// showProgress reports whether a progress bar should be drawn: only when
// both stdout and stderr are terminals and --quiet is not set.
func showProgress(quiet bool, stdout, stderr io.Writer) bool {
	if quiet {
		return false
	}
	return isTerminal(stdout) && isTerminal(stderr)
}

// newBar returns a progress bar on stderr of max units (-1 for a spinner),
// or nil when bars are off. Its methods are safe to call on nil via the
// helpers below.
func newBar(on bool, max int64, description string, bytes bool, stderr io.Writer) *progressbar.ProgressBar {
	if !on {
		return nil
	}
	opts := []progressbar.Option{
		progressbar.OptionSetWriter(stderr),
		progressbar.OptionSetDescription(description),
		progressbar.OptionThrottle(100 * time.Millisecond),
		progressbar.OptionShowCount(),
		progressbar.OptionSetWidth(30),
		progressbar.OptionClearOnFinish(),
		progressbar.OptionShowElapsedTimeOnFinish(),
	}
	if bytes {
		opts = append(opts, progressbar.OptionShowBytes(true))
	} else {
		opts = append(opts, progressbar.OptionShowIts())
	}
	return progressbar.NewOptions64(max, opts...)
}

func barAdd(b *progressbar.ProgressBar, n int64) {
	if b != nil {
		b.Add64(n)
	}
}

func barFinish(b *progressbar.ProgressBar) {
	if b != nil {
		b.Finish()
	}
}
