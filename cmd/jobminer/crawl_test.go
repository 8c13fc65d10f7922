package main

import (
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
)

func TestCrawlCommand(t *testing.T) {
	files := http.FileServer(http.Dir("../../testdata/crawl"))
	var pageHits atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/robots.txt" {
			pageHits.Add(1)
		}
		files.ServeHTTP(w, r)
	}))
	defer srv.Close()
	db := filepath.Join(t.TempDir(), "crawl.db")
	args := []string{"crawl", "--db", db, "--profile", "../../testdata/crawl/forum-profile.json", "--delay", "1ms", "--quiet", srv.URL + "/forum/thread-1.html"}
	code, out, errOut := jm(t, args...)
	if code != 0 {
		t.Fatalf("crawl exit %d: %s", code, errOut)
	}
	if !strings.Contains(out, "crawl: 2 pages (0 from the cache), 6 found: 6 new, 0 already stored, 1 problems") || !strings.Contains(out, "comment c3: no text") {
		t.Errorf("first crawl output:\n%s", out)
	}
	if _, err := os.Stat(db + ".crawl-cache"); err != nil {
		t.Errorf("no default cache next to the database: %v", err)
	}
	// Again: the pages come from the cache (only robots.txt is asked
	// for), and nothing new is stored.
	first := pageHits.Load()
	code, out, errOut = jm(t, args...)
	if code != 0 || !strings.Contains(out, "crawl: 2 pages (2 from the cache), 6 found: 0 new, 6 already stored") || pageHits.Load() != first {
		t.Errorf("second crawl exit %d, %d page requests (first crawl %d):\n%s%s", code, pageHits.Load()-first, first, out, errOut)
	}
	_, out, _ = jm(t, "stats", "--db", db)
	if !strings.Contains(out, "comment") || !strings.Contains(out, "BLEND-900") {
		t.Errorf("stats after crawl:\n%s", out)
	}
}
