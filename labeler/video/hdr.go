package video

import (
	"fmt"
	"image"
	"math"
	"sync"

	"github.com/belgi-kz/belgi/internal/ffmpeg"
	"github.com/belgi-kz/belgi/labeler/render"
)

// HDR video carries light levels, not SDR code values. Drawn with its
// sRGB codes, the badge's white was the format's top code: 10 000 cd/m² in
// PQ (HDR10, Dolby Vision), the HLG peak in HLG (iPhones, broadcast) —
// far brighter than the picture's own whites, and on an SDR screen's tone
// mapping a glaring block. ITU-R BT.2408 puts graphics white at 203 cd/m²:
// PQ code 0.58, HLG code 0.75. hdrRecode takes the badge (and the slate)
// there: sRGB to linear light, BT.709 to BT.2020 primaries, white to
// 203 cd/m², then the source's curve.

// transfer is a video's transfer characteristic, as far as the badge cares.
type transfer int

const (
	sdr transfer = iota
	pq
	hlg
)

func transferOf(st ffmpeg.Stream) transfer {
	switch st.ColorTransfer {
	case "smpte2084":
		return pq
	case "arib-std-b67":
		return hlg
	}
	return sdr
}

// graphicsWhite is BT.2408's reference white, cd/m².
const graphicsWhite = 203

// encode is the transfer's curve from linear light (1 = graphics white)
// to a code value 0..1.
func (t transfer) encode(l float64) float64 {
	l = max(l, 0)
	if t == pq { // SMPTE ST 2084
		const m1, m2, c1, c2, c3 = 0.1593017578125, 78.84375, 0.8359375, 18.8515625, 18.6875
		y := math.Pow(min(l*graphicsWhite/10000, 1), m1)
		return math.Pow((c1+c2*y)/(1+c3*y), m2)
	}
	// ARIB STD-B67, scene light scaled so that white codes as 0.75
	e := min(l*hlgWhite, 1)
	if e <= 1.0/12 {
		return math.Sqrt(3 * e)
	}
	return hlgA*math.Log(12*e-hlgB) + hlgC
}

const hlgA, hlgB, hlgC = 0.17883277, 0.28466892, 0.55991073

// hlgWhite is the scene light HLG codes as 0.75.
var hlgWhite = (math.Exp((0.75-hlgC)/hlgA) + hlgB) / 12

// to2020 turns linear BT.709 RGB into BT.2020 (ITU-R BT.2087).
var to2020 = [3][3]float64{
	{0.6274, 0.3293, 0.0433},
	{0.0691, 0.9195, 0.0114},
	{0.0164, 0.0880, 0.8956},
}

// lutSize is the linear-light steps of a curve's table: 2^16 steps of
// 203 cd/m² are 0.003 cd/m² each, finer than 10-bit PQ near black.
const lutSize = 1 << 16

// luts are the curves as tables from linear light to a 16-bit code,
// each made the first time an HDR video needs it.
var luts = map[transfer]func() *[lutSize + 1]uint16{pq: lutOf(pq), hlg: lutOf(hlg)}

func lutOf(t transfer) func() *[lutSize + 1]uint16 {
	return sync.OnceValue(func() *[lutSize + 1]uint16 {
		var tab [lutSize + 1]uint16
		for i := range tab {
			tab[i] = uint16(math.Round(t.encode(float64(i)/lutSize) * 0xFFFF))
		}
		return &tab
	})
}

// hdrRecode re-codes an sRGB picture for the source's transfer and
// primaries, as 16-bit premultiplied RGBA; SDR sources get nil.
func hdrRecode(pic *image.RGBA, st ffmpeg.Stream) *image.RGBA64 {
	t := transferOf(st)
	if t == sdr {
		return nil
	}
	wide := st.ColorPrims == "bt2020"
	tab := luts[t]()
	lin := render.SRGBLinear
	b := pic.Bounds()
	out := image.NewRGBA64(b)
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			i := pic.PixOffset(x, y)
			p := pic.Pix[i : i+4 : i+4]
			a := p[3]
			if a == 0 {
				continue
			}
			// Un-premultiply, re-code, premultiply again.
			rgb := [3]float64{lin(unpremul(p[0], a)), lin(unpremul(p[1], a)), lin(unpremul(p[2], a))}
			if wide {
				rgb = mul(to2020, rgb)
			}
			o := out.PixOffset(x, y)
			a16 := uint32(a) * 0x101
			for k, l := range rgb {
				c := uint32(tab[int(min(max(l, 0), 1)*lutSize+0.5)]) * a16 / 0xFFFF
				out.Pix[o+2*k], out.Pix[o+2*k+1] = uint8(c>>8), uint8(c)
			}
			out.Pix[o+6], out.Pix[o+7] = a, a
		}
	}
	return out
}

func unpremul(c, a uint8) uint8 {
	if a == 0xFF {
		return c
	}
	return uint8(min(255, (uint32(c)*255+uint32(a)/2)/uint32(a)))
}

func mul(m [3][3]float64, v [3]float64) [3]float64 {
	var r [3]float64
	for i := range 3 {
		r[i] = m[i][0]*v[0] + m[i][1]*v[1] + m[i][2]*v[2]
	}
	return r
}

// to8 is a 16-bit picture at 8 bits: the badge as a decoder of the HDR
// frames shows its codes, which the record for `check` describes.
func to8(pic *image.RGBA64) *image.RGBA {
	out := image.NewRGBA(pic.Bounds())
	for i := range out.Pix {
		out.Pix[i] = pic.Pix[2*i]
	}
	return out
}

// dolbyVision reads a stream's Dolby Vision configuration: its profile
// and what its base layer is compatible with (0 none, 1 HDR10, 2 SDR,
// 4 HLG, 6 Blu-ray HDR10).
func dolbyVision(st ffmpeg.Stream) (profile, compat int, ok bool) {
	for _, sd := range st.SideData {
		if sd["side_data_type"] != "DOVI configuration record" {
			continue
		}
		p, _ := sd["dv_profile"].(float64)
		c, _ := sd["dv_bl_signal_compatibility_id"].(float64)
		return int(p), int(c), true
	}
	return 0, 0, false
}

// withoutBase refuses Dolby Vision with no compatible base layer (profile
// 5): its pixels are coded in Dolby's own colour space, which only its
// metadata, lost in a re-encode, turns into colours. Labeled, the copy
// would show green and purple.
func withoutBase(st ffmpeg.Stream) error {
	if p, compat, ok := dolbyVision(st); ok && compat == 0 {
		return fmt.Errorf("video: the picture is Dolby Vision profile %d, whose colours only a Dolby Vision player can show, "+
			"and a re-encode loses what it needs; export an HDR10, HLG or SDR version from its source and label that", p)
	}
	return nil
}

// hdrNotes tells an editor what became of the picture's HDR: the badge's
// level, and Dolby Vision metadata a re-encode does not carry.
func hdrNotes(st ffmpeg.Stream) []string {
	var notes []string
	switch transferOf(st) {
	case pq:
		notes = append(notes, "HDR (PQ): the badge's white is graphics white (203 cd/m², ITU-R BT.2408), as bright as the picture's own whites")
	case hlg:
		notes = append(notes, "HDR (HLG): the badge's white is graphics white (75 % HLG, ITU-R BT.2408), as bright as the picture's own whites")
	}
	if _, compat, ok := dolbyVision(st); ok {
		base := map[int]string{1: "HDR10", 2: "SDR", 4: "HLG", 6: "HDR10"}[compat]
		notes = append(notes, fmt.Sprintf("Dolby Vision metadata not carried: the labeled copy plays as its %s base", base))
	}
	return notes
}
