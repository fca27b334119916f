package meta

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"hash/crc32"
	"io"
)

// How a source chunk travels to the output.
const (
	carryBeforePLTE = iota + 1 // colour space chunks: must precede PLTE
	carryBeforeIDAT            // the rest we keep
)

// pngCarry lists the source chunks worth keeping and where they must go.
// Colour-type dependent chunks (PLTE, tRNS, bKGD, hIST, sBIT, sPLT) are not
// here: they come from the new encoding or not at all.
var pngCarry = map[string]int{
	"cHRM": carryBeforePLTE, "gAMA": carryBeforePLTE, "iCCP": carryBeforePLTE,
	"sRGB": carryBeforePLTE, "cICP": carryBeforePLTE, "mDCV": carryBeforePLTE,
	"cLLI": carryBeforePLTE,
	"pHYs": carryBeforeIDAT, "eXIf": carryBeforeIDAT,
	"tEXt": carryBeforeIDAT, "zTXt": carryBeforeIDAT, "iTXt": carryBeforeIDAT,
}

// pngDropNotes explains the drops a caller should hear about.
var pngDropNotes = map[string]string{
	"caBX": "C2PA manifest (caBX) dropped: its hash binding no longer matches; carry it as an ingredient",
	"acTL": "APNG animation dropped: the output is a still image",
	"tIME": "tIME dropped: the image was modified",
	"bKGD": "bKGD dropped: it depends on the source's colour type",
	"sBIT": "sBIT dropped: it depends on the source's colour type",
	"sPLT": "sPLT dropped: it depends on the source's palette",
	"hIST": "hIST dropped: it depends on the source's palette",
}

// SplicePNG writes encoded (a PNG from Go's encoder) with source's
// ancillary chunks carried over and xmp as an uncompressed iTXt chunk. The
// new IHDR, PLTE, tRNS and IDAT come from encoded. It returns notes for
// each kind of chunk it dropped.
func SplicePNG(w io.Writer, encoded []byte, source *PNGInfo, xmp []byte) ([]string, error) {
	enc, err := readPNGChunks(encoded)
	if err != nil {
		return nil, fmt.Errorf("meta: png: encoded image: %w", err)
	}
	if len(xmp) == 0 {
		return nil, fmt.Errorf("meta: png: empty XMP packet")
	}
	has := map[string]bool{}
	for _, c := range enc {
		has[c.Type] = true
	}
	if !has["IDAT"] {
		return nil, fmt.Errorf("meta: png: encoded image has no IDAT")
	}
	early, late, notes := pngSourceChunks(source, has, pngChannels(enc[0].Data))
	late = append(late, xmpITXt(xmp))
	var b bytes.Buffer
	b.Write(pngSig)
	writeChunk(&b, enc[0])
	writeChunks(&b, early)
	idat := false
	for _, c := range enc[1:] {
		if c.Type == "IDAT" && !idat {
			writeChunks(&b, late)
			idat = true
		}
		writeChunk(&b, c)
	}
	_, err = w.Write(b.Bytes())
	return notes, err
}

// pngSourceChunks sorts the source's chunks into those that go before PLTE
// and those that go before IDAT, leaving out what the new encoding already
// has, what is stale and any previous XMP.
func pngSourceChunks(src *PNGInfo, has map[string]bool, channels int) (early, late []PNGChunk, notes noteSet) {
	if src == nil {
		return nil, nil, nil
	}
	for _, c := range src.Chunks {
		where := pngCarry[c.Type]
		switch {
		case c.Type == "iCCP" && !iccFits(src.ICC, channels):
			notes.add(iccNote(src.ICC, channels))
		case isXMPText(c):
		case where == 0 && critical(c.Type):
		case where == 0 && pngDropNotes[c.Type] != "":
			notes.add(pngDropNotes[c.Type])
		case where == 0 && c.Type != "tRNS" && c.Type != "fcTL" && c.Type != "fdAT":
			notes.add(fmt.Sprintf("unknown chunk %s dropped", c.Type))
		case where == 0 || (has[c.Type] && !isText(c)):
		case where == carryBeforePLTE:
			early = append(early, c)
		default:
			late = append(late, c)
		}
	}
	return early, late, notes
}

// isXMPText spots an old XMP packet, including ImageMagick's hex-encoded
// "Raw profile type xmp", which readers would otherwise show beside ours.
func isXMPText(c PNGChunk) bool {
	if !isText(c) {
		return false
	}
	k := textKeyword(c)
	return k == xmpKeyword || k == rawProfileKeyword
}

func isText(c PNGChunk) bool { return c.Type == "tEXt" || c.Type == "zTXt" || c.Type == "iTXt" }

// critical chunks have an uppercase first letter.
func critical(t string) bool { return t[0] >= 'A' && t[0] <= 'Z' }

// pngChannels is the number of colour channels (alpha aside) IHDR's
// colour type implies: grey types 0 and 4 have one, the others three.
func pngChannels(ihdr []byte) int {
	if len(ihdr) >= 10 && (ihdr[9] == 0 || ihdr[9] == 4) {
		return 1
	}
	return 3
}

func writeChunks(b *bytes.Buffer, cs []PNGChunk) {
	for _, c := range cs {
		writeChunk(b, c)
	}
}

func writeChunk(b *bytes.Buffer, c PNGChunk) {
	var hdr [8]byte
	binary.BigEndian.PutUint32(hdr[:], uint32(len(c.Data)))
	copy(hdr[4:], c.Type)
	crc := crc32.NewIEEE()
	crc.Write(hdr[4:])
	crc.Write(c.Data)
	b.Write(hdr[:])
	b.Write(c.Data)
	b.Write(binary.BigEndian.AppendUint32(nil, crc.Sum32()))
}
