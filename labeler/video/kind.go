package video

import (
	"bytes"
	"path/filepath"
	"strings"

	"github.com/belgi-kz/belgi/internal/ebml"
	"github.com/belgi-kz/belgi/labeler"
)

// Kind labels video files. The zero value is not ready: use New.
type Kind struct {
	notice NoticeSource
}

// Option changes how New builds the kind.
type Option func(*Kind)

// WithNotice makes the kind obtain spoken notices from src: the audio
// kind's audio.NoticeBeside. Without it, videos get no spoken notice
// (the visible label is still drawn) and the result says so.
func WithNotice(src NoticeSource) Option {
	return func(k *Kind) { k.notice = src }
}

// New returns the video kind.
func New(opts ...Option) Kind {
	k := Kind{}
	for _, o := range opts {
		o(&k)
	}
	return k
}

var _ labeler.Retargeter = Kind{}

// Name implements labeler.Kind.
func (Kind) Name() string { return labeler.KindVideo }

// Extensions implements labeler.Kind.
func (Kind) Extensions() []string {
	var out []string
	for ext := range extContainers {
		out = append(out, ext)
	}
	return out
}

// Sniff implements labeler.Kind.
func (Kind) Sniff(head []byte) bool {
	return sniffContainer(head) != ""
}

// OutputExt implements labeler.Retargeter: a container ffmpeg can read
// but Belgi can't mark (MPEG program streams hold no metadata) is
// labeled in the nearest common one.
// The source's kind stays in the name (clip.mpg becomes clip.mpg.mp4),
// so the copy never takes the name of a sibling clip.mp4's copy.
func (Kind) OutputExt(head []byte) string {
	if c := containers[sniffContainer(head)]; c.into != "" {
		return c.ext + containers[c.into].ext
	}
	return ""
}

// imageBrands are ftyp brands of still pictures (HEIF, AVIF, JPEG XL),
// and audioBrands those of sound files: neither is a video.
var (
	imageBrands = map[string]bool{"heic": true, "heix": true, "heim": true, "heis": true, "hevc": true, "hevx": true,
		"mif1": true, "msf1": true, "avif": true, "avis": true, "jxl ": true, "crx ": true}
	audioBrands = map[string]bool{"M4A ": true, "M4B ": true, "M4P ": true, "F4A ": true, "F4B ": true}
)

// sniffContainer names the container from the first bytes (a key of
// containers), "" when it is none Belgi knows.
func sniffContainer(head []byte) string {
	switch {
	case len(head) >= 12 && string(head[4:8]) == "ftyp":
		return ftypContainer(head)
	case bytes.HasPrefix(head, []byte{0x1A, 0x45, 0xDF, 0xA3}):
		if doc, _ := ebml.DocType(bytes.NewReader(head), int64(len(head))); doc == "webm" {
			return "webm"
		}
		return "matroska"
	case len(head) >= 12 && string(head[:4]) == "RIFF" && string(head[8:12]) == "AVI ":
		return "avi"
	case syncEvery(head, 0, 188):
		return "mpegts"
	case syncEvery(head, 4, 192):
		return "m2ts"
	case bytes.HasPrefix(head, []byte{0, 0, 1, 0xBA}):
		return "mpeg"
	case bytes.HasPrefix(head, []byte{0x06, 0x0E, 0x2B, 0x34, 0x02, 0x05, 0x01, 0x01, 0x0D, 0x01, 0x02}):
		return "mxf"
	case bytes.HasPrefix(head, []byte("FLV\x01")):
		return "flv"
	case bytes.HasPrefix(head, asfGUID):
		return "asf"
	case bytes.HasPrefix(head, []byte(".RMF")):
		return "rm"
	}
	return ""
}

// asfGUID opens every ASF file (WMV, WMA): the header object's GUID.
var asfGUID = []byte{0x30, 0x26, 0xB2, 0x75, 0x8E, 0x66, 0xCF, 0x11, 0xA6, 0xD9, 0x00, 0xAA, 0x00, 0x62, 0xCE, 0x6C}

// syncEvery: MPEG transport packets' 0x47 sync byte at off and then every
// size bytes, four times (188-byte TS; 192-byte M2TS with a timecode in
// front).
func syncEvery(h []byte, off, size int) bool {
	if len(h) < off+3*size+1 {
		return false
	}
	for i := range 4 {
		if h[off+i*size] != 0x47 {
			return false
		}
	}
	return true
}

func ftypContainer(head []byte) string {
	major := string(head[8:12])
	switch {
	case audioBrands[major] || imageBrands[major]:
		return ""
	case major == "qt  ":
		return "mov"
	case strings.HasPrefix(major, "M4V"):
		return "m4v"
	case strings.HasPrefix(major, "3g2"):
		return "3g2"
	case strings.HasPrefix(major, "3g"):
		return "3gp"
	}
	return "mp4"
}

// containerOf names the container of a file from its head, falling back
// to the extension for files the sniffer does not know.
func containerOf(head []byte, path string) string {
	if c := sniffContainer(head); c != "" {
		return c
	}
	return extContainers[strings.ToLower(filepath.Ext(path))]
}
