package video

import (
	"bytes"
	"path/filepath"
	"strings"

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

// Name implements labeler.Kind.
func (Kind) Name() string { return labeler.KindVideo }

// Extensions implements labeler.Kind.
func (Kind) Extensions() []string {
	return []string{".mp4", ".m4v", ".mov", ".mkv", ".webm", ".avi"}
}

// Sniff implements labeler.Kind.
func (Kind) Sniff(head []byte) bool {
	return sniffContainer(head) != ""
}

// videoBrands are ftyp brands of video files. Audio-only brands (M4A,
// M4B, M4P) belong to the audio kind, and HEIF/AVIF stills to images, so
// they are left out on purpose.
var videoBrands = map[string]bool{
	"isom": true, "iso2": true, "iso4": true, "iso5": true, "iso6": true,
	"mp41": true, "mp42": true, "avc1": true, "hvc1": true, "qt  ": true,
	"M4V ": true, "M4VH": true, "M4VP": true, "3gp4": true, "3gp5": true,
	"3gp6": true, "3g2a": true, "mmp4": true, "MSNV": true, "dash": true,
	"f4v ": true, "XAVC": true, "av01": true,
}

// audioBrands mark MPEG-4 sound files even when video brands follow.
var audioBrands = map[string]bool{"M4A ": true, "M4B ": true, "M4P ": true, "F4A ": true, "F4B ": true}

// sniffContainer names the container from the first bytes: "mp4",
// "mov", "m4v", "webm", "matroska" or "avi"; "" when it is none of them.
func sniffContainer(head []byte) string {
	switch {
	case len(head) >= 12 && string(head[4:8]) == "ftyp":
		return ftypContainer(head)
	case bytes.HasPrefix(head, []byte{0x1A, 0x45, 0xDF, 0xA3}):
		if bytes.Contains(head[:min(len(head), 64)], []byte("webm")) {
			return "webm"
		}
		return "matroska"
	case len(head) >= 12 && string(head[:4]) == "RIFF" && string(head[8:12]) == "AVI ":
		return "avi"
	}
	return ""
}

func ftypContainer(head []byte) string {
	major := string(head[8:12])
	if audioBrands[major] || !videoBrands[major] {
		return ""
	}
	switch major {
	case "qt  ":
		return "mov"
	case "M4V ", "M4VH", "M4VP":
		return "m4v"
	}
	return "mp4"
}

// family groups containers by how marks are written: "mp4" (MP4, M4V,
// MOV: an XMP box), "matroska" (MKV, WebM: tags) or "avi" (a comment).
func family(container string) string {
	switch container {
	case "mp4", "m4v", "mov":
		return "mp4"
	case "webm", "matroska":
		return "matroska"
	}
	return container
}

// containerOf names the container of a file from its head, falling back
// to the extension for files the sniffer does not know.
func containerOf(head []byte, path string) string {
	if c := sniffContainer(head); c != "" {
		return c
	}
	switch strings.ToLower(filepath.Ext(path)) {
	case ".mp4":
		return "mp4"
	case ".m4v":
		return "m4v"
	case ".mov":
		return "mov"
	case ".webm":
		return "webm"
	case ".mkv":
		return "matroska"
	case ".avi":
		return "avi"
	}
	return ""
}
