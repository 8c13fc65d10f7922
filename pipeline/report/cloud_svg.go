package report

import (
	"fmt"
	"html"
	"io"
	"math"
)

// Box is where a word of the cloud was drawn: its baseline start and
// size, in SVG user units.
type Box struct {
	Term          CloudTerm
	X, Y          float64 // left and top of the box
	Width, Height float64
	FontSize      float64
	Color         string
}

// Layout places the cloud's terms, heaviest first, on an Archimedean
// spiral from the centre of a width×height canvas; a term goes where its
// box overlaps no box already placed. Terms that find no place are left
// out (and reported by the caller through the returned slice's length).
func Layout(terms []CloudTerm, width, height float64) []Box {
	if len(terms) == 0 {
		return nil
	}
	maxW, minW := terms[0].Weight, terms[0].Weight
	for _, t := range terms {
		maxW = math.Max(maxW, t.Weight)
		minW = math.Min(minW, t.Weight)
	}
	var boxes []Box
	for _, t := range terms {
		scale := 1.0
		if maxW > minW {
			scale = math.Sqrt((t.Weight - minW) / (maxW - minW))
		}
		size := 13 + scale*(52-13)
		b := Box{Term: t, FontSize: math.Round(size*10) / 10, Color: leanColor(t.Lean)}
		// Width of the text: about 0.58 em a character in a sans-serif
		// face, plus a margin; height one em and a bit.
		b.Width = float64(len([]rune(t.Term)))*size*0.58 + 6
		b.Height = size*1.15 + 2
		placed := false
		for step := 0; step < 4000; step++ {
			a := 0.1 * float64(step)
			r := 2.2 * a
			cx := width/2 + r*math.Cos(a)*1.6 // wider than high, like the canvas
			cy := height/2 + r*math.Sin(a)
			b.X, b.Y = cx-b.Width/2, cy-b.Height/2
			if b.X < 2 || b.Y < 2 || b.X+b.Width > width-2 || b.Y+b.Height > height-2 {
				continue
			}
			if !overlapsAny(b, boxes) {
				placed = true
				break
			}
		}
		if placed {
			boxes = append(boxes, b)
		}
	}
	return boxes
}

func overlapsAny(b Box, boxes []Box) bool {
	for _, o := range boxes {
		if Overlap(b, o) {
			return true
		}
	}
	return false
}

// Overlap reports whether two boxes share any area.
func Overlap(a, b Box) bool {
	return a.X < b.X+b.Width && b.X < a.X+a.Width && a.Y < b.Y+b.Height && b.Y < a.Y+a.Height
}

// leanColor maps a term's lean from pain (-1, red) through neutral (0,
// grey) to gain (+1, green).
func leanColor(lean float64) string {
	red, grey, green := [3]float64{192, 57, 43}, [3]float64{110, 118, 125}, [3]float64{30, 132, 73}
	from, to, t := grey, green, lean
	if lean < 0 {
		from, to, t = grey, red, -lean
	}
	var c [3]int
	for i := range c {
		c[i] = int(math.Round(from[i] + (to[i]-from[i])*t))
	}
	return fmt.Sprintf("#%02x%02x%02x", c[0], c[1], c[2])
}

// WriteSVG draws the cloud as a standalone SVG image. Colour means the
// term's lean: red where it is used mostly in pain sentences, green in
// gain sentences, grey in between; size means weight.
func (r *CloudResult) WriteSVG(w io.Writer, width, height float64) (placed int, err error) {
	boxes := Layout(r.Terms, width, height)
	fmt.Fprintf(w, `<svg xmlns="http://www.w3.org/2000/svg" width="%g" height="%g" viewBox="0 0 %g %g" font-family="Helvetica, Arial, sans-serif">`+"\n", width, height+28, width, height+28)
	title := "Tag cloud: " + r.Selection
	if r.Category != "" && r.Category != "aspect" {
		title += ", " + r.Category + " sentences"
	}
	fmt.Fprintf(w, "<title>%s</title>\n<rect width=\"100%%\" height=\"100%%\" fill=\"#ffffff\"/>\n", html.EscapeString(title))
	for _, b := range boxes {
		fmt.Fprintf(w, `<text x="%.1f" y="%.1f" font-size="%.1f" fill="%s" text-anchor="middle" dominant-baseline="central"><title>%s: weight %g, %d here, %d elsewhere, %d in pains, %d in gains</title>%s</text>`+"\n",
			b.X+b.Width/2, b.Y+b.Height/2, b.FontSize, b.Color, html.EscapeString(b.Term.Term), b.Term.Weight, b.Term.Count, b.Term.Reference, b.Term.Pain, b.Term.Gain, html.EscapeString(b.Term.Term))
	}
	legend := fmt.Sprintf("%s · size: %s weight · colour: red = said in pains, green = in gains, grey = both or neither", html.EscapeString(title), r.Method)
	if r.Category == "aspect" {
		title = "Themes: " + r.Selection
		legend = fmt.Sprintf("%s · size: %s · colour: gain share less pain share of its mentions, red = mostly pains, green = mostly gains, grey = even", html.EscapeString(title), r.Method)
	}
	_, err = fmt.Fprintf(w, `<text x="8" y="%g" font-size="11" fill="#555">%s</text>`+"\n</svg>\n", height+18, legend)
	return len(boxes), err
}
