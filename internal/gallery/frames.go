package main

import (
	"image"
	"image/draw"
	"image/jpeg"
	"os"
	"path/filepath"

	"github.com/belgi-kz/belgi/internal/samples"
	xdraw "golang.org/x/image/draw"
)

// frame is one aspect ratio: its name, the size the label is planned at,
// and the picture at that size.
type frame struct {
	name string
	w, h int
	img  *image.RGBA
	from string // the photograph it was cropped from; "" for the scene
}

// frameSpecs: the aspect ratios issue 10 pins, each at a photo's working
// size, with the corpus photograph that suits it (a bright snowy close-up,
// a tall city view, a cat on a carpet, a car in the snow).
var frameSpecs = []struct {
	name  string
	w, h  int
	photo string
}{
	{"3:2", 1800, 1200, "md-extractor-images_Nikon_D3100.jpg"},
	{"2:3", 1200, 1800, "androidx-media_ultraHDR.jpg"},
	{"1:1", 1200, 1200, "md-extractor-images_Minolta_DiMAGE_EX.jpg"},
	{"16:9", 1920, 1080, "exif-samples_45-gps_ifd.jpg"},
}

// loadFrames crops each photograph to its aspect ratio, centred, and
// scales it to the working size; a photograph that can't be read gives
// way to the sample scene.
func loadFrames(dir string) []frame {
	var out []frame
	for i, s := range frameSpecs {
		f := frame{name: s.name, w: s.w, h: s.h}
		if src, err := readJPEG(filepath.Join(dir, s.photo)); err == nil {
			f.img, f.from = fill(src, s.w, s.h), s.photo
		} else {
			f.img = samples.Scene(s.w, s.h, uint64(i+1))
		}
		out = append(out, f)
	}
	return out
}

func readJPEG(path string) (image.Image, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return jpeg.Decode(f)
}

// fill scales src to cover w×h and crops the middle.
func fill(src image.Image, w, h int) *image.RGBA {
	b := src.Bounds()
	crop := b
	if b.Dx()*h > b.Dy()*w { // wider than wanted
		cw := b.Dy() * w / h
		crop.Min.X += (b.Dx() - cw) / 2
		crop.Max.X = crop.Min.X + cw
	} else {
		ch := b.Dx() * h / w
		crop.Min.Y += (b.Dy() - ch) / 2
		crop.Max.Y = crop.Min.Y + ch
	}
	out := image.NewRGBA(image.Rect(0, 0, w, h))
	xdraw.CatmullRom.Scale(out, out.Rect, src, crop, draw.Src, nil)
	return out
}
