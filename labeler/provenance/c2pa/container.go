package c2pa

import (
	"bytes"
	"io"
)

// Container is one file format that can carry a manifest store. Belgi
// has one for each format the reference implementation reads; another
// package can bring its own (a PDF writer) through Format.
type Container interface {
	// Open reads a file: the manifest store it carries and how to write
	// a copy with a new one. It must not keep r beyond the Layout's use.
	Open(r io.ReaderAt, size int64) (Layout, error)
}

// Layout is one file opened by a Container.
type Layout interface {
	// Store returns the manifest store the file carries, nil if none.
	Store() []byte
	// Reserve writes the file to w, without any store it had and with
	// room for a new store of n bytes: the bytes Wrap will return for a
	// store of zeros. It reports where those bytes lie.
	Reserve(w io.Writer, n int) (Slot, error)
	// Wrap frames a store of exactly the reserved size the way Reserve
	// framed the placeholder: the bytes that go at Slot.Offset.
	Wrap(store []byte) ([]byte, error)
}

// Slot is where the framed store lies in the file Reserve wrote, plus
// any other byte ranges whose content depends on it (a TIFF tag's count)
// and so must stay out of a data hash too.
type Slot struct {
	Offset, Length int64
	Exclusions     []Exclusion
}

// exclusions is what a c2pa.hash.data over the file leaves out.
func (s Slot) exclusions() []Exclusion {
	return append([]Exclusion{{Start: s.Offset, Length: s.Length}}, s.Exclusions...)
}

// Format ties a media type to the container that carries its manifest
// store and the hard binding that ties the manifest to the bytes.
type Format struct {
	// MIME is the IANA media type, as ingredients record dc:format.
	MIME string
	// Sniff recognises the format from a file's first bytes (4 KiB).
	Sniff     func(head []byte) bool
	Container Container
	// BMFF binds with c2pa.hash.bmff.v3 instead of c2pa.hash.data.
	BMFF bool
}

// Formats is an ordered list of formats; the first whose Sniff accepts
// a file's head is the file's.
type Formats []Format

// Find returns the format of a file with this head.
func (fs Formats) Find(head []byte) (Format, bool) {
	for _, f := range fs {
		if f.Sniff(head) {
			return f, true
		}
	}
	return Format{}, false
}

// BuiltIn lists every format Belgi signs by itself: those the reference
// implementation (c2pa-rs) reads and Belgi writes. PDF is not among
// them: the documents kind brings it as its own Format.
func BuiltIn() Formats {
	return Formats{
		{MIME: "image/jpeg", Sniff: prefix("\xFF\xD8\xFF"), Container: jpegContainer{}},
		{MIME: "image/png", Sniff: prefix(string(pngSignature)), Container: pngContainer{}},
		{MIME: "image/gif", Sniff: isGIF, Container: gifContainer{}},
		{MIME: "image/tiff", Sniff: isTIFF, Container: tiffContainer{}},
		{MIME: "image/webp", Sniff: riffOf("WEBP"), Container: riffContainer{}},
		{MIME: "audio/wav", Sniff: riffOf("WAVE"), Container: riffContainer{}},
		{MIME: "video/x-msvideo", Sniff: riffOf("AVI "), Container: riffContainer{}},
		{MIME: "audio/flac", Sniff: isFLAC, Container: id3Container{}},
		{MIME: "audio/mpeg", Sniff: isMP3, Container: id3Container{}},
		{MIME: "audio/mp4", Sniff: ftypBrand("M4A ", "M4B "), Container: bmffContainer{}, BMFF: true},
		{MIME: "video/quicktime", Sniff: ftypBrand("qt  "), Container: bmffContainer{}, BMFF: true},
		{MIME: "video/mp4", Sniff: ftypBrand(), Container: bmffContainer{}, BMFF: true},
	}
}

func prefix(p string) func([]byte) bool {
	return func(h []byte) bool { return bytes.HasPrefix(h, []byte(p)) }
}

func riffOf(form string) func([]byte) bool {
	return func(h []byte) bool {
		return len(h) >= 12 && string(h[:4]) == "RIFF" && string(h[8:12]) == form
	}
}

// ftypBrand accepts a BMFF file whose major brand is one of brands; with
// none given, any BMFF file with an ftyp box.
func ftypBrand(brands ...string) func([]byte) bool {
	return func(h []byte) bool {
		if len(h) < 12 || string(h[4:8]) != "ftyp" {
			return false
		}
		if len(brands) == 0 {
			return true
		}
		for _, b := range brands {
			if string(h[8:12]) == b {
				return true
			}
		}
		return false
	}
}

func isGIF(h []byte) bool {
	return bytes.HasPrefix(h, []byte("GIF87a")) || bytes.HasPrefix(h, []byte("GIF89a"))
}

func isTIFF(h []byte) bool {
	return bytes.HasPrefix(h, []byte("II*\x00")) || bytes.HasPrefix(h, []byte("MM\x00*"))
}
