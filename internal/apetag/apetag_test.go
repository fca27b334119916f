package apetag

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

func TestReadAndWrite(t *testing.T) {
	items := []Item{TextItem("Title", "Жаңалықтар"), TextItem("Artist", "A\x00B"),
		{Key: "Cover Art (Front)", Flags: Binary << 1, Value: []byte("a.jpg\x00\xff\xd8")},
		{Key: "Weblink", Flags: Locator<<1 | 1, Value: []byte("https://belgi.kz")}}
	tag := Bytes(items)
	audio := []byte("wvpk audio bytes")
	footerOnly := append(slices.Clone(tag[32:len(tag)-32]), tag[len(tag)-32:]...)
	footerOnly[len(footerOnly)-9] = 0 // no header flag
	id3v1 := append([]byte("TAG"), make([]byte, 125)...)
	cases := []struct {
		name   string
		file   []byte
		offset int64
	}{
		{"header and footer", append(slices.Clone(audio), tag...), int64(len(audio))},
		{"footer only", append(slices.Clone(audio), footerOnly...), int64(len(audio))},
		{"before ID3v1", append(append(slices.Clone(audio), tag...), id3v1...), int64(len(audio))},
	}
	for _, c := range cases {
		got, err := Read(bytes.NewReader(c.file), int64(len(c.file)))
		if err != nil || got == nil || got.Offset != c.offset || !slices.EqualFunc(got.Items, items, same) {
			t.Errorf("%s: %+v %v", c.name, got, err)
		}
	}
	if got, _ := Read(bytes.NewReader(items[0].Value), int64(len(items[0].Value))); got != nil {
		t.Error("a tag found where there is none")
	}
	if v := items[1].Values(); !slices.Equal(v, []string{"A", "B"}) || items[2].Type() != Binary || items[3].Type() != Locator {
		t.Errorf("values %q, types %d %d", v, items[2].Type(), items[3].Type())
	}
}

func same(a, b Item) bool {
	return a.Key == b.Key && a.Flags == b.Flags && bytes.Equal(a.Value, b.Value)
}

func TestReadDamaged(t *testing.T) {
	tag := Bytes([]Item{TextItem("Title", "x")})
	huge := slices.Clone(tag)
	huge[len(huge)-32+12] = 0xFF // size past the file
	cut := slices.Clone(tag)
	cut[32] = 0x7F // the first item's value runs past the items
	for name, b := range map[string][]byte{"size": huge, "item": cut} {
		if _, err := Read(bytes.NewReader(b), int64(len(b))); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}

func FuzzRead(f *testing.F) {
	f.Add(Bytes([]Item{TextItem("Title", "x"), {Key: "Cover Art (Back)", Flags: 2, Value: []byte("b\x00c")}}))
	for _, pat := range []string{"*.ape", "*.wv"} {
		paths, _ := filepath.Glob(filepath.Join("..", "..", "..", "shared", "realworld", "audio", pat))
		for _, p := range paths {
			if b, err := os.ReadFile(p); err == nil {
				f.Add(b[max(0, len(b)-4096):])
			}
		}
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		tag, err := Read(bytes.NewReader(b), int64(len(b)))
		if err != nil || tag == nil {
			return
		}
		again, err := Read(bytes.NewReader(Bytes(tag.Items)), int64(len(Bytes(tag.Items))))
		if err != nil || !slices.EqualFunc(again.Items, tag.Items, same) {
			t.Fatalf("items do not survive writing: %v", err)
		}
	})
}
