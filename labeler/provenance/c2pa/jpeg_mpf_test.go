package c2pa

import (
	"bytes"
	"testing"

	"github.com/belgi-kz/belgi/internal/meta"
	"github.com/belgi-kz/belgi/internal/samples"
	"github.com/belgi-kz/belgi/labeler"
)

// TestMultiPictureJPEGKeepsItsViews: the store's APP11 segments go after
// the MP index and before the further images, so signing moves them.
// The index must still point at each image, byte for byte, after signing
// and after signing again (which swaps the store for one of another
// size), and the reference implementation must find the hash intact.
func TestMultiPictureJPEGKeepsItsViews(t *testing.T) {
	s, root := devIdentity(t)
	view := samples.JPEG(samples.Scene(48, 32, 3), 85, 0)
	pair, err := meta.JoinMPF(samples.JPEG(picture(), 85, 0), samples.MPFIndex(0x020002, 0x020002), [][]byte{view})
	if err != nil {
		t.Fatal(err)
	}
	m := ManifestFor(specFor(labeler.Generated), "pair.jpg", "")
	once := signBytes(t, pair, "jpeg", m, s)
	m.Title = "a longer title, so the second store has another size"
	twice := signBytes(t, once, "jpeg", m, s)
	for name, out := range map[string][]byte{"signed": once, "signed again": twice} {
		mp, ok, err := meta.SplitMPF(out)
		if err != nil || !ok || !bytes.Equal(mp.Parts[0], view) {
			t.Errorf("%s: the index no longer finds the view (%v, %v)", name, ok, err)
			continue
		}
		if int(mp.Images[0].Size)+len(view) != len(out) {
			t.Errorf("%s: first image %d bytes + view %d, file %d", name, mp.Images[0].Size, len(view), len(out))
		}
		if v := reference(t, out, "jpeg", root); v.State != "Trusted" || len(v.Failures) > 0 {
			t.Errorf("%s: reference says %s %v", name, v.State, v.Failures)
		}
	}
}

// FuzzJPEGMPF: the JPEG layout, MP index included, never panics on a
// hostile file.
func FuzzJPEGMPF(f *testing.F) {
	pair, err := meta.JoinMPF(samples.JPEG(picture(), 85, 0), samples.MPFIndex(0x020002, 0x020002), [][]byte{samples.JPEG(picture(), 60, 0)})
	if err != nil {
		f.Fatal(err)
	}
	f.Add(pair)
	seedSigned(f, "jpeg")
	f.Fuzz(func(t *testing.T, data []byte) { fuzzContainer(t, jpegContainer{}, data) })
}
