package c2pa

import (
	"bytes"
	"io"
	"testing"

	"github.com/belgi-kz/belgi/labeler"
)

// FuzzRead: Read must never panic or hang on hostile files. The table's
// outputs seed it, so the fuzzer starts from real manifest stores.
func FuzzRead(f *testing.F) {
	s, _ := devIdentity(f)
	for _, c := range embedCases() {
		if c.title == "" && (c.format == "jpeg" || c.format == "png") {
			f.Add(c.build(f, s))
		}
	}
	f.Add([]byte{0xFF, 0xD8, 0xFF, 0xEB, 0x00, 0x10, 'J', 'P'})
	f.Add(append([]byte{}, pngSignature...))
	f.Fuzz(func(t *testing.T, data []byte) {
		fnd, err := Read(data)
		if err == nil {
			var r labeler.Report
			fnd.Report(&r)
		}
	})
}

// fuzzContainer opens data with a container and, when it parses, writes
// a signed-size copy: neither may panic, hang or allocate without bound.
func fuzzContainer(t *testing.T, c Container, data []byte) {
	l, err := c.Open(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return
	}
	if l.Store() != nil {
		_, _ = ValidateStore(l.Store(), bytes.NewReader(data), int64(len(data)))
	}
	_, _ = l.Reserve(io.Discard, 64)
}

// seedSigned adds a signed file of each format to a fuzz corpus.
func seedSigned(f *testing.F, formats ...string) {
	s, _ := devIdentity(f)
	for _, format := range formats {
		f.Add(signBytes(f, asset(f, format), format, ManifestFor(specFor(labeler.Generated), "a", ""), s))
	}
}

// FuzzID3: the ID3v2 GEOB reader (MP3, and FLAC behind a tag).
func FuzzID3(f *testing.F) {
	seedSigned(f, "mp3", "flac")
	f.Add([]byte("ID3\x04\x00\x00\x00\x00\x00\x20GEOB\x00\x00\x00\x16\x00\x00\x00application/c2pa\x00c\x00d\x00"))
	f.Fuzz(func(t *testing.T, data []byte) { fuzzContainer(t, id3Container{}, data) })
}

// FuzzRIFF: the RIFF C2PA chunk reader (WAV, WebP, AVI).
func FuzzRIFF(f *testing.F) {
	seedSigned(f, "wav", "webp")
	f.Add([]byte("RIFF\x10\x00\x00\x00WAVEC2PA\x04\x00\x00\x00abcd"))
	f.Fuzz(func(t *testing.T, data []byte) { fuzzContainer(t, riffContainer{}, data) })
}

// FuzzBMFF: the box walker, the C2PA uuid box reader and the chunk
// offset tables it moves (MP4, MOV, M4A), and the BMFF hash.
func FuzzBMFF(f *testing.F) {
	seedSigned(f, "mp4", "m4a")
	f.Add([]byte("\x00\x00\x00\x10ftypisom\x00\x00\x00\x00\x00\x00\x00\x08moov"))
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzContainer(t, bmffContainer{}, data)
		_, _ = BMFFHash(bytes.NewReader(data), int64(len(data)))
	})
}

// FuzzPictures: the GIF and TIFF readers.
func FuzzPictures(f *testing.F) {
	seedSigned(f, "gif", "tiff")
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzContainer(t, gifContainer{}, data)
		fuzzContainer(t, tiffContainer{}, data)
	})
}

// FuzzStore: JUMBF boxes, the CBOR of claims and assertions, and the COSE
// signature, from a store straight in.
func FuzzStore(f *testing.F) {
	s, _ := devIdentity(f)
	out := signBytes(f, asset(f, "png"), "png", ManifestFor(specFor(labeler.Modified), "a", ""), s)
	l, _ := pngContainer{}.Open(bytes.NewReader(out), int64(len(out)))
	f.Add(l.Store())
	f.Fuzz(func(t *testing.T, store []byte) {
		_, _ = ValidateStore(store, bytes.NewReader(out), int64(len(out)))
		_, _ = NewParent(store, nil, 0, Options{})
		_, _ = VerifySignature(store, store)
		_, _ = ParseTimestamp(store)
	})
}
