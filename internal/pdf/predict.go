package pdf

import "errors"

// unpredict undoes a Flate or LZW predictor (DecodeParms /Predictor):
// PNG row filters (10–15), as cross-reference streams use, and TIFF
// predictor 2 for 8-bit samples.
func unpredict(data []byte, p Dict) ([]byte, error) {
	pred, _ := intOf(p.Get("Predictor"))
	if pred <= 1 {
		return data, nil
	}
	colors, bpc, cols := param(p, "Colors", 1), param(p, "BitsPerComponent", 8), param(p, "Columns", 1)
	if colors < 1 || colors > 32 || bpc < 1 || bpc > 16 || cols < 1 || cols > 1<<24 {
		return nil, errors.New("bad predictor parameters")
	}
	bpp := max(1, (colors*bpc+7)/8)
	row := (cols*colors*bpc + 7) / 8
	if pred == 2 {
		if bpc != 8 {
			return nil, errors.New("TIFF predictor with other than 8-bit samples")
		}
		for r := 0; r+row <= len(data); r += row {
			for i := bpp; i < row; i++ {
				data[r+i] += data[r+i-bpp]
			}
		}
		return data, nil
	}
	return pngUnfilter(data, row, bpp)
}

func param(p Dict, key Name, def int) int {
	if v, ok := intOf(p.Get(key)); ok {
		return v
	}
	return def
}

func pngUnfilter(data []byte, row, bpp int) ([]byte, error) {
	out := make([]byte, 0, len(data))
	prev := make([]byte, row)
	for i := 0; i+1 <= len(data); i += row + 1 {
		ft := data[i]
		end := min(i+1+row, len(data))
		cur := make([]byte, row)
		copy(cur, data[i+1:end])
		for x := range row {
			var a, c byte
			if x >= bpp {
				a, c = cur[x-bpp], prev[x-bpp]
			}
			b := prev[x]
			switch ft {
			case 1:
				cur[x] += a
			case 2:
				cur[x] += b
			case 3:
				cur[x] += byte((int(a) + int(b)) / 2)
			case 4:
				cur[x] += paeth(a, b, c)
			case 0:
			default:
				return nil, errors.New("bad PNG predictor row filter")
			}
		}
		out = append(out, cur[:end-i-1]...)
		prev = cur
	}
	return out, nil
}

func paeth(a, b, c byte) byte {
	p := int(a) + int(b) - int(c)
	pa, pb, pc := abs(p-int(a)), abs(p-int(b)), abs(p-int(c))
	switch {
	case pa <= pb && pa <= pc:
		return a
	case pb <= pc:
		return b
	}
	return c
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
