package jpegcoef

import "fmt"

// model is how a file's components map to colour, decided as libjpeg and
// image/jpeg decide it, so the pixels a caller draws over are the ones
// those decoders show.
type model int

const (
	modelGray  model = iota
	modelYCbCr       // three components, Y'CbCr (JFIF)
	modelRGB         // three components stored as R, G, B
	modelCMYK        // four components, Adobe's inverted CMYK
	modelYCCK        // four components, Y'CbCr plus inverted K
)

func (f *File) model() (model, error) {
	c := f.Colour
	switch len(f.Frame.Comps) {
	case 1:
		return modelGray, nil
	case 3:
		ids := f.Frame.Comps
		if !c.JFIF && (c.Adobe && c.Transform == 0 || ids[0].ID == 'R' && ids[1].ID == 'G' && ids[2].ID == 'B') {
			return modelRGB, nil
		}
		return modelYCbCr, nil
	case 4:
		switch {
		case !c.Adobe:
			return 0, unsupported("four components without an Adobe APP14 segment")
		case c.Transform == 0:
			return modelCMYK, nil
		}
		return modelYCCK, nil
	}
	return 0, unsupported(fmt.Sprintf("%d components", len(f.Frame.Comps)))
}

// factorsFit reports whether every component's sampling factors divide
// the largest ones, so a component's sample covers a whole number of
// pixels (T.81 allows 3 with 2, which nobody writes).
func (f *Frame) factorsFit() bool {
	for _, c := range f.Comps {
		if f.Hmax%c.H != 0 || f.Vmax%c.V != 0 {
			return false
		}
	}
	return true
}
