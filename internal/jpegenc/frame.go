package jpegenc

import (
	"errors"
	"fmt"
)

// Component is one plane of samples at its own resolution. Its size is not
// stored: T.81 A.1.1 fixes it from the frame size and the sampling factors
// (see Frame.PlaneSize), and Pix must cover at least that many samples.
type Component struct {
	ID     byte   // component identifier written to SOF and SOS, as in the source
	H, V   int    // horizontal and vertical sampling factors, 1..4
	Tq     int    // quantization table selector, 0..3
	Pix    []byte // samples, row-major, starting at the plane's top-left sample
	Stride int    // distance in bytes between vertically adjacent samples
}

// Frame is everything the encoder needs for one image.
type Frame struct {
	Width, Height int // image size in full-resolution pixels, 1..65535
	Components    []Component

	// Quant holds the quantization tables in natural (row-major) order,
	// indexed by Component.Tq. Entries above 255 are written as 16-bit
	// tables under SOF1, since baseline allows only 8-bit tables.
	Quant [4]*[64]uint16

	// RestartInterval, if positive, puts an RSTn marker every that many
	// MCUs, which lets damaged files resync. Zero writes no DRI.
	RestartInterval int
}

// maxBlocksPerMCU is T.81 B.2.3's limit for an interleaved scan.
const maxBlocksPerMCU = 10

// PlaneSize returns the size in samples of component i's plane, T.81 A.1.1:
// ceil(Width × H / Hmax) by ceil(Height × V / Vmax).
func (f *Frame) PlaneSize(i int) (w, h int) {
	hmax, vmax := f.maxFactors()
	c := &f.Components[i]
	return ceilDiv(f.Width*c.H, hmax), ceilDiv(f.Height*c.V, vmax)
}

func (f *Frame) maxFactors() (hmax, vmax int) {
	for _, c := range f.Components {
		hmax, vmax = max(hmax, c.H), max(vmax, c.V)
	}
	return hmax, vmax
}

func ceilDiv(a, b int) int { return (a + b - 1) / b }

// validate reports the first reason f cannot be encoded, naming the
// component so a caller building frames from odd sources can see why.
func (f *Frame) validate() error {
	if f.Width < 1 || f.Height < 1 || f.Width > 65535 || f.Height > 65535 {
		return fmt.Errorf("jpegenc: image size %dx%d out of range 1..65535", f.Width, f.Height)
	}
	if n := len(f.Components); n < 1 || n > 4 {
		return fmt.Errorf("jpegenc: %d components, want 1..4", n)
	}
	if f.RestartInterval < 0 || f.RestartInterval > 65535 {
		return fmt.Errorf("jpegenc: restart interval %d out of range 0..65535", f.RestartInterval)
	}
	seen := map[byte]bool{}
	for i := range f.Components {
		c := &f.Components[i]
		if seen[c.ID] {
			return fmt.Errorf("jpegenc: duplicate component ID %d", c.ID)
		}
		seen[c.ID] = true
		if err := f.validateComponent(i); err != nil {
			return fmt.Errorf("jpegenc: component %d (ID %d): %w", i, c.ID, err)
		}
	}
	return nil
}

func (f *Frame) validateComponent(i int) error {
	c := &f.Components[i]
	if c.H < 1 || c.H > 4 || c.V < 1 || c.V > 4 {
		return fmt.Errorf("sampling factors %dx%d out of range 1..4", c.H, c.V)
	}
	if c.Tq < 0 || c.Tq > 3 || f.Quant[c.Tq] == nil {
		return fmt.Errorf("no quantization table %d", c.Tq)
	}
	for _, q := range f.Quant[c.Tq] {
		if q == 0 {
			return errors.New("quantization table has a zero entry")
		}
	}
	w, h := f.PlaneSize(i)
	if c.Stride < w || len(c.Pix) < (h-1)*c.Stride+w {
		return fmt.Errorf("plane needs %dx%d samples, have %d bytes at stride %d", w, h, len(c.Pix), c.Stride)
	}
	return nil
}

// normalizedFactors divides every component's sampling factors by their
// common divisor (a lone component becomes 1×1). Plane sizes depend only
// on the ratios, so the image is unchanged, but decoders that know only
// the common layouts (image/jpeg among them) can then read the file.
func normalizedFactors(comps []Component) (hs, vs []int) {
	gh, gv := 0, 0
	for _, c := range comps {
		gh, gv = gcd(gh, c.H), gcd(gv, c.V)
	}
	for _, c := range comps {
		hs, vs = append(hs, c.H/gh), append(vs, c.V/gv)
	}
	return hs, vs
}

func gcd(a, b int) int {
	for b != 0 {
		a, b = b, a%b
	}
	return a
}

// checkMCU enforces the interleaved-scan limit on normalized factors.
func checkMCU(hs, vs []int) error {
	if len(hs) == 1 {
		return nil
	}
	n := 0
	for i := range hs {
		n += hs[i] * vs[i]
	}
	if n > maxBlocksPerMCU {
		return fmt.Errorf("jpegenc: %d blocks per MCU, baseline allows %d", n, maxBlocksPerMCU)
	}
	return nil
}
