package collect

import (
	"bufio"
	"errors"
	"fmt"
	"io"
)

// lineTooLongError reports a physical line longer than the limit; the
// line has been consumed and reading can go on with the next one.
type lineTooLongError struct{ limit int }

func (e lineTooLongError) Error() string {
	return fmt.Sprintf("line longer than %d bytes", e.limit)
}

// lineReader hands out physical lines, numbered from 1, without their
// line ending ("\n" or "\r\n").
type lineReader struct {
	r    *bufio.Reader
	num  int // number of the line last returned
	max  int
	long []byte
}

func newLineReader(r *bufio.Reader, max int) *lineReader {
	return &lineReader{r: r, max: max}
}

// next returns the next line and its number. The slice is only valid until
// the next call. At the end it returns io.EOF; a line over the limit gives
// a lineTooLongError, after which reading may continue.
func (l *lineReader) next() ([]byte, int, error) {
	line, err := l.r.ReadSlice('\n')
	if err == io.EOF && len(line) == 0 {
		return nil, l.num, io.EOF
	}
	l.num++
	if errors.Is(err, bufio.ErrBufferFull) {
		tooLong := false
		l.long = append(l.long[:0], line...)
		for errors.Is(err, bufio.ErrBufferFull) {
			line, err = l.r.ReadSlice('\n')
			if !tooLong && len(l.long)+len(line) > l.max {
				tooLong = true
				l.long = l.long[:0]
			}
			if !tooLong {
				l.long = append(l.long, line...)
			}
		}
		if err != nil && err != io.EOF {
			return nil, l.num, err
		}
		if tooLong {
			return nil, l.num, lineTooLongError{l.max}
		}
		line = l.long
	} else if err != nil && err != io.EOF {
		return nil, l.num, err
	}
	if len(line) > l.max {
		return nil, l.num, lineTooLongError{l.max}
	}
	n := len(line)
	if n > 0 && line[n-1] == '\n' {
		n--
		if n > 0 && line[n-1] == '\r' {
			n--
		}
	}
	return line[:n], l.num, nil
}
