package provenance

import (
	"encoding/hex"
	"fmt"
	"image"
	"strconv"
	"strings"
)

// Region records where a perceivable label lies in a picture (or video
// frame) and what it looks like, so that a checker can find it in the
// content without knowing how it was drawn: the label's rectangle in
// stored pixels of an FW×FH picture, and for each cell of a grid over it
// the label's own luma (premultiplied by its opacity) and how much of
// whatever lies beneath still shows through. Any picture showing the
// label has, in every cell, a mean luma between the label's own and the
// label's own plus what shows through at full brightness.
type Region struct {
	Rect       image.Rectangle
	FW, FH     int
	Cols, Rows int
	// At is, for a video, the time in seconds of a frame that shows the
	// label; 0 for a picture.
	At    float64
	Luma  []uint8 // premultiplied label luma per cell, row by row
	Clear []uint8 // 255 × (1 − opacity) per cell
}

// maxCols bounds the grid: fine enough to see the text, coarse enough
// that re-encoding and rescaling barely move a cell's mean.
const maxCols = 24

// RegionOf measures a label patch (premultiplied RGBA, in stored pixels)
// drawn with its top-left corner at at in an fw×fh picture.
func RegionOf(patch *image.RGBA, at image.Point, fw, fh int) Region {
	b := patch.Bounds()
	r := Region{Rect: image.Rectangle{Min: at, Max: at.Add(b.Size())}, FW: fw, FH: fh}
	r.Cols = min(maxCols, b.Dx())
	r.Rows = max(1, min(b.Dy(), (r.Cols*b.Dy()+b.Dx()/2)/max(1, b.Dx())))
	for cy := range r.Rows {
		for cx := range r.Cols {
			cell := cellRect(b, r.Cols, r.Rows, cx, cy)
			l, a := meanLumaAlpha(patch, cell)
			r.Luma = append(r.Luma, uint8(l+0.5))
			r.Clear = append(r.Clear, uint8(255-a+0.5))
		}
	}
	return r
}

// cellRect is cell (cx, cy) of a cols×rows grid over b.
func cellRect(b image.Rectangle, cols, rows, cx, cy int) image.Rectangle {
	x0, x1 := b.Min.X+cx*b.Dx()/cols, b.Min.X+(cx+1)*b.Dx()/cols
	y0, y1 := b.Min.Y+cy*b.Dy()/rows, b.Min.Y+(cy+1)*b.Dy()/rows
	return image.Rect(x0, y0, max(x1, x0+1), max(y1, y0+1))
}

// meanLumaAlpha is a cell's mean luma (BT.601, of the premultiplied
// colour) and mean alpha, 0..255.
func meanLumaAlpha(m *image.RGBA, c image.Rectangle) (float64, float64) {
	var l, a float64
	n := 0
	for y := c.Min.Y; y < c.Max.Y; y++ {
		for x := c.Min.X; x < c.Max.X; x++ {
			p := m.PixOffset(x, y)
			px := m.Pix[p : p+4]
			l += 0.299*float64(px[0]) + 0.587*float64(px[1]) + 0.114*float64(px[2])
			a += float64(px[3])
			n++
		}
	}
	return l / float64(n), a / float64(n)
}

// matchTolerance is how far a cell's mean luma may stray from the bounds
// (lossy re-encoding, colour conversion, rescaling); misses is the share
// of cells allowed to stray further (a small watermark, a compression
// artefact on an edge).
const (
	matchTolerance = 14.0
	maxMisses      = 0.05
)

// Matches reports whether pic (stored pixels, possibly rescaled as a
// whole) shows the label where the region says, and if not, why.
func (r Region) Matches(pic image.Image) (bool, string) {
	pb := pic.Bounds()
	if r.FW <= 0 || r.FH <= 0 || r.Cols <= 0 || r.Rows <= 0 || len(r.Luma) != r.Cols*r.Rows || len(r.Clear) != len(r.Luma) {
		return false, "the record's label region is malformed"
	}
	sx, sy := float64(pb.Dx())/float64(r.FW), float64(pb.Dy())/float64(r.FH)
	if sx/sy > 1.02 || sy/sx > 1.02 {
		return false, fmt.Sprintf("the picture is %d×%d, the label was drawn on %d×%d: it was cropped or distorted", pb.Dx(), pb.Dy(), r.FW, r.FH)
	}
	at := image.Rect(int(float64(r.Rect.Min.X)*sx), int(float64(r.Rect.Min.Y)*sy),
		int(float64(r.Rect.Max.X)*sx+0.5), int(float64(r.Rect.Max.Y)*sy+0.5)).Add(pb.Min)
	if !at.In(pb) || at.Dx() < r.Cols || at.Dy() < r.Rows {
		return false, "the label's region is outside the picture"
	}
	misses := 0
	for cy := range r.Rows {
		for cx := range r.Cols {
			i := cy*r.Cols + cx
			l := meanLuma(pic, cellRect(at, r.Cols, r.Rows, cx, cy))
			lo, hi := float64(r.Luma[i])-matchTolerance, float64(r.Luma[i])+float64(r.Clear[i])+matchTolerance
			if l < lo || l > hi {
				misses++
			}
		}
	}
	if float64(misses) > maxMisses*float64(len(r.Luma)) {
		return false, fmt.Sprintf("%d of %d cells of the label's region do not look like the label", misses, len(r.Luma))
	}
	return true, ""
}

func meanLuma(m image.Image, c image.Rectangle) float64 {
	var l float64
	n := 0
	for y := c.Min.Y; y < c.Max.Y; y++ {
		for x := c.Min.X; x < c.Max.X; x++ {
			R, G, B, _ := m.At(x, y).RGBA()
			l += (0.299*float64(R) + 0.587*float64(G) + 0.114*float64(B)) / 257
			n++
		}
	}
	return l / float64(max(n, 1))
}

// String is the region's rectangle and picture size for XMP,
// "x,y,w,h/FWxFH", and for a video the frame's time, "@seconds".
func (r Region) String() string {
	s := fmt.Sprintf("%d,%d,%d,%d/%dx%d", r.Rect.Min.X, r.Rect.Min.Y, r.Rect.Dx(), r.Rect.Dy(), r.FW, r.FH)
	if r.At > 0 {
		s += "@" + strconv.FormatFloat(r.At, 'f', 3, 64)
	}
	return s
}

// Cells is the grid for XMP: "COLSxROWS:" then the luma and clear bytes
// in hex.
func (r Region) Cells() string {
	return fmt.Sprintf("%dx%d:%s", r.Cols, r.Rows, hex.EncodeToString(append(append([]byte{}, r.Luma...), r.Clear...)))
}

// ParseRegion reads a region from its two XMP fields.
func ParseRegion(rect, cells string) (Region, error) {
	var r Region
	var x, y, w, h int
	rect, at, timed := strings.Cut(rect, "@")
	if _, err := fmt.Sscanf(rect, "%d,%d,%d,%d/%dx%d", &x, &y, &w, &h, &r.FW, &r.FH); err != nil {
		return r, fmt.Errorf("label region %q: %w", rect, err)
	}
	if timed {
		var err error
		if r.At, err = strconv.ParseFloat(at, 64); err != nil || r.At < 0 {
			return r, fmt.Errorf("label region time %q is malformed", at)
		}
	}
	r.Rect = image.Rect(x, y, x+w, y+h)
	dims, data, ok := strings.Cut(cells, ":")
	c, rr, ok2 := strings.Cut(dims, "x")
	var err1, err2 error
	r.Cols, err1 = strconv.Atoi(c)
	r.Rows, err2 = strconv.Atoi(rr)
	b, err := hex.DecodeString(data)
	if !ok || !ok2 || err1 != nil || err2 != nil || err != nil || r.Cols <= 0 || r.Rows <= 0 || r.Cols*r.Rows > 1<<12 || len(b) != 2*r.Cols*r.Rows {
		return r, fmt.Errorf("label cells %q are malformed", cells)
	}
	r.Luma, r.Clear = b[:len(b)/2], b[len(b)/2:]
	return r, nil
}
