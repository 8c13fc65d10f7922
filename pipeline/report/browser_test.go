package report

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// chromium finds a headless-capable Chromium: $JOBMINER_CHROMIUM, or
// Debian's chromium on the PATH. CI installs it (.ci/run).
func chromium(t *testing.T) string {
	if p := os.Getenv("JOBMINER_CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	t.Skip("no Chromium found (apt-get install chromium, or set JOBMINER_CHROMIUM)")
	return ""
}

// renderedDOM writes a page (by write) into a temporary file, loads it in
// headless Chromium and returns the DOM the browser built, with the
// page's path and the browser flags (for a screenshot of it).
func renderedDOM(t *testing.T, bin, name string, write func(io.Writer) error) (dom, page string, flags []string) {
	t.Helper()
	dir := t.TempDir()
	page = filepath.Join(dir, name)
	f, err := os.Create(page)
	if err != nil {
		t.Fatal(err)
	}
	if err := write(f); err != nil {
		t.Fatal(err)
	}
	f.Close()
	flags = []string{"--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
		"--no-first-run", "--user-data-dir=" + filepath.Join(dir, "profile")}
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	out, err := exec.CommandContext(ctx, bin, append(flags, "--dump-dom", "file://"+page)...).Output()
	if err != nil {
		t.Fatalf("chromium: %v", err)
	}
	return string(out), page, flags
}

// TestCanvasRendersInChromium loads the HTML canvas of the sample data in
// headless Chromium and checks the DOM the browser built: the four
// sections, the role, quotes with their review ids, and no external
// resource. With JOBMINER_SCREENSHOT=path it also saves a screenshot (the
// one in docs/ was taken this way).
func TestCanvasRendersInChromium(t *testing.T) {
	bin := chromium(t)
	st, c := sampleStore(t)
	cv, err := BuildCanvas(context.Background(), st.DB(), c, Filter{Products: []string{"B0SLEEP001"}}, CanvasOptions{})
	if err != nil {
		t.Fatal(err)
	}
	dom, page, flags := renderedDOM(t, bin, "canvas.html", cv.WriteHTML)
	// The journey picture: a curve through a point per stage.
	if got := strings.Count(dom, `<g class="stage"`); got != len(cv.Journey) || !strings.Contains(dom, `class="feeling"`) {
		t.Errorf("journey picture: %d stages drawn, the canvas has %d", got, len(cv.Journey))
	}
	for _, want := range []string{"<h2>Customer</h2>", "<h2>Switching</h2>", "<h2>Job</h2>", "<h2>Outcome</h2>", "<h2>Role</h2>", cv.Conclusions["customer"],
		"Main axis: <strong>" + cv.Role.Main + "</strong>", cv.Customer.MainQuote.DocumentID, "B0SLEEP001"} {
		if !strings.Contains(dom, want) {
			t.Errorf("the page Chromium rendered lacks %q", want)
		}
	}
	// The browser's DOM has as many quotes as the canvas holds.
	want := len(cv.Customer.Pains) + len(cv.Customer.Gains) + 1
	for _, d := range cv.Outcomes {
		want += len(d.Quotes)
	}
	for _, s := range cv.Journey {
		for _, q := range []*Quote{s.TopPain, s.TopGain, s.Opportunity} {
			if q != nil {
				want++
			}
		}
	}
	for _, fc := range cv.Switching {
		if fc.Quote != nil {
			want++
		}
	}
	for _, th := range cv.Customer.PainThemes {
		if th.PainQuote != nil {
			want++
		}
	}
	for _, th := range cv.Customer.GainThemes {
		if th.GainQuote != nil {
			want++
		}
	}
	if len(cv.Customer.PainThemes)+len(cv.Customer.GainThemes) == 0 || !strings.Contains(dom, "What the pains are about") {
		t.Errorf("no themes on the canvas: %d pain, %d gain themes", len(cv.Customer.PainThemes), len(cv.Customer.GainThemes))
	}
	if got := strings.Count(dom, "<blockquote"); got != want {
		t.Errorf("%d quotes rendered, the canvas has %d", got, want)
	}
	if shot := os.Getenv("JOBMINER_SCREENSHOT"); shot != "" {
		ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
		defer cancel()
		if out, err := exec.CommandContext(ctx, bin, append(flags, "--hide-scrollbars", "--window-size=1400,1800", "--screenshot="+shot, "file://"+page)...).CombinedOutput(); err != nil {
			t.Errorf("screenshot: %v %s", err, out)
		}
	}
}

// TestCanvasFitsAt1280 renders a canvas whose quotes carry a very long
// review id and URL in Chromium at 1280 px and checks that nothing sticks
// out of the page (no horizontal scroll).
func TestCanvasFitsAt1280(t *testing.T) {
	bin := chromium(t)
	st, c := sampleStore(t)
	cv, err := BuildCanvas(context.Background(), st.DB(), c, Filter{}, CanvasOptions{})
	if err != nil {
		t.Fatal(err)
	}
	long := strings.Repeat("AE02E74F10E0327AD868D138F2B4", 6) + "|B0MUG0000X|1662087603321"
	for i := range cv.Customer.Pains {
		cv.Customer.Pains[i].DocumentID = long
		cv.Customer.Pains[i].URL = "https://shop.example/reviews/" + long
	}
	dir := t.TempDir()
	page := filepath.Join(dir, "canvas.html")
	var buf strings.Builder
	if err := cv.WriteHTML(&buf); err != nil {
		t.Fatal(err)
	}
	// A probe for the test only: the page's scroll width, written into the DOM.
	html := strings.Replace(buf.String(), "</body>", `<script>document.body.setAttribute("data-scroll-width", document.documentElement.scrollWidth)</script></body>`, 1)
	if err := os.WriteFile(page, []byte(html), 0o644); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	flags := []string{"--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
		"--no-first-run", "--hide-scrollbars", "--window-size=1280,900", "--user-data-dir=" + filepath.Join(dir, "profile")}
	out, err := exec.CommandContext(ctx, bin, append(flags, "--dump-dom", "file://"+page)...).Output()
	if err != nil {
		t.Fatalf("chromium: %v", err)
	}
	dom := string(out)
	i := strings.Index(dom, `data-scroll-width="`)
	if i < 0 {
		t.Fatal("the probe did not run")
	}
	var width int
	fmt.Sscanf(dom[i+len(`data-scroll-width="`):], "%d", &width)
	if width == 0 || width > 1280 {
		t.Errorf("the page is %d px wide at a 1280 px window: something overflows", width)
	}
}

// TestCompareRendersInChromium loads the comparison of the two real
// tablets in headless Chromium and checks the DOM it built: a row per
// theme, a cell per product in each, and the products named.
func TestCompareRendersInChromium(t *testing.T) {
	bin := chromium(t)
	st, c := analyzedStore(t, tabletsExcerpt, "")
	cmp, err := Compare(context.Background(), st.DB(), c, Filter{Products: tabletProducts}, CompareOptions{N: 8})
	if err != nil {
		t.Fatal(err)
	}
	dom, _, _ := renderedDOM(t, bin, "compare.html", cmp.WriteHTML)
	if got := strings.Count(dom, `<tr class="theme">`); got != len(cmp.Themes) {
		t.Errorf("%d theme rows rendered, the comparison has %d", got, len(cmp.Themes))
	}
	if got := strings.Count(dom, `<td class="cell"`); got != len(cmp.Themes)*len(tabletProducts) {
		t.Errorf("%d cells rendered, want %d", got, len(cmp.Themes)*len(tabletProducts))
	}
	for _, want := range append(slices.Clone(tabletProducts), "<h2>Where they differ</h2>", cellText(cmp.Themes[0].Cells[1])) {
		if !strings.Contains(dom, want) {
			t.Errorf("the page Chromium rendered lacks %q", want)
		}
	}
}
