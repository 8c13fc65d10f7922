package collect

import (
	"context"
	"io"
	"math"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"jobminer/pipeline/store"
)

// fixtureSite serves testdata/crawl over real HTTP, with a robots.txt, a
// slow page, a page that fails once with 503, a 404 and a PDF. It counts
// the requests per path.
type fixtureSite struct {
	*httptest.Server
	mu   sync.Mutex
	hits map[string]int
}

func newFixtureSite(t *testing.T) *fixtureSite {
	t.Helper()
	s := &fixtureSite{hits: map[string]int{}}
	files := http.FileServer(http.Dir(td("crawl")))
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		s.hits[r.URL.Path]++
		n := s.hits[r.URL.Path]
		s.mu.Unlock()
		switch r.URL.Path {
		case "/robots.txt":
			w.Write([]byte("User-agent: *\nDisallow: /private/\n"))
		case "/private/page.html":
			w.Write([]byte("<html><body>secret</body></html>"))
		case "/slow":
			select {
			case <-time.After(2 * time.Second):
			case <-r.Context().Done():
			}
		case "/flaky":
			if n == 1 {
				http.Error(w, "busy", http.StatusServiceUnavailable)
				return
			}
			http.ServeFile(w, r, td("crawl", "shop", "microdata.html"))
		case "/limited":
			if n == 1 {
				w.Header().Set("Retry-After", "0")
				http.Error(w, "slow down", http.StatusTooManyRequests)
				return
			}
			http.ServeFile(w, r, td("crawl", "shop", "broken.html"))
		case "/manual.pdf":
			w.Header().Set("Content-Type", "application/pdf")
			w.Write([]byte("%PDF-1.4"))
		default:
			files.ServeHTTP(w, r)
		}
	}))
	t.Cleanup(s.Close)
	return s
}

func (s *fixtureSite) hitsOf(path string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.hits[path]
}

func testCrawlOptions() CrawlOptions {
	return CrawlOptions{Delay: time.Millisecond, Timeout: 300 * time.Millisecond, Backoff: 10 * time.Millisecond, Retries: 1}
}

type storedDoc struct {
	kind, product, author, title, text, parent, url string
	rating                                          *float64
	posted                                          *int64
	helpful                                         int64
}

func storedDocs(t *testing.T, st *store.Store) map[string]storedDoc {
	t.Helper()
	rows, err := st.DB().Query(`SELECT external_id, kind, product_id, author, title, text, parent_external_id, url, rating, posted_at, helpful_votes FROM documents`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	out := map[string]storedDoc{}
	for rows.Next() {
		var id string
		var d storedDoc
		if err := rows.Scan(&id, &d.kind, &d.product, &d.author, &d.title, &d.text, &d.parent, &d.url, &d.rating, &d.posted, &d.helpful); err != nil {
			t.Fatal(err)
		}
		if id == "" {
			id = d.text
		}
		out[id] = d
	}
	return out
}

func problemReasons(t *testing.T, st *store.Store) map[string]string {
	t.Helper()
	rows, err := st.DB().Query(`SELECT url, reason FROM import_problems`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	out := map[string]string{}
	for rows.Next() {
		var u, r string
		rows.Scan(&u, &r)
		out[u] += r + "; "
	}
	return out
}

func TestCrawlSchemaOrg(t *testing.T) {
	site := newFixtureSite(t)
	st := openStore(t)
	ctx := context.Background()
	start := []string{site.URL + "/shop/reviews-1.html", site.URL + "/shop/microdata.html", site.URL + "/shop/broken.html",
		site.URL + "/shop/no-reviews.html", site.URL + "/private/page.html", site.URL + "/slow", site.URL + "/flaky",
		site.URL + "/limited", site.URL + "/missing.html", site.URL + "/manual.pdf"}
	opts := testCrawlOptions()
	opts.CacheDir = t.TempDir()
	res, err := Crawl(ctx, st, start, opts)
	if err != nil {
		t.Fatal(err)
	}
	docs := storedDocs(t, st)

	// JSON-LD: a Product with reviews, then @graph on page 2 (followed
	// through link rel=next); the review without text is a problem.
	r1, ok := docs["https://shop.example/r/1001"]
	if !ok || r1.product != "MASK-001" || r1.author != "Dana K." || r1.title != "Finally dark enough" || r1.rating == nil || *r1.rating != 5 ||
		r1.posted == nil || time.Unix(*r1.posted, 0).UTC().Format("2006-01-02") != "2026-03-14" || !strings.HasSuffix(r1.url, "/shop/reviews-1.html") {
		t.Errorf("review 1001: %+v", r1)
	}
	if r := docs["https://shop.example/r/1002"]; r.rating == nil || *r.rating != 2 || r.author != "Sam" {
		t.Errorf("review 1002 (numeric rating, plain author): %+v", r)
	}
	r3 := docs["https://shop.example/r/1003"]
	if r3.rating == nil || *r3.rating < 4.5 || *r3.rating > 4.6 || !strings.Contains(r3.text, "night & wake") {
		t.Errorf("review 1003 (9 of 10 scaled to 5, entities decoded): %+v", r3)
	}
	if _, ok := docs["https://shop.example/r/1004"]; ok {
		t.Error("a review without text was stored")
	}
	// Microdata, including a page whose HTML never closes its tags, and the
	// page that failed once with 503 (the same markup: the same keys).
	if r := docs["rev-1"]; r.product != "KETTLE-7" || r.author != "Marta" || r.title != "Tea in any hotel room" || r.rating == nil || *r.rating != 5 {
		t.Errorf("microdata rev-1: %+v", r)
	}
	if r := docs["rev-2"]; r.rating == nil || *r.rating != 1 || r.author != "Leo" {
		t.Errorf("microdata rev-2: %+v", r)
	}
	if r := docs["rev-3"]; r.rating != nil || r.text == "" {
		t.Errorf("rev-3 has an unreadable rating: want the review kept without it, got %+v", r)
	}
	if r := docs["rev-9"]; r.rating == nil || *r.rating != 4 || !strings.HasPrefix(r.text, "Still works after a year") {
		t.Errorf("review on broken HTML: %+v", r)
	}
	if len(docs) != 7 {
		t.Errorf("%d documents, want 7: %v", len(docs), docs)
	}

	problems := problemReasons(t, st)
	for path, want := range map[string]string{
		"/shop/reviews-2.html":  "JSON-LD block 1",
		"/shop/no-reviews.html": "no reviews",
		"/private/page.html":    "robots.txt",
		"/slow":                 "timed out",
		"/missing.html":         "HTTP 404",
		"/manual.pdf":           "not an HTML page",
		"/shop/microdata.html":  "rating",
	} {
		if got := problems[site.URL+path]; !strings.Contains(got, want) {
			t.Errorf("problem at %s = %q, want one about %q", path, got, want)
		}
	}
	if !strings.Contains(problems[site.URL+"/shop/reviews-2.html"], "no text") {
		t.Errorf("the review without text is not reported: %q", problems[site.URL+"/shop/reviews-2.html"])
	}
	if got := problems[site.URL+"/flaky"]; strings.Contains(got, "HTTP") {
		t.Errorf("/flaky was retried after its 503 and should have no HTTP problem: %q", got)
	}
	if site.hitsOf("/flaky") != 2 || site.hitsOf("/limited") != 2 || site.hitsOf("/slow") != 2 {
		t.Errorf("hits: flaky %d, limited %d, slow %d; want 2 each (one retry)", site.hitsOf("/flaky"), site.hitsOf("/limited"), site.hitsOf("/slow"))
	}
	if site.hitsOf("/private/page.html") != 0 {
		t.Error("the crawler fetched a page robots.txt disallows")
	}
	// Found: 3 JSON-LD, 3 microdata twice (/shop/microdata.html and
	// /flaky), rev-9 twice (/shop/broken.html and /limited).
	if res.Found != 11 || res.Counts.New != 7 || res.Pages != 7 {
		t.Errorf("result %+v; want 7 HTML pages, 11 found, 7 new", res)
	}

	// A second crawl reads the cache (no new requests for cached pages)
	// and stores nothing new.
	before := site.hitsOf("/shop/reviews-1.html")
	res2, err := Crawl(ctx, st, start, opts)
	if err != nil {
		t.Fatal(err)
	}
	if res2.Counts.New != 0 || res2.Counts.Duplicates != res2.Found || res2.Found != res.Found {
		t.Errorf("second crawl: %+v", res2)
	}
	if site.hitsOf("/shop/reviews-1.html") != before {
		t.Error("second crawl refetched a cached page")
	}
	var n, np int
	st.DB().QueryRow(`SELECT count(*) FROM documents`).Scan(&n)
	st.DB().QueryRow(`SELECT count(*) FROM import_problems`).Scan(&np)
	if n != 7 || np != len(problemsList(t, st)) {
		t.Errorf("after two crawls: %d documents", n)
	}
}

func problemsList(t *testing.T, st *store.Store) []string {
	rows, _ := st.DB().Query(`SELECT url || ' ' || reason FROM import_problems`)
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s string
		rows.Scan(&s)
		out = append(out, s)
	}
	return out
}

func TestCrawlProfileWithCommentThreads(t *testing.T) {
	site := newFixtureSite(t)
	st := openStore(t)
	prof, err := LoadProfile(td("crawl", "forum-profile.json"))
	if err != nil {
		t.Fatal(err)
	}
	opts := testCrawlOptions()
	opts.Profile = prof
	res, err := Crawl(context.Background(), st, []string{site.URL + "/forum/thread-1.html"}, opts)
	if err != nil {
		t.Fatal(err)
	}
	docs := storedDocs(t, st)
	p1 := docs["p1"]
	if p1.kind != "review" || p1.product != "BLEND-900" || p1.author != "Alex" || p1.title != "Smoothies before work" ||
		p1.rating == nil || *p1.rating != 4 || p1.helpful != 12 || p1.posted == nil ||
		p1.text != "I needed something that crushes frozen fruit before my commute.\nIt does it in under a minute." {
		t.Errorf("post p1: %+v", p1)
	}
	if p := docs["p2"]; p.rating == nil || *p.rating != 1 || p.title != "" || p.posted != nil {
		t.Errorf("post p2 (no title, no date of its own): %+v", p)
	}
	// Threads: a comment's parent is the review it sits in, a reply's the
	// comment it answers; each keeps its own author and text.
	for id, want := range map[string][3]string{
		"c1": {"p1", "Bea", "Does it handle ice cubes too?"},
		"c2": {"c1", "Alex", "Yes, a full tray in about twenty seconds."},
		"c4": {"p3", "Finn", "Same here, my teenagers love it."},
	} {
		c := docs[id]
		if c.kind != "comment" || c.parent != want[0] || c.author != want[1] || c.text != want[2] {
			t.Errorf("comment %s: %+v, want parent %s, author %s, text %q", id, c, want[0], want[1], want[2])
		}
	}
	if _, ok := docs["c3"]; ok {
		t.Error("an empty comment was stored")
	}
	if _, ok := docs["p3"]; !ok || res.Pages != 2 {
		t.Errorf("the next page was not followed: %d pages", res.Pages)
	}
	if got := problemReasons(t, st)[site.URL+"/forum/thread-1.html"]; !strings.Contains(got, "comment c3: no text") {
		t.Errorf("problems on thread-1: %q", got)
	}
}

func TestCrawlStopsAtMaxPagesAndAllowedDomains(t *testing.T) {
	site := newFixtureSite(t)
	st := openStore(t)
	opts := testCrawlOptions()
	opts.MaxPages = 1
	res, err := Crawl(context.Background(), st, []string{site.URL + "/shop/reviews-1.html"}, opts)
	if err != nil {
		t.Fatal(err)
	}
	if res.Pages != 1 || site.hitsOf("/shop/reviews-2.html") != 0 {
		t.Errorf("max-pages 1: %d pages, page 2 fetched %d times", res.Pages, site.hitsOf("/shop/reviews-2.html"))
	}
	// Page 2 links to another domain; the crawl ends there without error.
	opts.MaxPages = 10
	if res, err = Crawl(context.Background(), st, []string{site.URL + "/shop/reviews-1.html"}, opts); err != nil || res.Pages != 2 {
		t.Errorf("%+v %v: want the two pages of the allowed domain", res, err)
	}
}

func TestLoadProfileErrors(t *testing.T) {
	dir := t.TempDir()
	for name, body := range map[string]string{
		"unknown.json":   `{"review": "div", "text": ".t", "stars": ".s"}`,
		"notext.json":    `{"review": "div"}`,
		"badcss.json":    `{"review": "div[", "text": ".t"}`,
		"nothing.json":   `{"name": "x"}`,
		"notjson.json":   `review: div`,
		"nocomment.json": `{"comment": "li"}`,
	} {
		path := filepath.Join(dir, name)
		os.WriteFile(path, []byte(body), 0o644)
		if _, err := LoadProfile(path); err == nil || !strings.Contains(err.Error(), name) {
			t.Errorf("%s: err = %v, want an error naming the file", name, err)
		}
	}
	if _, err := LoadProfile(td("crawl", "forum-profile.json")); err != nil {
		t.Error(err)
	}
}

func TestCrawlRejectsBadStartURL(t *testing.T) {
	st := openStore(t)
	if _, err := Crawl(context.Background(), st, []string{"ftp://x/y"}, testCrawlOptions()); err == nil {
		t.Error("ftp URL accepted")
	}
}

// TestCrawlWithoutIDsIsTraceable: reviews marked up without an id get
// one made of the page and a hash of writer and text, the same on a
// second crawl (which then adds nothing); every document names a product.
func TestCrawlWithoutIDsIsTraceable(t *testing.T) {
	site := newFixtureSite(t)
	st := openStore(t)
	ctx := context.Background()
	page := site.URL + "/shop/microdata-noid.html"
	opts := testCrawlOptions()
	opts.CacheDir = t.TempDir()
	res, err := Crawl(ctx, st, []string{page}, opts)
	if err != nil || res.Counts.New != 3 {
		t.Fatalf("first crawl: %+v %v, want 3 new", res.Counts, err)
	}
	rows, err := st.DB().Query(`SELECT external_id, product_id FROM documents`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var id, product string
		rows.Scan(&id, &product)
		if !strings.HasPrefix(id, page+"#") || len(id) != len(page)+9 || product == "" {
			t.Errorf("id %q, product %q: want %s#<hash> and a product", id, product, page)
		}
	}
	rows.Close()
	again, err := Crawl(ctx, st, []string{page}, opts)
	if err != nil || again.Counts.New != 0 || again.Counts.Duplicates != 3 {
		t.Errorf("second crawl: %+v %v, want 0 new, 3 duplicates", again.Counts, err)
	}
	// The same reviews, now on page 2 of the listing: still the same three.
	moved, err := Crawl(ctx, st, []string{page + "?page=2"}, opts)
	if err != nil || moved.Counts.New != 0 || moved.Counts.Duplicates != 3 {
		t.Errorf("reviews moved to ?page=2: %+v %v, want 0 new, 3 duplicates", moved.Counts, err)
	}
}

// TestRecrawlSeesNewReviews: a crawl run again soon reads the page from
// the cache (and says so); once the cached copy is older than
// CacheMaxAge the page is fetched again, and a review added since is
// stored.
func TestRecrawlSeesNewReviews(t *testing.T) {
	page, err := os.ReadFile(td("crawl", "shop", "microdata.html"))
	if err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	body := string(page)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			http.NotFound(w, r)
			return
		}
		mu.Lock()
		defer mu.Unlock()
		w.Header().Set("Content-Type", "text/html")
		io.WriteString(w, body)
	}))
	defer srv.Close()
	st := openStore(t)
	ctx := context.Background()
	opts := testCrawlOptions()
	opts.CacheDir = t.TempDir()
	opts.AllowedDomains = nil
	first, err := Crawl(ctx, st, []string{srv.URL + "/kettle"}, opts)
	if err != nil || first.Counts.New != 3 || first.FromCache != 0 {
		t.Fatalf("first crawl: %+v %v", first, err)
	}
	// The page gains a review (rev-1 copied as rev-4 with new text).
	mu.Lock()
	body = strings.Replace(body, `</body>`, `<div itemprop="review" itemscope itemtype="https://schema.org/Review" id="rev-4"><span itemprop="author">Ana</span><p itemprop="reviewBody">Still boiling fine after a month of daily use.</p></div></body>`, 1)
	mu.Unlock()
	soon, err := Crawl(ctx, st, []string{srv.URL + "/kettle"}, opts)
	if err != nil || soon.Counts.New != 0 || soon.FromCache != 1 || !strings.Contains(soon.Summary(), "(1 from the cache)") {
		t.Errorf("crawl again soon: %+v %v, want the cached page", soon, err)
	}
	opts.CacheMaxAge = time.Nanosecond
	later, err := Crawl(ctx, st, []string{srv.URL + "/kettle"}, opts)
	if err != nil || later.Counts.New != 1 || later.FromCache != 0 {
		t.Errorf("crawl later: %+v %v, want the new review", later, err)
	}
}

func TestRetryAfter(t *testing.T) {
	now := time.Date(2026, 12, 1, 12, 0, 0, 0, time.UTC)
	for in, want := range map[string]time.Duration{
		"120": 2 * time.Minute, "0": 0, "99999999999999999": time.Duration(math.MaxInt64),
		"Tue, 01 Dec 2026 12:10:00 GMT": 10 * time.Minute, // an HTTP date
		"Tue, 01 Dec 2026 11:00:00 GMT": 0,                // in the past: now
	} {
		if got, ok := retryAfter(in, now); !ok || got != want {
			t.Errorf("retryAfter(%q) = %v, %v; want %v", in, got, ok, want)
		}
	}
	if _, ok := retryAfter("soon", now); ok {
		t.Error(`"soon" read as a Retry-After`)
	}
}

// TestRetryAfterOverTheLimit: a 429 whose Retry-After is over the limit
// is not waited for (nor retried on a short timer): it is a problem that
// names the wait asked for.
func TestRetryAfterOverTheLimit(t *testing.T) {
	hits := 0
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			http.NotFound(w, r)
			return
		}
		hits++
		w.Header().Set("Retry-After", "3600")
		w.WriteHeader(http.StatusTooManyRequests)
	}))
	defer srv.Close()
	st := openStore(t)
	opts := testCrawlOptions()
	opts.AllowedDomains = nil
	opts.MaxRetryAfter = time.Minute
	start := time.Now()
	res, err := Crawl(context.Background(), st, []string{srv.URL + "/busy"}, opts)
	if err != nil {
		t.Fatal(err)
	}
	if hits != 1 || time.Since(start) > 10*time.Second || res.Problems != 1 {
		t.Errorf("%d requests, %s, %+v; want one request, no wait, one problem", hits, time.Since(start), res)
	}
	for k := range res.Reasons {
		if !strings.Contains(k, "asks to wait") || !strings.Contains(k, "--max-retry-after") {
			t.Errorf("reason %q", k)
		}
	}
}

// TestPageBodyCap: a page over the body limit is read only that far, and
// the crawl says so.
func TestPageBodyCap(t *testing.T) {
	page, _ := os.ReadFile(td("crawl", "shop", "microdata.html"))
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html")
		w.Write(page)
		w.Write([]byte(strings.Repeat("<!-- padding -->", 1<<16))) // 1 MiB more
	}))
	defer srv.Close()
	st := openStore(t)
	opts := testCrawlOptions()
	opts.AllowedDomains = nil
	opts.MaxBody = 64 << 10
	res, err := Crawl(context.Background(), st, []string{srv.URL + "/big"}, opts)
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for k := range res.Reasons {
		found = found || strings.Contains(k, "--max-body")
	}
	if !found || res.Counts.New != 3 {
		t.Errorf("%+v: want the cap named and the reviews before it stored", res)
	}
}
