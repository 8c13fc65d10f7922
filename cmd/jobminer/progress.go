package main

import (
	"io"
	"os"
	"time"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"
)

// showProgress reports whether a progress bar should be drawn: only when
// both stdout and stderr are terminals and --quiet is not set.
func showProgress(quiet bool, stdout, stderr io.Writer) bool {
	if quiet {
		return false
	}
	for _, w := range []io.Writer{stdout, stderr} {
		f, ok := w.(*os.File)
		if !ok || !term.IsTerminal(int(f.Fd())) {
			return false
		}
	}
	return true
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
