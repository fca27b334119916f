package image

import (
	"bytes"
	"fmt"
	"image"
	"image/color"

	"github.com/belgi-kz/belgi/internal/jpegenc"
	"github.com/belgi-kz/belgi/internal/meta"
	"github.com/belgi-kz/belgi/labeler/provenance"
)

// writeJPEG re-encodes a labeled JPEG with the source's own quantization
// tables, component layout and chroma subsampling (or standard tables at
// a forced quality), behind the source's metadata segments.
func writeJPEG(img image.Image, source []byte, quality int, xmp packetFn) ([]byte, []string, error) {
	info, err := meta.ParseJPEG(source)
	if err != nil {
		return nil, nil, err
	}
	var notes []string
	if info.Progressive() {
		notes = append(notes, "progressive JPEG written as baseline")
	}
	frame, fnotes, err := jpegFrame(img, info, quality)
	if err != nil {
		return nil, nil, err
	}
	notes = append(notes, fnotes...)
	var body bytes.Buffer
	if err := jpegenc.EncodeSegments(&body, frame); err != nil {
		return nil, nil, err
	}
	if len(frame.Components) == 4 {
		useAdobeCMYK(info)
	}
	out, more, err := finishJPEG(info, body.Bytes(), thumbOf(img), xmp)
	return out, append(notes, more...), err
}

// finishJPEG puts the source's metadata around an encoded frame
// (DQT..EOI): every embedded copy of the unlabeled picture removed or
// remade by thumb, Belgi's XMP merged in.
func finishJPEG(info *meta.JPEGInfo, frame []byte, thumb meta.Thumbnailer, xmp packetFn) ([]byte, []string, error) {
	notes, err := info.RemovePictures(thumb)
	if err != nil {
		return nil, nil, err
	}
	packet, err := xmp(info.XMP)
	if err != nil {
		return nil, nil, err
	}
	if len(packet) > meta.MaxJPEGXMP {
		packet = provenance.Slim(packet)
		notes = append(notes, "photoshop:DocumentAncestors removed from the XMP: with Belgi's record it no longer fit the JPEG's 64 KB XMP segment")
	}
	var out bytes.Buffer
	out.Grow(len(frame) + len(packet) + segmentsSize(info)) // one allocation, not a doubling series
	wnotes, err := meta.WriteJPEG(&out, info, packet, frame)
	return out.Bytes(), append(notes, wnotes...), err
}

// segmentsSize is how much room the source's metadata segments take.
func segmentsSize(info *meta.JPEGInfo) int {
	n := 1024
	for _, s := range info.Segments {
		n += len(s.Data) + 4
	}
	return n
}

// jpegFrame builds the encoder's frame from the labeled pixels.
func jpegFrame(img image.Image, info *meta.JPEGInfo, quality int) (*jpegenc.Frame, []string, error) {
	tables, err := sourceTables(info)
	if quality > 0 || err != nil {
		return standardFrame(img, max(quality, 92))
	}
	switch m := img.(type) {
	case *image.YCbCr:
		f, err := jpegenc.FromYCbCr(m, tables[0], tables[1])
		if err != nil {
			return nil, nil, err
		}
		return f, nil, keepLayout(f, info, tables)
	case *image.Gray:
		f := jpegenc.FromGray(m, tables[0])
		return f, nil, keepLayout(f, info, tables)
	case *image.CMYK:
		f := jpegenc.FromCMYK(m, tables[0])
		return f, nil, keepLayout(f, info, tables)
	}
	f, notes, err := standardFrame(img, jpegenc.EstimateQuality(tables[0]))
	return f, append(notes, "RGB JPEG written as YCbCr"), err
}

// sourceTables reads every DQT segment of the source.
func sourceTables(info *meta.JPEGInfo) ([4]*[64]uint16, error) {
	var t [4]*[64]uint16
	for _, p := range info.DQT {
		if err := jpegenc.ParseDQT(p, &t); err != nil {
			return t, err
		}
	}
	if t[0] == nil {
		return t, fmt.Errorf("no quantization tables")
	}
	return t, nil
}

// keepLayout gives the frame the source's component ids and table
// choices, so the output is laid out exactly like the source.
func keepLayout(f *jpegenc.Frame, info *meta.JPEGInfo, tables [4]*[64]uint16) error {
	if len(info.Components) != len(f.Components) {
		return nil
	}
	f.Quant = tables
	for i, c := range info.Components {
		if tables[c.Tq] == nil {
			return fmt.Errorf("component %d uses missing quantization table %d", c.ID, c.Tq)
		}
		f.Components[i].ID, f.Components[i].Tq = c.ID, int(c.Tq)
	}
	f.RestartInterval = info.RestartInterval
	return nil
}

// standardFrame encodes with IJG tables at quality q, 4:2:0 for colour.
func standardFrame(img image.Image, q int) (*jpegenc.Frame, []string, error) {
	luma, chroma := jpegenc.StandardTables(q)
	switch m := img.(type) {
	case *image.Gray:
		return jpegenc.FromGray(m, &luma), nil, nil
	case *image.CMYK:
		return jpegenc.FromCMYK(m, &luma), nil, nil
	case *image.YCbCr:
		f, err := jpegenc.FromYCbCr(m, &luma, &chroma)
		return f, nil, err
	}
	f, err := jpegenc.FromYCbCr(toYCbCr(img), &luma, &chroma)
	return f, nil, err
}

// toYCbCr converts any picture to full-resolution YCbCr, over black where
// it is transparent (as At's premultiplied colours are).
func toYCbCr(img image.Image) *image.YCbCr {
	b := img.Bounds()
	out := image.NewYCbCr(b, image.YCbCrSubsampleRatio444)
	for y := b.Min.Y; y < b.Max.Y; y++ {
		i := out.YOffset(b.Min.X, y) // 4:4:4: the same offset for chroma
		yRow, cbRow, crRow := out.Y[i:i+b.Dx()], out.Cb[i:i+b.Dx()], out.Cr[i:i+b.Dx()]
		rgbRow(img, y, func(x int, r, g, bl uint8) {
			yRow[x], cbRow[x], crRow[x] = color.RGBToYCbCr(r, g, bl)
		})
	}
	return out
}

// rgbRow calls put with row y's colours, premultiplied, from its first
// pixel (x = 0). RGBA and NRGBA, what the HEIC and AVIF decoders give, are
// read from their bytes: going through At costs an allocation a pixel,
// which was a fifth of labeling a 12 MP HEIC.
func rgbRow(img image.Image, y int, put func(x int, r, g, b uint8)) {
	b := img.Bounds()
	switch m := img.(type) {
	case *image.RGBA:
		row := m.Pix[m.PixOffset(b.Min.X, y):]
		for x := range b.Dx() {
			p := row[4*x : 4*x+3 : 4*x+3]
			put(x, p[0], p[1], p[2])
		}
	case *image.NRGBA:
		row := m.Pix[m.PixOffset(b.Min.X, y):]
		for x := range b.Dx() {
			p := row[4*x : 4*x+4 : 4*x+4]
			if p[3] == 0xFF {
				put(x, p[0], p[1], p[2])
				continue
			}
			r, g, bl, _ := color.NRGBA{p[0], p[1], p[2], p[3]}.RGBA()
			put(x, uint8(r>>8), uint8(g>>8), uint8(bl>>8))
		}
	default:
		for x := range b.Dx() {
			r, g, bl, _ := img.At(b.Min.X+x, y).RGBA()
			put(x, uint8(r>>8), uint8(g>>8), uint8(bl>>8))
		}
	}
}

// useAdobeCMYK makes the source's Adobe segment say "CMYK, no transform",
// which is how the encoder stores four components (a YCCK source comes
// back as CMYK); without an Adobe segment readers cannot tell.
func useAdobeCMYK(info *meta.JPEGInfo) {
	app14 := jpegenc.AdobeAPP14()[4:]
	for i, s := range info.Segments {
		if s.Marker == 0xEE && bytes.HasPrefix(s.Data, []byte("Adobe")) {
			info.Segments[i].Data = app14
			info.AdobeTransform = 0
			return
		}
	}
	info.Segments = append(info.Segments, meta.Segment{Marker: 0xEE, Data: app14})
	info.AdobeTransform = 0
}
