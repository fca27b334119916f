package jpegcoef

import (
	"slices"
	"testing"

	"github.com/belgi-kz/belgi/internal/jpegtest"
)

// writeWith writes p's progressive scans as writeProgressive does, but
// with the given first guess of tables for every scan.
func writeWith(p *Picture, guess func(s *Scan) *[8]*Huff) ([]byte, error) {
	return p.assemble(true, func(w *writer, sg Seg) error {
		s := &p.f.Scans[sg.Scan]
		return writeProgScan(w, p.f, s, p.f.Data[sg.Off:sg.End], p.st, guess(s))
	})
}

// TestProgressiveTablesGuessed: the estimated tables code every scan of
// every progressive fixture in one pass (no scan needs the full count),
// at a cost in size of a few DHT bytes; a guess that lacks codes is
// written over, counted in full, exactly as without a guess; and every
// output passes Check with the same coefficients.
func TestProgressiveTablesGuessed(t *testing.T) {
	tiny := optimalHuff(&[257]int{1: 1}) // codes one symbol
	for _, fx := range jpegtest.Progressive {
		t.Run(fx.Name, func(t *testing.T) {
			data := mustMake(t, fx.Make)
			_, _, p := splice(t, data, labelRect(mustOpen(t, data).Bounds()))
			for i := range p.f.Scans {
				s := &p.f.Scans[i]
				guess, err := estimatedProgTables(p.f, s, p.st, p.m)
				if err != nil {
					t.Fatal(err)
				}
				if err := writeScanWith(&writer{}, p.f, s, nil, p.st, guess); err != nil {
					t.Errorf("scan %d: the estimated tables do not code it: %v", i, err)
				}
			}
			estimated, err := p.writeProgressive()
			if err != nil {
				t.Fatal(err)
			}
			fallback, err := writeWith(p, func(s *Scan) *[8]*Huff {
				var t [8]*Huff
				for slot, h := range progTables(s) {
					if h != nil {
						t[slot] = tiny
					}
				}
				return &t
			})
			if err != nil {
				t.Fatal(err)
			}
			exact, err := writeWith(p, func(*Scan) *[8]*Huff { return nil })
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(fallback, exact) {
				t.Error("a guess that lacks codes is not written over as the exact count writes")
			}
			a, b := coefficients(t, withApps(p.f, estimated)), coefficients(t, withApps(p.f, exact))
			for c := range a {
				if !slices.Equal(a[c].data, b[c].data) {
					t.Fatalf("component %d: the estimated tables coded other coefficients", c)
				}
			}
			t.Logf("estimated tables: %d bytes, exact: %d", len(estimated), len(exact))
			if d := len(estimated) - len(exact); d > 8*len(p.f.Scans)+len(exact)/50 {
				t.Errorf("estimated tables: %d bytes, exact: %d (+%d)", len(estimated), len(exact), d)
			}
		})
	}
}

func mustOpen(t *testing.T, data []byte) *Picture {
	t.Helper()
	p, err := Open(data)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// coefficients decodes a whole progressive file, checking it strictly.
func coefficients(t *testing.T, data []byte) []coefPlane {
	t.Helper()
	if err := Check(data); err != nil {
		t.Fatal(err)
	}
	f, err := Parse(data)
	if err != nil {
		t.Fatal(err)
	}
	st, err := decodeAll(f, true, true)
	if err != nil {
		t.Fatal(err)
	}
	return st
}
