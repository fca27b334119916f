package wavpack

import (
	"bytes"
	"encoding/binary"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// block builds a block holding the sub-blocks (already encoded).
func block(total uint32, subs ...[]byte) []byte {
	h := make([]byte, headerLen)
	copy(h, "wvpk")
	binary.LittleEndian.PutUint16(h[8:], 0x410)
	binary.LittleEndian.PutUint32(h[12:], total)
	for _, s := range subs {
		h = append(h, s...)
	}
	binary.LittleEndian.PutUint32(h[4:], uint32(len(h)-8))
	return h
}

func TestBlocksAndMeta(t *testing.T) {
	audio := subBlock(0x0A, bytes.Repeat([]byte{1}, 700)) // large: 350 words
	first := block(1000, subBlock(IDRIFFHeader, []byte("RIFF-odd")[:7]), audio)
	file := append(append(first, block(0xFFFFFFFF, audio)...), "APETAGEX"...)
	blocks, end, err := Blocks(bytes.NewReader(file), int64(len(file)))
	if err != nil || len(blocks) != 2 || end != int64(len(file)-8) || blocks[0].TotalSamples != 1000 || blocks[1].TotalSamples != -1 {
		t.Fatalf("%+v %d %v", blocks, end, err)
	}
	if h, err := Meta(first, IDRIFFHeader); err != nil || string(h) != "RIFF-od" {
		t.Errorf("header %q %v", h, err)
	}
	if d, _ := Meta(first, 0x0A); len(d) != 700 {
		t.Errorf("large sub-block of %d bytes", len(d))
	}
	if _, _, err := Blocks(bytes.NewReader(file[:40]), 40); err == nil || !strings.Contains(err.Error(), "truncated") {
		t.Errorf("a cut block: %v", err)
	}
}

func TestInsert(t *testing.T) {
	b := block(10, subBlock(0x0A, []byte{1, 2}))
	for _, data := range [][]byte{[]byte("odd"), bytes.Repeat([]byte("x"), 600), {}} {
		out, err := Insert(b, IDRIFFTrailer, data)
		if err != nil {
			t.Fatal(err)
		}
		if got, err := Meta(out, IDRIFFTrailer); err != nil || !bytes.Equal(got, data) {
			t.Errorf("inserted %q, read %q (%v)", data, got, err)
		}
		if n := binary.LittleEndian.Uint32(out[4:]); int(n) != len(out)-8 {
			t.Errorf("block size %d for %d bytes", n, len(out))
		}
		if d, _ := Meta(out, 0x0A); !bytes.Equal(d, []byte{1, 2}) {
			t.Error("the audio sub-block moved wrong")
		}
	}
	checked := block(10, subBlock(IDBlockCheck, []byte{1, 2}))
	if _, err := Insert(checked, IDRIFFHeader, []byte("x")); err == nil {
		t.Error("a self-checked block took metadata")
	}
	twice, _ := Insert(b, IDRIFFHeader, []byte("x"))
	if _, err := Insert(twice, IDRIFFHeader, []byte("y")); err == nil {
		t.Error("a second RIFF header went in")
	}
}

func FuzzBlocks(f *testing.F) {
	f.Add(block(5, subBlock(IDRIFFHeader, []byte("RIFF")), subBlock(0x0A, []byte{1, 2, 3})))
	paths, _ := filepath.Glob(filepath.Join("..", "..", "..", "shared", "realworld", "audio", "*.wv"))
	for _, p := range paths {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(b[:min(len(b), 8<<10)])
		}
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		blocks, _, err := Blocks(bytes.NewReader(b), int64(len(b)))
		if err != nil {
			return
		}
		first := b[blocks[0].Offset : blocks[0].Offset+blocks[0].Size]
		out, err := Insert(first, IDRIFFTrailer, []byte("LIST"))
		if err != nil {
			return
		}
		if got, err := Meta(out, IDRIFFTrailer); err != nil || string(got) != "LIST" {
			t.Fatalf("inserted metadata reads back %q (%v)", got, err)
		}
	})
}
