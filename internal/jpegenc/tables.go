package jpegenc

import (
	"errors"
	"fmt"
)

// zigzag maps a position in the zigzag scan to its natural (row-major)
// index. DQT segments and the entropy coder use zigzag order; Frame.Quant
// and the DCT use natural order, so every crossing goes through here.
var zigzag = makeZigzag()

// Zigzag returns the map from a zigzag position to its natural index,
// for packages that read coefficients in the order they are coded.
func Zigzag() [64]uint8 { return zigzag }

// makeZigzag walks the anti-diagonals of the 8×8 block, alternating
// direction, which is how T.81 Figure 5 defines the scan.
func makeZigzag() [64]uint8 {
	var z [64]uint8
	k := 0
	for s := range 15 {
		lo, hi := max(0, s-7), min(s, 7)
		for i := range hi - lo + 1 {
			row := hi - i // even diagonals run bottom-left to top-right
			if s%2 == 1 {
				row = lo + i
			}
			z[k] = uint8(row*8 + s - row)
			k++
		}
	}
	return z
}

// ijgLuma and ijgChroma are the example tables of T.81 Annex K.1 in natural
// order; libjpeg and image/jpeg scale them to make every "quality".
var ijgLuma = [64]uint16{
	16, 11, 10, 16, 24, 40, 51, 61,
	12, 12, 14, 19, 26, 58, 60, 55,
	14, 13, 16, 24, 40, 57, 69, 56,
	14, 17, 22, 29, 51, 87, 80, 62,
	18, 22, 37, 56, 68, 109, 103, 77,
	24, 35, 55, 64, 81, 104, 113, 92,
	49, 64, 78, 87, 103, 121, 120, 101,
	72, 92, 95, 98, 112, 100, 103, 99,
}

var ijgChroma = [64]uint16{
	17, 18, 24, 47, 99, 99, 99, 99,
	18, 21, 26, 66, 99, 99, 99, 99,
	24, 26, 56, 99, 99, 99, 99, 99,
	47, 66, 99, 99, 99, 99, 99, 99,
	99, 99, 99, 99, 99, 99, 99, 99,
	99, 99, 99, 99, 99, 99, 99, 99,
	99, 99, 99, 99, 99, 99, 99, 99,
	99, 99, 99, 99, 99, 99, 99, 99,
}

// StandardTables returns the IJG tables for quality 1..100 (clamped), in
// natural order, scaled exactly as libjpeg and image/jpeg scale them with
// baseline limits. Use it when the source is not a JPEG or a quality is
// forced; for a JPEG source prefer its own tables (ParseDQT).
func StandardTables(quality int) (luma, chroma [64]uint16) {
	scale := ijgScale(quality)
	for i := range 64 {
		luma[i] = scaleEntry(ijgLuma[i], scale)
		chroma[i] = scaleEntry(ijgChroma[i], scale)
	}
	return luma, chroma
}

// ijgScale is libjpeg's jpeg_quality_scaling: a percentage that is 100 at
// quality 50, shrinking linearly above and growing hyperbolically below.
func ijgScale(quality int) int {
	quality = min(max(quality, 1), 100)
	if quality < 50 {
		return 5000 / quality
	}
	return 200 - 2*quality
}

func scaleEntry(base uint16, scale int) uint16 {
	v := (int(base)*scale + 50) / 100
	return uint16(min(max(v, 1), 255))
}

// EstimateQuality returns the IJG quality 1..100 whose scaled luma table is
// closest to luma (natural order) in summed absolute difference. Tables
// written by libjpeg-derived encoders come back exactly; other tables get
// the nearest IJG equivalent, which is what a "quality" field can show.
func EstimateQuality(luma *[64]uint16) int {
	best, bestDiff := 0, -1
	for q := 1; q <= 100; q++ {
		scale := ijgScale(q)
		diff := 0
		for i, v := range luma {
			d := int(v) - int(scaleEntry(ijgLuma[i], scale))
			diff += max(d, -d)
		}
		if bestDiff < 0 || diff < bestDiff {
			best, bestDiff = q, diff
		}
	}
	return best
}

// ParseDQT reads the payload of one DQT segment (everything after the
// two length bytes) and stores each table it defines into dst[Tq], in
// natural order. A segment may define several tables, and a later
// definition of the same Tq replaces an earlier one, as in a decoder.
func ParseDQT(payload []byte, dst *[4]*[64]uint16) error {
	for len(payload) > 0 {
		pq, tq := payload[0]>>4, payload[0]&15
		if pq > 1 || tq > 3 {
			return fmt.Errorf("jpegenc: DQT: bad precision/destination byte %#02x", payload[0])
		}
		size := 64 << pq
		if len(payload) < 1+size {
			return errors.New("jpegenc: DQT: table truncated")
		}
		t := new([64]uint16)
		for k := range 64 {
			v := uint16(payload[1+k<<pq])
			if pq == 1 {
				v = v<<8 | uint16(payload[2+2*k])
			}
			if v == 0 {
				return errors.New("jpegenc: DQT: zero quantizer")
			}
			t[zigzag[k]] = v
		}
		dst[tq] = t
		payload = payload[1+size:]
	}
	return nil
}
