package video

import (
	"fmt"
	"image"
	"image/draw"

	"github.com/belgi-kz/belgi/internal/ffmpeg"
)

// The badge is blended in the source's own YUV, not in RGB. ffmpeg's
// overlay with format=auto follows the badge's RGBA and turns every
// 1080p frame into RGBA and back: two full-frame conversions per frame
// on ffmpeg's single filtering thread, which measured (`-f null`, 300
// frames) 4.4 s of CPU against 2.1 s for the blend in YUV, and starved
// x264 of frames. In YUV only the small badge picture is converted,
// once, with the source's colour matrix and range, and every pixel
// outside the badge passes through untouched.

// overlayFormats maps a source pixel format to overlay's format for it
// and the format the badge is converted to.
var overlayFormats = map[string][2]string{
	"yuv420p": {"yuv420", "yuva420p"}, "yuvj420p": {"yuv420", "yuva420p"}, "nv12": {"yuv420", "yuva420p"},
	"yuv420p10le": {"yuv420p10", "yuva420p10le"},
	"yuv422p":     {"yuv422", "yuva422p"}, "yuvj422p": {"yuv422", "yuva422p"},
	"yuv422p10le": {"yuv422p10", "yuva422p10le"},
	"yuv444p":     {"yuv444", "yuva444p"}, "yuvj444p": {"yuv444", "yuva444p"},
}

// badgeFilter prepares badge input in for the overlay onto st's frames
// and names the result [bd]; it returns the overlay's format option.
func badgeFilter(in int, st ffmpeg.Stream) (string, string) {
	f, ok := overlayFormats[st.PixFmt]
	if !ok {
		return fmt.Sprintf("[%d:v]null[bd]", in), "auto" // RGB and rarer formats: ffmpeg decides
	}
	return fmt.Sprintf("[%d:v]scale=out_color_matrix=%s:out_range=%s,format=%s[bd]", in, matrixOf(st), rangeOf(st), f[1]), f[0]
}

// matrixOf names the source's YUV matrix as swscale does; untagged
// video is BT.709 from HD up and BT.601 below, as players assume.
func matrixOf(st ffmpeg.Stream) string {
	switch st.ColorSpace {
	case "bt709":
		return "bt709"
	case "smpte170m", "bt470bg":
		return "bt601"
	case "bt2020nc", "bt2020c":
		return "bt2020"
	case "smpte240m":
		return "smpte240m"
	}
	if st.Height > 576 {
		return "bt709"
	}
	return "bt601"
}

// rangeOf is the source's range: full for JPEG-style (yuvj*) or "pc"
// video, limited otherwise.
func rangeOf(st ffmpeg.Stream) string {
	if st.ColorRange == "pc" || st.PixFmt == "yuvj420p" || st.PixFmt == "yuvj422p" || st.PixFmt == "yuvj444p" {
		return "pc"
	}
	return "tv"
}

// alignBadge moves the badge's corner to where ffmpeg's YUV overlay can
// put it: in 4:2:0 it rounds x and y down to even, in 4:2:2 x, which
// would shift the badge a pixel off its plan. An odd corner gets a
// transparent row or column in front instead, so the badge's pixels land
// exactly where they were planned.
func alignBadge(b badge, pixFmt string) badge {
	f, ok := overlayFormats[pixFmt]
	if !ok {
		return b
	}
	dx, dy := b.at.X&1, b.at.Y&1
	if f[0] == "yuv444" {
		dx, dy = 0, 0
	} else if f[0] == "yuv422" || f[0] == "yuv422p10" {
		dy = 0
	}
	if dx == 0 && dy == 0 {
		return b
	}
	r := b.patch.Bounds()
	grown := image.NewRGBA(image.Rect(0, 0, r.Dx()+dx, r.Dy()+dy))
	draw.Draw(grown, r.Add(image.Pt(dx, dy)).Sub(r.Min), b.patch, r.Min, draw.Src)
	b.patch, b.at = grown, b.at.Sub(image.Pt(dx, dy))
	return b
}
