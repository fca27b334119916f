package meta

import (
	"bytes"
	"encoding/binary"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func box(typ string, parts ...[]byte) []byte {
	body := bytes.Join(parts, nil)
	return append(binary.BigEndian.AppendUint32(nil, uint32(8+len(body))), append([]byte(typ), body...)...)
}

func fullBox(typ string, version byte, parts ...[]byte) []byte {
	return box(typ, append([][]byte{{version, 0, 0, 0}}, parts...)...)
}

func u16(v int) []byte { return binary.BigEndian.AppendUint16(nil, uint16(v)) }
func u32(v int) []byte { return binary.BigEndian.AppendUint32(nil, uint32(v)) }
func infe(id int, typ, extra string) []byte {
	return fullBox("infe", 2, u16(id), u16(0), []byte(typ), []byte("\x00"+extra))
}

// minimalHEIF is a HEIC file as an iPhone lays it out, reduced: a
// primary picture turned by irot, an Exif item, an XMP item, an ICC
// profile, and the item data in mdat after the meta box.
func minimalHEIF() []byte {
	exif := append(u32(6), append([]byte("Exif\x00\x00"), makeEXIF(binary.BigEndian, 6, false)...)...)
	xmp := []byte("<x:xmpmeta/>\x00")
	ftyp := box("ftyp", []byte("heic"), u32(0), []byte("mif1heic"))
	build := func(mdatAt int) []byte {
		iloc := fullBox("iloc", 0, u16(0x4400), u16(2),
			u16(2), u16(0), u16(1), u32(mdatAt+8), u32(len(exif)),
			u16(3), u16(0), u16(1), u32(mdatAt+8+len(exif)), u32(len(xmp)))
		iinf := fullBox("iinf", 0, u16(3), infe(1, "hvc1", ""), infe(2, "Exif", ""), infe(3, "mime", "application/rdf+xml\x00"))
		ipco := box("ipco", fullBox("ispe", 0, u32(4032), u32(3024)), box("irot", []byte{1}), box("colr", []byte("prof"), []byte("ICCDATA")))
		ipma := fullBox("ipma", 0, u32(1), u16(1), []byte{3, 0x81, 0x02, 0x83})
		meta := fullBox("meta", 0, fullBox("hdlr", 0, u32(0), []byte("pict"), make([]byte, 13)),
			fullBox("pitm", 0, u16(1)), iloc, iinf, box("iprp", ipco, ipma))
		return append(append(bytes.Clone(ftyp), meta...), box("mdat", exif, xmp)...)
	}
	first := build(0)
	return build(len(first) - (8 + len(exif) + len(xmp)))
}

func TestParseHEIF(t *testing.T) {
	info, err := ParseHEIF(minimalHEIF())
	if err != nil {
		t.Fatal(err)
	}
	if info.Width != 3024 || info.Height != 4032 {
		t.Errorf("size %d×%d, want 3024×4032 (ispe turned by irot)", info.Width, info.Height)
	}
	if exifOrientation(info.EXIF) != 6 || string(info.XMP) != "<x:xmpmeta/>" || string(info.ICC) != "ICCDATA" || info.Sequence {
		t.Errorf("exif orientation %d, xmp %q, icc %q, sequence %v", exifOrientation(info.EXIF), info.XMP, info.ICC, info.Sequence)
	}
	if brands, ok := HEIFBrands(minimalHEIF()); !ok || brands[0] != "heic" {
		t.Errorf("brands %v", brands)
	}
	for _, bad := range [][]byte{nil, []byte("\x00\x00\x00\x10ftypisom\x00\x00\x00\x00"), minimalHEIF()[:40]} {
		if _, err := ParseHEIF(bad); err == nil {
			t.Errorf("%q parsed", bad)
		}
	}
}

func TestStripXMPOrientation(t *testing.T) {
	in := `<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:tiff="http://ns.adobe.com/tiff/1.0/" tiff:Orientation="3" tiff:Make="X"><tiff:Orientation>3</tiff:Orientation></rdf:Description></rdf:RDF></x:xmpmeta>`
	got := string(StripXMPOrientation([]byte(in)))
	if strings.Contains(got, "Orientation") || !strings.Contains(got, `tiff:Make="X"`) {
		t.Errorf("got %s", got)
	}
}

// TestHEIFCodedColour reads how real phones' HEIFs say their samples are
// coded: an nclx box (Nokia: limited range, BT.601; a .NET-made file:
// full range) or none (iPhone, Android's HEIF writer), and the HEVC
// configuration of the primary picture or, for a grid, its first tile.
func TestHEIFCodedColour(t *testing.T) {
	for _, c := range []struct {
		file string
		nclx *NCLX
	}{
		{"images/exif-samples_HMD_Nokia_8.3_5G_hdr.heif", &NCLX{Primaries: 5, Transfer: 1, Matrix: 5, FullRange: false}},
		{"images/md-extractor-images_Issue_437_(dotnet).heic", &NCLX{Primaries: 5, Transfer: 1, Matrix: 5, FullRange: true}},
		{"images/exif-samples_iphone_13_pro_max.HEIC", nil}, // a grid
		{"images/androidx-media_sample_MP.heic", nil},
	} {
		data, err := os.ReadFile(filepath.Join("../../../shared/realworld", c.file))
		if errors.Is(err, os.ErrNotExist) {
			t.Skip("../shared/realworld is absent")
		}
		info, err := ParseHEIF(data)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(info.NCLX, c.nclx) {
			t.Errorf("%s: nclx %+v, want %+v", c.file, info.NCLX, c.nclx)
		}
		if len(info.HVCC) < 23 || info.HVCC[0] != 1 {
			t.Errorf("%s: no hvcC record (%d bytes)", c.file, len(info.HVCC))
		}
	}
}
