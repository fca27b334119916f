package video

import (
	"context"
	"encoding/binary"
	"image"
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/belgi-kz/belgi/internal/ffmpeg"
	"github.com/belgi-kz/belgi/labeler"
)

// TestTransferCurves: graphics white codes as BT.2408 says (PQ 0.58, HLG
// 0.75), black as black, and each curve rises.
func TestTransferCurves(t *testing.T) {
	for _, c := range []struct {
		t          transfer
		white, tol float64
		name       string
	}{{pq, 0.5807, 0.002, "PQ"}, {hlg, 0.75, 0.0005, "HLG"}} {
		if w := c.t.encode(1); math.Abs(w-c.white) > c.tol {
			t.Errorf("%s: white codes as %.4f, want %.4f", c.name, w, c.white)
		}
		if b := c.t.encode(0); b > 0.001 {
			t.Errorf("%s: black codes as %.4f", c.name, b)
		}
		for l := 0.01; l < 1; l += 0.01 {
			if c.t.encode(l) <= c.t.encode(l-0.01) {
				t.Fatalf("%s: not rising at %.2f", c.name, l)
			}
		}
	}
}

// TestHDRRecode: white, a saturated red and a half-transparent edge are
// re-coded for PQ in BT.2020; transparent pixels stay clear; SDR video
// needs nothing.
func TestHDRRecode(t *testing.T) {
	pic := image.NewRGBA(image.Rect(0, 0, 4, 1))
	copy(pic.Pix, []byte{255, 255, 255, 255, 255, 0, 0, 255, 128, 128, 128, 128, 0, 0, 0, 0})
	st := ffmpeg.Stream{ColorTransfer: "smpte2084", ColorPrims: "bt2020"}
	out := hdrRecode(pic, st)
	at := func(x, k int) float64 { return float64(binary.BigEndian.Uint16(out.Pix[8*x+2*k:])) / 0xFFFF }
	if w := at(0, 0); math.Abs(w-pq.encode(1)) > 0.001 || at(0, 1) != w || at(0, 2) != w || at(0, 3) != 1 {
		t.Errorf("white: %v", out.Pix[0:8])
	}
	// BT.709 red in BT.2020 is mostly red with a little green and blue.
	if r, g, b := at(1, 0), at(1, 1), at(1, 2); math.Abs(r-pq.encode(0.6274)) > 0.002 || math.Abs(g-pq.encode(0.0691)) > 0.002 || math.Abs(b-pq.encode(0.0164)) > 0.002 {
		t.Errorf("red: %.3f %.3f %.3f", r, g, b)
	}
	// Premultiplied: half-transparent white is half of white's code.
	if e := at(2, 0); math.Abs(e-pq.encode(1)*128/255) > 0.003 || math.Abs(at(2, 3)-128.0/255) > 0.001 {
		t.Errorf("edge: %.3f alpha %.3f", e, at(2, 3))
	}
	for k := range 4 {
		if at(3, k) != 0 {
			t.Errorf("a transparent pixel got %v", out.Pix[24:32])
		}
	}
	if hdrRecode(pic, ffmpeg.Stream{ColorTransfer: "bt709"}) != nil {
		t.Error("SDR video re-coded")
	}
	if e := to8(out); e.Pix[0] != out.Pix[0] || e.Pix[3] != 255 {
		t.Errorf("to8: %v", e.Pix[:4])
	}
}

// TestHDRBadgeAtGraphicsWhite labels HLG and PQ clips made by x265: the
// badge's white chip reaches BT.2408's graphics white in the output's
// 10-bit luma, not the format's peak (940) as it did, the output keeps
// its transfer, and check still finds the badge.
func TestHDRBadgeAtGraphicsWhite(t *testing.T) {
	for _, c := range []struct {
		clip, trc string
		white     float64 // the 10-bit limited-range code of graphics white
	}{{"hlg.mp4", "arib-std-b67", 64 + 0.75*876}, {"pq.mkv", "smpte2084", 64 + 0.5807*876}} {
		t.Run(c.clip, func(t *testing.T) {
			spec := testSpec()
			res := label(t, testKind(), clip(t, c.clip), spec)
			s := mustProbe(t, res.Output)
			if s.video.ColorTransfer != c.trc {
				t.Errorf("output transfer %q, want %q", s.video.ColorTransfer, c.trc)
			}
			w, h := s.video.Width, s.video.Height
			luma := luma10(t, res.Output, "1", w, h)
			// The white chip is about a quarter of the badge: the 90th
			// percentile of its luma is the chip's, clear of the scene
			// at the rectangle's rim and of the encoder's ringing.
			r := badgeRect(t, spec, w, h)
			var ys []int
			for y := r.Min.Y; y < r.Max.Y; y++ {
				for x := r.Min.X; x < r.Max.X; x++ {
					ys = append(ys, int(luma[y*w+x]))
				}
			}
			slices.Sort(ys)
			if chip := ys[len(ys)*9/10]; math.Abs(float64(chip)-c.white) > 25 {
				t.Errorf("the badge's white chip has luma %d, want about %.0f (graphics white)", chip, c.white)
			}
			rep, err := labeler.NewRegistry(testKind()).Check(context.Background(), spec, res.Output)
			if err != nil || rep.Perceivable != labeler.PerceivableContent {
				t.Errorf("check: %q, %v", rep.Perceivable, err)
			}
		})
	}
}

// TestHDRSlateAtGraphicsWhite: the slate's white text on an HLG clip is
// graphics white too, not the format's peak.
func TestHDRSlateAtGraphicsWhite(t *testing.T) {
	spec := testSpec()
	spec.Video.Slate, spec.Video.SlateSeconds = true, 1
	res := label(t, testKind(), clip(t, "hlg.mp4"), spec)
	s := mustProbe(t, res.Output)
	brightest := int(slices.Max(luma10(t, res.Output, "0.5", s.video.Width, s.video.Height)))
	if white := 64 + 0.75*876; math.Abs(float64(brightest)-white) > 40 {
		t.Errorf("the slate's brightest luma is %d, want about %.0f (graphics white)", brightest, white)
	}
}

// TestDolbyVision: profile 5, with no base layer players can show alone,
// is refused by name; a profile with a base is labeled, saying which
// base the copy plays as.
func TestDolbyVision(t *testing.T) {
	dv := func(profile, compat float64) ffmpeg.Stream {
		return ffmpeg.Stream{ColorTransfer: "arib-std-b67", SideData: []map[string]any{
			{"side_data_type": "Display Matrix", "rotation": 90.0},
			{"side_data_type": "DOVI configuration record", "dv_profile": profile, "dv_bl_signal_compatibility_id": compat},
		}}
	}
	if err := withoutBase(dv(5, 0)); err == nil || !strings.Contains(err.Error(), "Dolby Vision profile 5") {
		t.Errorf("profile 5: %v", err)
	}
	if err := withoutBase(dv(8, 4)); err != nil {
		t.Errorf("profile 8.4: %v", err)
	}
	if notes := strings.Join(hdrNotes(dv(8, 4)), "; "); !strings.Contains(notes, "plays as its HLG base") || !strings.Contains(notes, "HDR (HLG)") {
		t.Errorf("profile 8.4 notes: %s", notes)
	}
	if notes := hdrNotes(ffmpeg.Stream{ColorTransfer: "bt709"}); len(notes) != 0 {
		t.Errorf("SDR notes: %v", notes)
	}
}

// luma10 is the 10-bit luma of the frame at sec, as coded (no conversion).
func luma10(t *testing.T, path, sec string, w, h int) []uint16 {
	t.Helper()
	raw, err := ffmpeg.Run(context.Background(), "ffmpeg", "-v", "error", "-ss", sec, "-i", path,
		"-frames:v", "1", "-vf", "extractplanes=y", "-f", "rawvideo", "-pix_fmt", "gray10le", "-")
	if err != nil || len(raw) != 2*w*h {
		t.Fatalf("luma: %v (%d bytes)", err, len(raw))
	}
	out := make([]uint16, w*h)
	for i := range out {
		out[i] = binary.LittleEndian.Uint16(raw[2*i:])
	}
	return out
}
