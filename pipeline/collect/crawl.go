package collect

import (
	"context"
	"crypto/sha1"
	"encoding/hex"
	"errors"
	"fmt"
	"math"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/PuerkitoBio/goquery"
	"github.com/gocolly/colly/v2"

	"jobminer/pipeline/store"
)

// CrawlOptions control a crawl. Zero values take the defaults in brackets.
type CrawlOptions struct {
	Profile        *Profile      // site profile; nil reads schema.org Review in JSON-LD and microdata
	Name           string        // namespace of document keys [the profile's name, else the start URL's host]
	MaxPages       int           // pages to fetch at most, start pages included [100]
	Delay          time.Duration // between two requests to one domain [1s]
	Parallelism    int           // requests in flight per domain [1]
	UserAgent      string        // [DefaultUserAgent]
	Timeout        time.Duration // per request [30s]
	Retries        int           // retries of a page after 429, 5xx or a timeout [3]; -1 for none
	Backoff        time.Duration // wait before the first retry, doubled each time [2s]
	CacheDir       string        // responses are kept here and read back on the next crawl; "" for none
	MaxBody        int           // bytes of a page body read at most [10 MiB]
	MaxRetryAfter  time.Duration // the longest Retry-After honoured [5m]; a server asking more is a problem, not a wait
	CacheMaxAge    time.Duration // a cached page older than this is fetched again [6h]: a resumed crawl reads the cache, a later one sees new reviews
	AllowedDomains []string      // [the start URLs' hosts]; links elsewhere are not followed
	IgnoreRobots   bool          // do not read robots.txt (only for your own sites)
	MaxText        int           // largest review text in bytes [100 KiB]
	// Progress, when set, is called after every page.
	Progress func(CrawlResult)
}

// DefaultUserAgent names the crawler to the sites it visits.
const DefaultUserAgent = "jobminer/1.0 (review research crawler)"

// CrawlResult sums up a crawl.
type CrawlResult struct {
	Pages       int // fetched (or read from the cache) with status 200
	FromCache   int // of the pages requested, read back from the cache
	Found       int // reviews and comments found on them
	Counts      store.RunCounts
	Problems    int            // pages and items that failed, as recorded
	Reasons     map[string]int // problems by reason
	Examples    Examples       // per reason, the first problems as they were
	Interrupted bool
}

// Summary is the one-line report of a crawl.
func (r CrawlResult) Summary() string {
	return fmt.Sprintf("%d pages (%d from the cache), %d found: %d new, %d already stored, %d problems", r.Pages, r.FromCache, r.Found, r.Counts.New, r.Counts.Duplicates, r.Problems)
}

func (o *CrawlOptions) defaults(start []*url.URL) {
	if o.Name == "" && o.Profile != nil {
		o.Name = o.Profile.Name
	}
	if o.Name == "" {
		o.Name = start[0].Hostname()
	}
	if o.MaxPages <= 0 {
		o.MaxPages = 100
	}
	if o.Delay == 0 {
		o.Delay = time.Second
	}
	if o.Parallelism <= 0 {
		o.Parallelism = 1
	}
	if o.UserAgent == "" {
		o.UserAgent = DefaultUserAgent
	}
	if o.Timeout <= 0 {
		o.Timeout = 30 * time.Second
	}
	if o.Retries == 0 {
		o.Retries = 3
	}
	if o.Backoff <= 0 {
		o.Backoff = 2 * time.Second
	}
	if len(o.AllowedDomains) == 0 {
		for _, u := range start {
			o.AllowedDomains = append(o.AllowedDomains, u.Hostname())
		}
	}
	if o.MaxText <= 0 {
		o.MaxText = 100 << 10
	}
	if o.CacheMaxAge <= 0 {
		o.CacheMaxAge = 6 * time.Hour
	}
	if o.MaxBody <= 0 {
		o.MaxBody = 10 << 20
	}
	if o.MaxRetryAfter <= 0 {
		o.MaxRetryAfter = 5 * time.Minute
	}
}

// Crawl fetches the start pages and the pages they link to as "next",
// extracts reviews and comments, and stores them like an import does: the
// same documents table, the same dedupe by key, problems recorded with
// their URL. It is polite (robots.txt, a delay and a parallelism limit per
// domain, a user agent) and bounded (MaxPages, the allowed domains).
func Crawl(ctx context.Context, st *store.Store, startURLs []string, opts CrawlOptions) (CrawlResult, error) {
	res := CrawlResult{Reasons: map[string]int{}, Examples: Examples{}}
	if len(startURLs) == 0 {
		return res, errors.New("crawl: no start URL")
	}
	var start []*url.URL
	for _, s := range startURLs {
		u, err := url.Parse(s)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return res, fmt.Errorf("crawl: %q is not an http(s) URL", s)
		}
		start = append(start, u)
	}
	opts.defaults(start)
	format := "crawl:schema.org"
	if opts.Profile != nil {
		format = "crawl:profile"
	}
	w, err := st.BeginSource(ctx, store.Source{Location: strings.Join(startURLs, " "), Name: opts.Name, Format: format, Kind: store.KindReview})
	if err != nil {
		return res, fmt.Errorf("crawl: %w", err)
	}

	c := colly.NewCollector(colly.Async(true), colly.UserAgent(opts.UserAgent), colly.AllowedDomains(opts.AllowedDomains...))
	c.IgnoreRobotsTxt = opts.IgnoreRobots
	if opts.CacheDir != "" {
		c.CacheDir = opts.CacheDir
	}
	c.SetRequestTimeout(opts.Timeout)
	c.MaxBodySize = opts.MaxBody
	if err := c.Limit(&colly.LimitRule{DomainGlob: "*", Delay: opts.Delay, Parallelism: opts.Parallelism}); err != nil {
		return res, fmt.Errorf("crawl: %w", err)
	}

	var (
		mu       sync.Mutex // guards res and the writer
		writeErr error
		queued   atomic.Int64
	)
	record := func(docs []store.Document, problems []store.Problem, fetched bool) {
		mu.Lock()
		defer mu.Unlock()
		if fetched {
			res.Pages++
		}
		res.Found += len(docs)
		for _, p := range problems {
			res.Problems++
			k := reasonKey(p.Reason)
			res.Reasons[k]++
			res.Examples.add(k, p.Line, p.URL, p.Reason)
		}
		if writeErr == nil && (len(docs) > 0 || len(problems) > 0) {
			writeErr = w.Write(context.WithoutCancel(ctx), docs, problems)
		}
		res.Counts = w.Counts()
		if opts.Progress != nil {
			opts.Progress(res)
		}
	}
	problemAt := func(u, reason string) {
		record(nil, []store.Problem{{URL: u, Reason: reason, Action: store.ActionSkipped}}, false)
	}
	// visit queues a page unless MaxPages is reached; refusals that say
	// something about the site (robots.txt) are recorded as problems.
	visit := func(u string, via *colly.Request) {
		if queued.Load() >= int64(opts.MaxPages) {
			return
		}
		queued.Add(1)
		var err error
		if via != nil {
			err = via.Visit(u)
		} else {
			err = c.Visit(u)
		}
		var already *colly.AlreadyVisitedError
		switch {
		case err == nil:
		case errors.Is(err, colly.ErrRobotsTxtBlocked):
			queued.Add(-1)
			problemAt(u, "robots.txt disallows this page")
		case errors.Is(err, colly.ErrForbiddenDomain), errors.As(err, &already), errors.Is(err, colly.ErrMissingURL):
			queued.Add(-1)
		default:
			queued.Add(-1)
			problemAt(u, err.Error())
		}
	}

	c.OnRequest(func(r *colly.Request) {
		if ctx.Err() != nil {
			r.Abort()
			return
		}
		if opts.CacheDir != "" && r.Method == http.MethodGet && r.URL.Path != "/robots.txt" {
			// A page cached long ago is fetched again, so that a later
			// crawl sees the reviews added since.
			if fi, err := os.Stat(cachePath(opts.CacheDir, r.URL.String())); err == nil {
				if time.Since(fi.ModTime()) > opts.CacheMaxAge {
					removeCached(opts.CacheDir, r.URL.String())
				} else {
					mu.Lock()
					res.FromCache++
					mu.Unlock()
				}
			}
		}
	})
	c.OnResponse(func(r *colly.Response) {
		if len(r.Body) >= opts.MaxBody {
			problemAt(r.Request.URL.String(), fmt.Sprintf("page body reaches the limit of %d bytes (--max-body): read only that far", opts.MaxBody))
		}
		ct := r.Headers.Get("Content-Type")
		if !strings.Contains(strings.ToLower(ct), "html") {
			problemAt(r.Request.URL.String(), fmt.Sprintf("not an HTML page (Content-Type %q)", ct))
		}
	})
	c.OnHTML("html", func(e *colly.HTMLElement) {
		pg := &page{url: e.Request.URL.String(), maxText: opts.MaxText}
		doc := goquery.NewDocumentFromNode(e.DOM.Get(0))
		next := ""
		if opts.Profile != nil {
			pg.extractProfile(doc, opts.Profile)
			if opts.Profile.Next != "" {
				next = pick(doc.Selection, withHref(opts.Profile.Next))
			}
		} else {
			pg.extractJSONLD(doc)
			pg.extractMicrodata(doc)
			next = pick(doc.Selection, `link[rel~="next"]@href`)
			if next == "" {
				next = pick(doc.Selection, `a[rel~="next"]@href`)
			}
		}
		if len(pg.docs) == 0 && len(pg.problems) == 0 {
			pg.problem("no reviews or comments found on the page", squeeze(doc.Find("title").Text()))
		}
		record(pg.docs, pg.problems, true)
		if next != "" {
			visit(e.Request.AbsoluteURL(next), e.Request)
		}
	})
	c.OnError(func(r *colly.Response, err error) {
		u := r.Request.URL.String()
		attempt := 0
		if a, ok := r.Ctx.GetAny("attempt").(int); ok {
			attempt = a
		}
		var netErr net.Error
		timeout := errors.As(err, &netErr) && netErr.Timeout() || errors.Is(err, context.DeadlineExceeded)
		retryable := timeout || r.StatusCode == http.StatusTooManyRequests || r.StatusCode >= 500
		if retryable && attempt < opts.Retries && ctx.Err() == nil {
			if opts.CacheDir != "" {
				removeCached(opts.CacheDir, u)
			}
			wait := opts.Backoff << attempt
			if s := r.Headers; s != nil {
				if d, ok := retryAfter(s.Get("Retry-After"), time.Now()); ok {
					if d > opts.MaxRetryAfter {
						problemAt(u, fmt.Sprintf("HTTP %d: the server asks to wait %s before retrying, over the limit of %s (--max-retry-after)",
							r.StatusCode, d.Round(time.Second), opts.MaxRetryAfter))
						return
					}
					wait = max(wait, d)
				}
			}
			r.Ctx.Put("attempt", attempt+1)
			select {
			case <-time.After(wait):
			case <-ctx.Done():
			}
			if err := r.Request.Retry(); err == nil {
				return
			}
		}
		reason := err.Error()
		switch {
		case timeout:
			reason = fmt.Sprintf("timed out after %s", opts.Timeout)
		case r.StatusCode > 0:
			reason = fmt.Sprintf("HTTP %d %s", r.StatusCode, http.StatusText(r.StatusCode))
		}
		if attempt > 0 {
			reason += fmt.Sprintf(" (after %d retries)", attempt)
		}
		problemAt(u, reason)
	})

	for _, u := range start {
		visit(u.String(), nil)
	}
	c.Wait()
	mu.Lock()
	defer mu.Unlock()
	res.Counts = w.Counts()
	status := store.StatusDone
	if ctx.Err() != nil {
		res.Interrupted = true
		status = store.StatusInterrupted
	}
	if writeErr != nil {
		status = store.StatusFailed
	}
	if err := w.Finish(context.WithoutCancel(ctx), status); err != nil && writeErr == nil {
		writeErr = err
	}
	if writeErr != nil {
		return res, fmt.Errorf("crawl: %w", writeErr)
	}
	if res.Interrupted {
		return res, ctx.Err()
	}
	return res, nil
}

// withHref makes a next-link selector read href when it names no attribute.
func withHref(sel string) string {
	if strings.Contains(sel, "@") {
		return sel
	}
	return sel + "@href"
}

// retryAfter reads a Retry-After header: seconds, or an HTTP date.
func retryAfter(v string, now time.Time) (time.Duration, bool) {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0, false
	}
	if n, err := strconv.ParseInt(v, 10, 64); err == nil && n >= 0 {
		if n > int64(math.MaxInt64/time.Second) {
			return time.Duration(math.MaxInt64), true // past any limit, not a wrapped negative
		}
		return time.Duration(n) * time.Second, true
	}
	if t, err := http.ParseTime(v); err == nil {
		return max(t.Sub(now), 0), true
	}
	return 0, false
}

// removeCached deletes colly's cache file for a URL, so that a retried
// 429 is fetched again rather than read back from the cache.
func removeCached(dir, u string) {
	os.Remove(cachePath(dir, u))
}

// cachePath is where colly keeps the cached response of a URL.
func cachePath(dir, u string) string {
	sum := sha1.Sum([]byte(u))
	h := hex.EncodeToString(sum[:])
	return filepath.Join(dir, h[:2], h)
}
