package c2pa

import (
	"bytes"
	"crypto/x509"
	"encoding/pem"
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"

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

// corpusStores are the manifest stores of the shared corpus, when it is
// here: real v1 and v2 claims, time-stamps, ingredients, box hashes.
func corpusStores(f *testing.F) [][]byte {
	files, _ := filepath.Glob(realworld + "*")
	var out [][]byte
	for _, p := range files {
		data, err := os.ReadFile(p)
		if err != nil {
			continue
		}
		if store, err := FindStore(bytes.NewReader(data), int64(len(data)), BuiltIn()); err == nil && store != nil {
			out = append(out, store)
		}
	}
	return out
}

// FuzzValidate: the validator over hostile stores — every manifest, its
// claim, signature, time-stamp, assertions and ingredients — and the
// redaction of a parent's thumbnails.
func FuzzValidate(f *testing.F) {
	for _, s := range corpusStores(f) {
		f.Add(s)
	}
	asset := []byte("\xFF\xD8\xFF\xE0 not really a picture")
	f.Fuzz(func(t *testing.T, store []byte) {
		_, _ = Validate(store, bytes.NewReader(asset), int64(len(asset)), Options{Trust: &Trust{}})
		if sv, err := newStoreView(store); err == nil {
			_, _ = redactThumbnails(sv)
		}
	})
}

// FuzzTimestamp: the CMS time-stamp token reader and its signature check,
// seeded with the tokens of the corpus's signatures.
func FuzzTimestamp(f *testing.F) {
	for _, s := range corpusStores(f) {
		sv, err := newStoreView(s)
		if err != nil {
			continue
		}
		for _, m := range sv.order {
			if msg, err := parseSign1(m.sig); err == nil {
				if tok, _ := sigTimestamp(msg, m.claimBytes); tok != nil {
					f.Add(tok)
				}
			}
		}
	}
	f.Fuzz(func(t *testing.T, der []byte) {
		tok, err := parseToken(der)
		if err != nil {
			return
		}
		if c, err := tok.signerCert(); err == nil {
			_ = tok.verify(c)
			_ = tsaChain(c, tok.certs)
		}
	})
}

// FuzzCertificates: the lenient certificate reader and the profile and
// trust checks, seeded with the corpus's signers' chains.
func FuzzCertificates(f *testing.F) {
	for _, s := range corpusStores(f) {
		sv, err := newStoreView(s)
		if err != nil {
			continue
		}
		if msg, err := parseSign1(sv.active().sig); err == nil {
			if chain, err := x5chainOf(msg.Headers); err == nil {
				f.Add(chain[0].Raw)
			}
		}
	}
	f.Fuzz(func(t *testing.T, der []byte) {
		c, err := parseCertLenient(der)
		if err != nil {
			return
		}
		profileProblem(c, time.Now())
		trust := &Trust{anchors: []*x509.Certificate{c}}
		trust.trusted([]*x509.Certificate{c, c}, nil)
		_, _ = ParseTrust(pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}))
	})
}

// FuzzBoxHash: the JPEG box map c2pa.hash.boxes is checked against.
func FuzzBoxHash(f *testing.F) {
	f.Add(asset(f, "jpeg"))
	f.Add([]byte{0xFF, 0xD8, 0xFF, 0xDA, 0x00, 0x02, 0xFF, 0xD9})
	f.Fuzz(func(t *testing.T, data []byte) {
		boxes, err := jpegBoxes(data)
		if err != nil || len(boxes) == 0 {
			return
		}
		var bh boxHash
		bh.Boxes = append(bh.Boxes, struct {
			Names    []string `cbor:"names"`
			Alg      string   `cbor:"alg"`
			Hash     []byte   `cbor:"hash"`
			Excluded bool     `cbor:"excluded"`
		}{Names: []string{boxes[0].name}})
		_ = matchBoxes(data, boxes, bh)
	})
}
