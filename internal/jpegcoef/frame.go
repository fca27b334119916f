package jpegcoef

import (
	"bytes"
	"encoding/binary"
	"strconv"

	"github.com/belgi-kz/belgi/internal/jpegenc"
)

// unzig maps a zigzag position to its natural (row-major) index.
var unzig = jpegenc.Zigzag()

// Frame is what the SOF segment declares, with the block geometry
// derived from it (T.81 A.1.1, A.2.4).
type Frame struct {
	Marker        byte // 0xC0 baseline, 0xC1 extended, 0xC2 progressive
	Width, Height int
	Comps         []Comp
	Hmax, Vmax    int
	MCUsX, MCUsY  int
}

// Progressive reports whether the frame is progressive (SOF2).
func (f *Frame) Progressive() bool { return f.Marker == 0xC2 }

// Comp is one frame component.
type Comp struct {
	ID     byte
	H, V   int
	Tq     int
	BW, BH int // blocks in the padded MCU grid: MCUs × factors
	BX, BY int // blocks that cover the component's plane
	// Q is the component's quantisation table in natural order, latched
	// when its first scan starts (later DQTs may reuse the slot).
	Q *[64]uint16
}

func (p *parser) parseSOF(m byte, b []byte) error {
	f := &p.f.Frame
	if f.Marker != 0 {
		return corrupt("more than one frame header")
	}
	if len(b) < 6 || len(b) != 6+3*int(b[5]) {
		return corrupt("bad SOF segment")
	}
	if b[0] != 8 {
		return unsupported(strconv.Itoa(int(b[0])) + "-bit samples")
	}
	f.Marker = m
	f.Height, f.Width = int(binary.BigEndian.Uint16(b[1:])), int(binary.BigEndian.Uint16(b[3:]))
	if f.Height == 0 {
		return unsupported(processName(0xDC))
	}
	n := int(b[5])
	if f.Width == 0 || (n != 1 && n != 3 && n != 4) {
		return corrupt("bad SOF segment: %d×%d, %d components", f.Width, f.Height, n)
	}
	if err := f.readComps(b[6:], n); err != nil {
		return err
	}
	f.layout()
	return nil
}

func (f *Frame) readComps(b []byte, n int) error {
	f.Comps = make([]Comp, n)
	for i := range f.Comps {
		c := &f.Comps[i]
		c.ID, c.H, c.V, c.Tq = b[3*i], int(b[3*i+1]>>4), int(b[3*i+1]&15), int(b[3*i+2])
		if c.H < 1 || c.H > 4 || c.V < 1 || c.V > 4 || c.Tq > 3 {
			return corrupt("bad SOF segment: sampling factor or table out of range")
		}
		for j := range i {
			if f.Comps[j].ID == c.ID {
				return corrupt("bad SOF segment: repeated component id")
			}
		}
		f.Hmax, f.Vmax = max(f.Hmax, c.H), max(f.Vmax, c.V)
	}
	return nil
}

// layout derives the MCU grid and each component's block counts.
func (f *Frame) layout() {
	f.MCUsX, f.MCUsY = ceilDiv(f.Width, 8*f.Hmax), ceilDiv(f.Height, 8*f.Vmax)
	for i := range f.Comps {
		c := &f.Comps[i]
		c.BW, c.BH = f.MCUsX*c.H, f.MCUsY*c.V
		c.BX = ceilDiv(ceilDiv(f.Width*c.H, f.Hmax), 8)
		c.BY = ceilDiv(ceilDiv(f.Height*c.V, f.Vmax), 8)
	}
}

// Blocks is the number of blocks in the padded MCU grid of every
// component together.
func (f *Frame) Blocks() int {
	n := 0
	for _, c := range f.Comps {
		n += c.BW * c.BH
	}
	return n
}

func ceilDiv(a, b int) int { return (a + b - 1) / b }

// Colour is what APP0 and APP14 say about how components map to colour.
type Colour struct {
	JFIF      bool
	Adobe     bool
	Transform byte // APP14's transform: 0 none (RGB, CMYK), 1 YCbCr, 2 YCCK
}

func (c *Colour) parseApp(m byte, b []byte) {
	switch {
	case m == 0xE0 && bytes.HasPrefix(b, []byte("JFIF\x00")):
		c.JFIF = true
	case m == 0xEE && len(b) >= 12 && bytes.HasPrefix(b, []byte("Adobe")) && !c.Adobe:
		c.Adobe, c.Transform = true, b[11]
	}
}
