package collect

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"os"
	"strings"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// Encodings accepted by Options.Encoding.
var encodings = map[string]encoding.Encoding{
	"windows-1252": charmap.Windows1252,
	"cp1252":       charmap.Windows1252,
	"latin1":       charmap.ISO8859_1,
	"iso-8859-1":   charmap.ISO8859_1,
	"gbk":          simplifiedchinese.GBK, // JD and other mainland exports
	"gb18030":      simplifiedchinese.GB18030,
	"big5":         traditionalchinese.Big5, // older Taiwanese and Hong Kong exports
}

// countingReader counts the bytes read through it and reports them.
type countingReader struct {
	r        io.Reader
	progress func(int64)
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	if n > 0 && c.progress != nil {
		c.progress(int64(n))
	}
	return n, err
}

// input is an opened source, decompressed and decoded to UTF-8.
type input struct {
	r      *bufio.Reader
	closer func() error
	size   int64 // bytes on disk, -1 when unknown (stdin)
}

// openInput opens path ("-" is stdin), reading gzip transparently (by its
// magic bytes, not the file name) and decoding enc ("" or "utf-8" for
// UTF-8; a UTF-16 byte-order mark is honoured either way) to UTF-8.
// progress, when set, is called with the bytes read from disk.
func openInput(path string, stdin io.Reader, enc string, progress func(int64)) (*input, error) {
	var raw io.Reader
	in := &input{size: -1, closer: func() error { return nil }}
	if path == "-" {
		raw = stdin
	} else {
		f, err := os.Open(path)
		if err != nil {
			return nil, err
		}
		if st, err := f.Stat(); err == nil {
			if st.IsDir() {
				f.Close()
				return nil, fmt.Errorf("is a directory")
			}
			in.size = st.Size()
		}
		raw = f
		in.closer = f.Close
	}
	br := bufio.NewReaderSize(&countingReader{r: raw, progress: progress}, 256<<10)
	magic, _ := br.Peek(2)
	var r io.Reader = br
	if len(magic) == 2 && magic[0] == 0x1f && magic[1] == 0x8b {
		gz, err := gzip.NewReader(br)
		if err != nil {
			in.closer()
			return nil, fmt.Errorf("gzip: %w", err)
		}
		r = gz
	}
	switch e := strings.ToLower(enc); e {
	case "", "utf-8", "utf8":
		// A UTF-16 byte-order mark switches to UTF-16; otherwise bytes pass
		// through unchanged and invalid UTF-8 is reported per row.
		peek := bufio.NewReaderSize(r, 256<<10)
		bom, _ := peek.Peek(2)
		if bytes.Equal(bom, []byte{0xff, 0xfe}) || bytes.Equal(bom, []byte{0xfe, 0xff}) {
			r = transform.NewReader(peek, unicode.BOMOverride(unicode.UTF8.NewDecoder()))
		} else {
			r = peek
		}
	default:
		ce, ok := encodings[e]
		if !ok {
			in.closer()
			return nil, fmt.Errorf("unknown encoding %q (known: utf-8, windows-1252, latin1, gbk, gb18030, big5)", enc)
		}
		r = transform.NewReader(r, ce.NewDecoder())
	}
	in.r = bufio.NewReaderSize(r, 1<<20)
	// Skip a UTF-8 byte-order mark.
	if b, _ := in.r.Peek(3); bytes.Equal(b, []byte{0xef, 0xbb, 0xbf}) {
		in.r.Discard(3)
	}
	return in, nil
}
