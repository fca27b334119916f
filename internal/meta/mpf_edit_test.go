package meta

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/belgi-kz/belgi/internal/samples"
)

// mpo is a stereo pair: two JPEGs joined under an MP index.
func mpo(t testing.TB) (file []byte, view []byte) {
	view = encodeJPEG(t, testImage(16, 12))
	out, err := JoinMPF(encodeJPEG(t, testImage(16, 12)), samples.MPFIndex(0x020002, 0x020002), [][]byte{view})
	if err != nil {
		t.Fatal(err)
	}
	return out, view
}

func TestJoinAndSplitMPF(t *testing.T) {
	file, view := mpo(t)
	mp, ok, err := SplitMPF(file)
	if err != nil || !ok || len(mp.Parts) != 1 || !bytes.Equal(mp.Parts[0], view) {
		t.Fatalf("split: ok %v, %v", ok, err)
	}
	if int(mp.Images[0].Size)+len(view) != len(file) {
		t.Errorf("first image %d bytes + view %d, file %d", mp.Images[0].Size, len(view), len(file))
	}
	if _, err := exec.LookPath("exiftool"); err != nil {
		return
	}
	path := filepath.Join(t.TempDir(), "pair.mpo")
	os.WriteFile(path, file, 0o644)
	got, err := exec.Command("exiftool", "-b", "-MPImage2", path).Output()
	if err != nil || !bytes.Equal(got, view) {
		t.Errorf("exiftool extracts %d bytes as MPImage2, want the view's %d (%v)", len(got), len(view), err)
	}
}

// TestShiftMPF: a first image that grew by 100 bytes, 60 of them after
// the MP header, moves the view's offset by 60 and its size by 100.
func TestShiftMPF(t *testing.T) {
	file, _ := mpo(t)
	mp, _, _ := SplitMPF(file)
	shifted, err := ShiftMPF(mp.Index, 100, 60)
	if err != nil {
		t.Fatal(err)
	}
	got, _ := ParseMPF(shifted)
	if got[0].Size != mp.Images[0].Size+100 || got[0].Offset != 0 || got[1].Offset != mp.Images[1].Offset+60 || got[1].Size != mp.Images[1].Size {
		t.Errorf("shifted %+v from %+v", got, mp.Images)
	}
	if _, err := ShiftMPF([]byte("MPF\x00II*\x00"), 1, 1); err == nil || !strings.Contains(err.Error(), "mpf") {
		t.Errorf("broken index: %v", err)
	}
}

func TestSplitMPFRefusesBadOffsets(t *testing.T) {
	file, _ := mpo(t)
	mp, _, _ := SplitMPF(file)
	bad, _ := setEntries(mp.Index, []uint32{mp.Images[0].Size, 1 << 30}, []uint32{0, mp.Images[1].Offset})
	broken := bytes.Replace(file, mp.Index, bad, 1)
	if _, ok, err := SplitMPF(broken); ok || err == nil {
		t.Errorf("an image past the end split: ok %v, %v", ok, err)
	}
}
