package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"jobminer/pipeline/collect"
	"jobminer/pipeline/store"
)

func init() {
	register(command{name: "crawl", summary: "crawl review pages and comment threads (schema.org data or a site profile) into the database", run: runCrawl})
}

func runCrawl(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("crawl", "crawl [flags] URL...", stderr)
	db := dbFlag(fs)
	profile := fs.String("profile", "", "site profile `file` (JSON, CSS selectors; see docs/CRAWLING.md); without one, schema.org Review data in JSON-LD and microdata is read")
	name := fs.String("source", "", "`name` of the document namespace used for de-duplication (default: the profile's name or the host)")
	maxPages := fs.Int("max-pages", 100, "fetch at most `N` pages")
	delay := fs.Duration("delay", time.Second, "wait this `long` between requests to one domain")
	parallel := fs.Int("parallel", 1, "requests in flight per domain")
	userAgent := fs.String("user-agent", collect.DefaultUserAgent, "User-Agent `header` to send")
	timeout := fs.Duration("timeout", 30*time.Second, "give up on a request after this `long`")
	retries := fs.Int("retries", 3, "retry a page this many `times` after 429, 5xx or a timeout, with doubling waits")
	cache := fs.String("cache", "", "keep fetched pages in this `directory`, so a crawl that is run again or resumed reads them from disk (default: DB.crawl-cache)")
	noCache := fs.Bool("no-cache", false, "fetch every page, keep nothing on disk")
	maxBody := fs.Int("max-body", 10<<20, "read at most this many `bytes` of a page")
	maxRetryAfter := fs.Duration("max-retry-after", 5*time.Minute, "honour a server's Retry-After up to this `duration`; longer is recorded as a problem")
	cacheAge := fs.Duration("cache-max-age", 6*time.Hour, "fetch again a cached page older than this `duration` (a later crawl sees new reviews)")
	allow := fs.String("allow", "", "comma-separated `domains` the crawl may visit (default: the start URLs' hosts)")
	ignoreRobots := fs.Bool("ignore-robots", false, "do not read robots.txt (only for sites you own)")
	quiet := fs.Bool("quiet", false, "no progress bar")
	urls, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(urls) == 0 {
		fs.Usage()
		return errUsage
	}
	opts := collect.CrawlOptions{Name: *name, MaxPages: *maxPages, Delay: *delay, Parallelism: *parallel, UserAgent: *userAgent,
		Timeout: *timeout, Retries: *retries, IgnoreRobots: *ignoreRobots}
	if *retries == 0 {
		opts.Retries = -1
	}
	if *profile != "" {
		if opts.Profile, err = collect.LoadProfile(*profile); err != nil {
			return err
		}
	}
	opts.MaxRetryAfter, opts.MaxBody = *maxRetryAfter, *maxBody
	if !*noCache {
		opts.CacheDir = *cache
		opts.CacheMaxAge = *cacheAge
		if *cacheAge <= 0 {
			opts.CacheMaxAge = time.Nanosecond // 0: every page is fetched again (the cache still resumes nothing)
		}
		if opts.CacheDir == "" {
			opts.CacheDir = *db + ".crawl-cache"
		}
	}
	for _, d := range strings.Split(*allow, ",") {
		if d = strings.TrimSpace(d); d != "" {
			opts.AllowedDomains = append(opts.AllowedDomains, d)
		}
	}
	st, err := store.Open(*db)
	if err != nil {
		return err
	}
	defer st.Close()
	bar := newBar(showProgress(*quiet, stdout, stderr), int64(*maxPages), "crawling", false, stderr)
	pages := 0
	opts.Progress = func(r collect.CrawlResult) {
		if bar == nil {
			return
		}
		bar.Describe(fmt.Sprintf("pages %d, found %d, problems %d", r.Pages, r.Found, r.Problems))
		barAdd(bar, int64(r.Pages-pages))
		pages = r.Pages
	}
	res, err := collect.Crawl(ctx, st, urls, opts)
	barFinish(bar)
	fmt.Fprintf(stdout, "crawl: %s\n", res.Summary())
	printReasons(stdout, res.Reasons, res.Examples)
	if err != nil {
		if res.Interrupted || errors.Is(err, context.Canceled) {
			fmt.Fprintf(stderr, "interrupted: what was found is stored; run the same crawl again to go on (fetched pages come from the cache)\n")
		}
		return err
	}
	if res.Problems > 0 {
		fmt.Fprintf(stdout, "problems are listed by: jobminer stats --db %s --problems 20\n", *db)
	}
	if res.Found == 0 {
		// Nothing fetched or nothing on the pages: not a success.
		return fmt.Errorf("%d pages fetched, no reviews or comments found on them", res.Pages)
	}
	return nil
}
