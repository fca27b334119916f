package render

import (
	"errors"
	"fmt"
	"image"
	"math"
	"strings"

	"github.com/belgi-kz/belgi/labeler"
	"golang.org/x/image/font"
)

// Legibility floors, in pixels: a cap height under minCap is hard to read
// on any screen, and under tinyCap nothing is readable at all.
const (
	minCap  = 7.0
	tinyCap = 4.0
)

// Layout is a planned label inside a frame of displayed pixels.
type Layout struct {
	Frame image.Point     // displayed frame size
	Rect  image.Rectangle // the box, in displayed coordinates
	Cap   float64         // cap height of the text, pixels
	// Style is the style drawn: the spec's, or StyleMark when only the
	// mark fitted a tiny frame.
	Style labeler.Style
	// Lines is the text: the wrapped notice (full, custom), or the words
	// beside the chip, one row per language (compact).
	Lines []string
	// Marks are the chip's rows in the compact and mark styles: one
	// acronym per row (ЖИ, ИИ), or the joined mark (ЖИ/ИИ) alone.
	Marks []string
	// Person is the real-person statement under the compact rows.
	Person   []string
	Mark     string // the chip of the full and custom styles; "" for none
	MarkOnly bool   // the frame is too small for words: the mark alone
	Reduced  bool   // text is smaller than the spec asked, to fit
	spec     labeler.Spec
	markText string // the mark style's chip; "" for the spec's joint mark
	metrics  metrics
	compact  compactMetrics
}

// metrics are the derived lengths of a full or custom layout at one cap
// height.
type metrics struct {
	pad, gap, lineH, ascent float64
	chipW                   float64
	textW                   float64
}

// ErrTooSmall is returned for frames too small to carry a readable label.
var ErrTooSmall = errors.New("too small for a readable label")

// Plan lays the spec's label out in a w×h displayed frame: it wraps the
// lines to fit inside the margins, shrinks the text only when it cannot
// fit otherwise, and falls back to the mark alone on tiny frames.
func Plan(spec labeler.Spec, w, h int) (Layout, error) {
	if w <= 0 || h <= 0 {
		return Layout{}, fmt.Errorf("render: empty frame %d×%d", w, h)
	}
	short := float64(min(w, h))
	margin := math.Max(1, math.Round(spec.Margin/100*short))
	maxW, maxH := float64(w)-2*margin, float64(h)-2*margin
	want := math.Max(spec.Size/100*short, minCap)
	l := Layout{Frame: image.Pt(w, h), spec: spec, Style: spec.Style}
	if l.Style == "" {
		l.Style = labeler.StyleCompact
	}
	ok, err := l.fitShrinking(want, math.Min(want, minCap), maxW, maxH)
	if err != nil {
		return l, err
	}
	if !ok {
		if ok, err = l.fitMarkOnly(want, maxW, maxH); err != nil || !ok {
			return l, fmt.Errorf("render: a %d×%d frame is %w", w, h, ErrTooSmall)
		}
	}
	if err := l.growToArea(maxW, maxH); err != nil {
		return l, err
	}
	l.Reduced = l.Cap < want-0.01
	l.place(margin)
	return l, nil
}

// fitMarkOnly is the last resort for tiny frames: the joint mark
// ("ЖИ/ИИ"), then the first language's mark alone.
func (l *Layout) fitMarkOnly(want, maxW, maxH float64) (bool, error) {
	l.MarkOnly, l.Style = true, labeler.StyleMark
	marks := []string{l.spec.Mark()}
	if len(l.spec.Langs) > 1 {
		first := l.spec
		first.Langs = l.spec.Langs[:1]
		marks = append(marks, first.Mark())
	}
	for _, m := range marks {
		l.markText = m
		if ok, err := l.fitShrinking(want, tinyCap, maxW, maxH); err != nil || ok {
			return ok, err
		}
	}
	return false, nil
}

// fitShrinking tries cap heights from want down to floor.
func (l *Layout) fitShrinking(want, floor, maxW, maxH float64) (bool, error) {
	for c := want; c >= floor-1e-9; c = math.Min(c*0.94, c-0.25) {
		ok, err := l.fitAt(c, maxW, maxH)
		if err != nil || ok {
			return ok, err
		}
	}
	return false, nil
}

// fitAt lays the label out at cap height c and reports whether it fits.
func (l *Layout) fitAt(c, maxW, maxH float64) (bool, error) {
	switch l.Style {
	case labeler.StyleCompact, labeler.StyleMark:
		return l.fitCompact(c, maxW, maxH)
	case labeler.StyleCustom:
		return l.fit(l.spec.CustomLines(), c, maxW, maxH)
	}
	return l.fit(l.spec.Lines(), c, maxW, maxH)
}

// growToArea enlarges the text until the box covers the profile's minimum
// share of the frame (the in-eci profile's 10 %).
func (l *Layout) growToArea(maxW, maxH float64) error {
	p, err := labeler.LookupProfile(l.spec.Profile)
	if err != nil || p.MinArea <= 0 || l.MarkOnly {
		return err
	}
	target := p.MinArea / 100 * float64(l.Frame.X*l.Frame.Y)
	for l.boxArea() < target {
		prev := *l
		if ok, err := l.fitAt(l.Cap*1.06, maxW, maxH); err != nil || !ok {
			*l = prev
			return fmt.Errorf("render: profile %s needs the label to cover %g%% of the frame, which does not fit", p.Name, p.MinArea)
		}
	}
	return nil
}

func (l *Layout) boxArea() float64 {
	w, h := l.size()
	return w * h
}

// Area is the share of the frame the label's box covers, in percent.
func (l Layout) Area() float64 {
	return 100 * float64(l.Rect.Dx()*l.Rect.Dy()) / float64(l.Frame.X*l.Frame.Y)
}

// fit wraps lines at cap height c and reports whether the box fits.
func (l *Layout) fit(lines []string, c, maxW, maxH float64) (bool, error) {
	face, err := noto.face(c)
	if err != nil {
		return false, err
	}
	defer face.Close()
	m := metrics{pad: math.Round(c * 0.6), gap: math.Round(c * 0.7)}
	fm := face.Metrics()
	m.ascent = float64(fm.Ascent) / 64
	// 1.22 em: room for Й above and щ below, tighter than the font's
	// own 1.36 so a multi-line label stays compact.
	m.lineH = math.Ceil(c / noto.capRatio * 1.22)
	m.ascent += (m.lineH - float64(fm.Height)/64) / 2
	if l.spec.ShowMark {
		l.Mark = l.spec.Mark()
		m.chipW = textWidth(face, l.Mark) + 2*math.Round(c*0.45)
	}
	avail := maxW - 2*m.pad
	indent := m.chipW
	if m.chipW > 0 && len(lines) > 0 {
		indent += m.gap
	}
	if len(lines) == 0 && m.chipW > avail {
		return false, nil
	}
	wrapped, widest, ok := wrap(face, lines, avail, indent)
	if !ok {
		return false, nil
	}
	m.textW = math.Max(widest, m.chipW)
	l.Cap, l.Lines, l.metrics = c, wrapped, m
	w, h := l.size()
	return w <= maxW && h <= maxH, nil
}

// size is the box's width and height for the current metrics. In the
// full and custom styles the chip sits at the start of the first line,
// and the text wraps around it.
func (l *Layout) size() (float64, float64) {
	if l.isCompact() {
		return l.compact.size()
	}
	m := l.metrics
	rows := max(len(l.Lines), 1)
	return math.Ceil(2*m.pad + m.textW), math.Ceil(2*m.pad + float64(rows)*m.lineH)
}

// place puts the box at the spec's anchor.
func (l *Layout) place(margin float64) {
	w, h := l.size()
	col, row := l.spec.Position.Grid()
	x := anchor(col, float64(l.Frame.X), w, margin)
	y := anchor(row, float64(l.Frame.Y), h, margin)
	l.Rect = image.Rect(int(x), int(y), int(x+w), int(y+h))
}

func anchor(i int, frame, size, margin float64) float64 {
	switch i {
	case 0:
		return margin
	case 1:
		return math.Round((frame - size) / 2)
	}
	return frame - margin - size
}

// wrap breaks each line at spaces so that none is wider than avail; the
// very first line starts indent pixels in (after the chip). It fails when
// a single word does not fit. It returns the widest line's extent,
// counting the indent.
func wrap(face font.Face, lines []string, avail, indent float64) ([]string, float64, bool) {
	var out []string
	widest := 0.0
	space := textWidth(face, " ")
	start := indent
	for _, line := range lines {
		cur, curW := "", start
		for _, word := range strings.Fields(line) {
			ww := textWidth(face, word)
			if cur != "" && curW+space+ww <= avail {
				cur, curW = cur+" "+word, curW+space+ww
				continue
			}
			if cur != "" {
				out, widest = append(out, cur), math.Max(widest, curW)
				curW = 0
			}
			if curW+ww > avail {
				return nil, 0, false
			}
			cur, curW = word, curW+ww
		}
		if cur != "" {
			out, widest = append(out, cur), math.Max(widest, curW)
		}
		start = 0
	}
	return out, widest, true
}

func textWidth(face font.Face, s string) float64 {
	return float64(font.MeasureString(face, s)) / 64
}

// Scaled returns the same label for a frame scaled by f (a preview of a
// large photo): identical line breaks, every length multiplied by f. The
// legibility floors do not apply, so the preview shows exactly what the
// full-size output will show, only smaller.
func (l Layout) Scaled(f float64) Layout {
	s := l
	s.Frame = image.Pt(int(math.Round(float64(l.Frame.X)*f)), int(math.Round(float64(l.Frame.Y)*f)))
	s.Cap = l.Cap * f
	m := &s.metrics
	m.pad, m.gap, m.lineH, m.ascent = m.pad*f, m.gap*f, m.lineH*f, m.ascent*f
	m.chipW, m.textW = m.chipW*f, m.textW*f
	s.compact = l.compact.scaled(f)
	w, h := s.size()
	x, y := math.Round(float64(l.Rect.Min.X)*f), math.Round(float64(l.Rect.Min.Y)*f)
	s.Rect = image.Rect(int(x), int(y), int(x+w), int(y+h))
	return s
}

// FitWithin scales w×h down, keeping the aspect, to at most limit on the
// longer side; a limit ≤ 0 or a picture already small enough is kept.
func FitWithin(w, h, limit int) (int, int) {
	if limit <= 0 || (w <= limit && h <= limit) {
		return w, h
	}
	if w >= h {
		return limit, max(1, h*limit/w)
	}
	return max(1, w*limit/h), limit
}

// Notes tells the person when the label had to be adapted to a small
// picture or frame; nil when it was drawn as asked.
func (l Layout) Notes() []string {
	switch {
	case l.MarkOnly:
		return []string{"the picture is too small for the wording: only the mark " + strings.Join(l.Marks, "/") + " is shown"}
	case l.Reduced:
		return []string{fmt.Sprintf("label text reduced to %.0f px cap height to fit the picture", l.Cap)}
	}
	return nil
}
