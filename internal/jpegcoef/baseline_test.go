package jpegcoef

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/belgi-kz/belgi/internal/jpegtest"
)

// baselineOut writes an edited progressive picture as the alternative to
// writing it back progressive: one interleaved baseline scan with optimal
// Huffman tables (what jpegtran -optimize makes), from the same
// coefficients.
func baselineOut(p *Picture) ([]byte, error) {
	f := p.f
	s := &Scan{Ss: 0, Se: 63}
	header := []byte{byte(len(f.Frame.Comps))}
	for i, c := range f.Frame.Comps {
		t := min(i, 1)
		s.Comps, s.Td, s.Ta = append(s.Comps, i), append(s.Td, t), append(s.Ta, t)
		header = append(header, c.ID, byte(t<<4|t))
	}
	header = append(header, 0, 63, 0)
	count := &coder{freq: new([8][257]int)}
	if err := baselineScan(f, s, count, p.st); err != nil {
		return nil, err
	}
	w := &writer{}
	w.raw([]byte{0xFF, 0xD8})
	for _, sg := range f.Segs {
		switch sg.Marker {
		case 0xDB:
			w.raw(f.Data[sg.Off:sg.End])
		case 0xC2:
			w.raw([]byte{0xFF, 0xC0})
			w.raw(f.Data[sg.Off+2 : sg.End])
		}
	}
	c := &coder{w: w}
	var dht []byte
	for _, slot := range []int{0, 1, 4, 5} {
		if len(f.Frame.Comps) > 1 || slot%4 == 0 {
			h := optimalHuff(&count.freq[slot])
			c.tabs[slot] = h.encoder()
			dht = append(dht, h.segment(slot/4, slot%4)...)
		}
	}
	w.raw([]byte{0xFF, 0xC4, byte((len(dht) + 2) >> 8), byte(len(dht) + 2)})
	w.raw(dht)
	w.raw([]byte{0xFF, 0xDA, 0, byte(len(header) + 2)})
	w.raw(header)
	if err := baselineScan(f, s, c, p.st); err != nil {
		return nil, err
	}
	w.align()
	w.raw([]byte{0xFF, 0xD9})
	return w.out, nil
}

func baselineScan(f *File, s *Scan, c *coder, st []coefPlane) error {
	g := f.Frame.grid(s)
	var pred [4]int32
	for u := range g.units() {
		ux, uy := u%g.nx, u/g.nx
		for _, p := range g.parts {
			blk := (*[64]int16)(st[p.comp].block(ux*p.h+p.dx, uy*p.v+p.dy))
			if err := c.seqBlock(blk, pred[p.sc], s.Td[p.sc], 4+s.Ta[p.sc]); err != nil {
				return err
			}
			pred[p.sc] = int32(blk[0])
		}
	}
	return nil
}

// progressiveSamples are progressive files to compare the two outputs on:
// the corpus's (a camera's, web and C2PA samples) and the fixtures.
func progressiveSamples(b *testing.B) map[string][]byte {
	out := map[string][]byte{}
	for _, name := range []string{
		"images/md-extractor-images_Sony_DSC-P12.jpg", "images/pillow_app13-multiple.jpg",
		"c2pa/c2pa-node_cloud-only-firefly.jpg", "c2pa/c2pa-rs_no_manifest.jpg", "c2pa/c2pa-rs_ocsp_with_assertion.jpg",
	} {
		if data, err := os.ReadFile(filepath.Join("../../../shared/realworld", name)); err == nil {
			out[filepath.Base(name)] = data
		}
	}
	for _, fx := range jpegtest.Progressive {
		if data := fx.Make(b); data != nil {
			out[fx.Name] = data
		}
	}
	return out
}

// BenchmarkProgressiveOut compares writing an edited progressive picture
// back progressive (Belgi's choice) with writing it as optimised
// baseline: time per write, and the output's size against the source's
// (out-%).
func BenchmarkProgressiveOut(b *testing.B) {
	for name, data := range progressiveSamples(b) {
		p, err := Open(data)
		if err != nil {
			continue
		}
		r := labelRect(p.Bounds())
		reg, err := p.Decode(r)
		if err != nil {
			b.Fatal(err)
		}
		stamp(reg, r)
		reg.commit()
		for _, mode := range []struct {
			name  string
			write func() ([]byte, error)
		}{{"progressive", p.writeProgressive}, {"baseline", func() ([]byte, error) { return baselineOut(p) }}} {
			b.Run(name+"/"+mode.name, func(b *testing.B) {
				var out []byte
				for b.Loop() {
					if out, err = mode.write(); err != nil {
						b.Fatal(err)
					}
				}
				if err := Check(withApps(p.f, out)); err != nil {
					b.Fatal(err)
				}
				b.ReportMetric(100*float64(len(withApps(p.f, out)))/float64(p.f.End), "out-%")
			})
		}
	}
}
