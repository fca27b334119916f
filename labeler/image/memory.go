package image

import (
	"bufio"
	"context"
	"fmt"
	"image"
	"os"

	"github.com/belgi-kz/belgi/internal/libheif"
	"github.com/belgi-kz/belgi/labeler"
)

// bytesPerPixel is the peak memory each format's labeling path holds per
// pixel (per frame for GIF), on top of the file itself: measured as the
// peak RSS of `belgi-cli label -jobs 1` on 1.5–100 MP pictures, rounded
// up. When a format's path changes (JPEG streaming in the coefficient
// domain), measure again and change its entry here.
var bytesPerPixel = map[format]float64{
	fmtJPEG: 4,
	fmtPNG:  20,
	fmtGIF:  20,
	fmtWebP: 16,
	fmtTIFF: 23,
	fmtBMP:  20,
}

// heifBytesPerPixel is the same for HEIC and AVIF, which depend on the
// decoder. With the system's libheif, its child holds about 9.5 bytes a
// pixel while the parent reads 4 (14 together; 9–12 measured as the
// largest process, 7–20 MP); the WebAssembly decoders hold 24–37 for HEIC
// and 66 for a 20 MP AVIF.
func heifBytesPerPixel(f format) float64 {
	switch _, native := libheif.Available(); {
	case native:
		return 16
	case f == fmtAVIF:
		return 70
	}
	return 40
}

// baseMemory covers the label, the metadata and the encoders' buffers.
const baseMemory = 16 << 20

// EstimateMemory implements labeler.MemoryEstimator from the picture's
// header: its size, format and, for GIF, its frame count. Pictures over
// the megapixel limit get an error, so the kind's own refusal is shown.
func (Kind) EstimateMemory(_ context.Context, path string, head []byte, spec labeler.Spec) (int64, error) {
	f, ok := sniffFormat(head)
	if !ok {
		return 0, fmt.Errorf("not a picture")
	}
	st, err := os.Stat(path)
	if err != nil {
		return 0, err
	}
	pixels, err := headerPixels(path, f, spec.Image.MaxMegapixels)
	if err != nil {
		return 0, err
	}
	perPixel := bytesPerPixel[f]
	if f == fmtHEIF || f == fmtAVIF {
		perPixel = heifBytesPerPixel(f)
	}
	return baseMemory + st.Size() + int64(pixels*perPixel), nil
}

// headerPixels is width × height × frames as the header declares them,
// refused over the megapixel limit.
func headerPixels(path string, f format, maxMP float64) (float64, error) {
	cfg, frames, err := headerConfig(path, f)
	if err != nil {
		return 0, err
	}
	if err := checkSize(cfg, frames, maxMP); err != nil {
		return 0, err
	}
	return float64(cfg.Width) * float64(cfg.Height) * float64(frames), nil
}

// headerConfig reads only the header; a GIF is read whole, since its
// frames must be counted.
func headerConfig(path string, f format) (image.Config, int, error) {
	if f == fmtGIF {
		data, err := os.ReadFile(path)
		if err != nil {
			return image.Config{}, 0, err
		}
		cfg, err := decodeConfig(f, data)
		return cfg, max(1, countGIFFrames(data)), err
	}
	file, err := os.Open(path)
	if err != nil {
		return image.Config{}, 0, err
	}
	defer file.Close()
	cfg, err := codecs[f].config(bufio.NewReader(file))
	return cfg, 1, err
}
