package nal

import "testing"

// TestHEVCVideoSignal reads back the range and matrix x265 was told to
// signal, and the standard's defaults when it signals none.
func TestHEVCVideoSignal(t *testing.T) {
	for _, c := range []struct {
		params string
		want   VideoSignal
	}{
		{"range=full:colormatrix=bt709", VideoSignal{FullRange: true, Matrix: 1}},
		{"range=limited:colormatrix=bt470bg", VideoSignal{FullRange: false, Matrix: 5}},
		{"range=full", VideoSignal{FullRange: true, Matrix: 2}},
		{"sar=2:range=full:colormatrix=bt2020nc:overscan=crop", VideoSignal{FullRange: true, Matrix: 9}},
		{"", VideoSignal{FullRange: false, Matrix: 2}},
	} {
		var sps []byte
		for _, u := range SplitAnnexB(x265(t, c.params)) {
			if HEVCType(u) == hevcSPS {
				sps = u
				break
			}
		}
		rec := HVCC{LengthSize: 4, Arrays: []HVCCArray{{Complete: true, Type: hevcSPS, Units: [][]byte{sps}}}}
		rec.Header[0] = 1
		got, err := HEVCVideoSignal(rec.Bytes())
		if err != nil || got != c.want {
			t.Errorf("x265 %q: %+v, %v; want %+v", c.params, got, err, c.want)
		}
	}
	if _, err := HEVCVideoSignal([]byte{1, 2, 3}); err == nil {
		t.Error("a broken record gave no error")
	}
}
