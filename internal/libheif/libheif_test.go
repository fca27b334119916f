package libheif

import (
	"bytes"
	"errors"
	"image"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// iphone is a real iPhone 13 Pro Max HEIC: a 4032×3024 grid of 512×512
// HEVC tiles, stored sideways with an irot box, as every portrait iPhone
// photo is.
const iphone = "../../../shared/realworld/images/exif-samples_iphone_13_pro_max.HEIC"

func readCorpus(t *testing.T, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		t.Skip("../shared/realworld is absent")
	}
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// needLibrary fails rather than skips: scripts/deps.sh installs libheif1,
// so a machine without it has not run the set-up.
func needLibrary(t *testing.T) {
	t.Helper()
	if _, ok := Available(); !ok {
		t.Fatalf("no system libheif (%v): run scripts/deps.sh media", probeOnce().err)
	}
}

func TestDecodeIsUpright(t *testing.T) {
	needLibrary(t)
	img, err := Decode(readCorpus(t, iphone))
	if err != nil {
		t.Fatal(err)
	}
	if got := img.Bounds().Size(); got != image.Pt(3024, 4032) {
		t.Fatalf("size %v, want 3024×4032 (the irot box turns the stored 4032×3024)", got)
	}
	rgba, ok := img.(*image.RGBA)
	if !ok {
		t.Fatalf("an opaque photo decoded to %T", img)
	}
	// The picture is not blank: a photo has many distinct colours.
	seen := map[[3]byte]bool{}
	for i := 0; i < len(rgba.Pix); i += 4 * 997 {
		seen[[3]byte(rgba.Pix[i:i+3])] = true
		if rgba.Pix[i+3] != 255 {
			t.Fatalf("opaque photo has alpha %d", rgba.Pix[i+3])
		}
	}
	if len(seen) < 1000 {
		t.Errorf("only %d distinct colours in %d samples", len(seen), len(rgba.Pix)/(4*997))
	}
}

// TestDamagedFileIsAnError: a cut file gives libheif's error through the
// child, and the parent goes on.
func TestDamagedFileIsAnError(t *testing.T) {
	needLibrary(t)
	data := readCorpus(t, iphone)
	for _, in := range [][]byte{data[:len(data)/3], []byte("not a picture at all"), data[:100]} {
		img, err := Decode(in)
		if err == nil || errors.Is(err, ErrUnavailable) {
			t.Fatalf("%d bytes: picture %v, error %v", len(in), img, err)
		}
		if !strings.Contains(err.Error(), "libheif") {
			t.Errorf("error does not say where it came from: %v", err)
		}
	}
}

// TestChildFailures: a decoder that crashes, hangs or babbles costs an
// error, never the caller's process.
func TestChildFailures(t *testing.T) {
	needLibrary(t)
	dir := t.TempDir()
	script := func(name, body string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte("#!/bin/sh\n"+body+"\n"), 0o755); err != nil {
			t.Fatal(err)
		}
		return p
	}
	cases := []struct {
		name, body, want string
		crashed          bool
	}{
		{"crash", "cat >/dev/null; kill -SEGV $$", "signal", true},
		{"babble", "cat >/dev/null; echo hello, this is no picture at all", "garbled", false},
		{"short", "cat >/dev/null; printf 'BLH1\\002\\000\\000\\000\\002\\000\\000\\000\\000\\000\\000\\000abc'", "ends early", false},
		{"huge", "cat >/dev/null; printf 'BLH1\\377\\377\\000\\000\\377\\377\\000\\000\\000\\000\\000\\000'", "gave a", false},
		{"refusal", "cat >/dev/null; echo 'libheif: not a HEIF file' >&2; exit 1", "not a HEIF file", false},
		{"hang", "exec sleep 60", "still busy", true},
	}
	defer func(e func() (string, error), d time.Duration) { executable, timeout = e, d }(executable, timeout)
	timeout = 2 * time.Second
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := script(c.name, c.body)
			executable = func() (string, error) { return p, nil }
			start := time.Now()
			_, err := Decode([]byte("input"))
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("error %v, want one saying %q", err, c.want)
			}
			if errors.Is(err, ErrCrashed) != c.crashed {
				t.Errorf("%v: crashed %v, want %v", err, errors.Is(err, ErrCrashed), c.crashed)
			}
			if time.Since(start) > 10*time.Second {
				t.Errorf("took %v", time.Since(start))
			}
		})
	}
}

func TestDisabled(t *testing.T) {
	t.Setenv(DisableEnv, "1")
	if _, ok := Available(); ok {
		t.Fatal("available although disabled")
	}
	if _, err := Decode([]byte("x")); !errors.Is(err, ErrUnavailable) {
		t.Fatalf("error %v, want ErrUnavailable", err)
	}
}

// TestPictureRoundTrip: the child's answer reads back as the picture it
// described, with its alpha kind.
func TestPictureRoundTrip(t *testing.T) {
	rows := [][]byte{{1, 2, 3, 255, 4, 5, 6, 255}, {7, 8, 9, 128, 10, 11, 12, 0}}
	for _, c := range []struct {
		alpha, premultiplied bool
		want                 string
	}{{false, false, "*image.RGBA"}, {true, false, "*image.NRGBA"}, {true, true, "*image.RGBA"}} {
		var buf bytes.Buffer
		p := picture{width: 2, height: 2, alpha: c.alpha, premultiplied: c.premultiplied, row: func(y int) []byte { return rows[y] }}
		if err := writePicture(&buf, p); err != nil {
			t.Fatal(err)
		}
		img, err := readPicture(&buf)
		if err != nil {
			t.Fatal(err)
		}
		var pix []byte
		switch m := img.(type) {
		case *image.RGBA:
			pix = m.Pix
		case *image.NRGBA:
			pix = m.Pix
		}
		if typ := typeName(img); typ != c.want || !bytes.Equal(pix, append(rows[0], rows[1]...)) {
			t.Errorf("alpha %v premultiplied %v: %s %v", c.alpha, c.premultiplied, typ, pix)
		}
	}
}

func typeName(img image.Image) string {
	switch img.(type) {
	case *image.RGBA:
		return "*image.RGBA"
	case *image.NRGBA:
		return "*image.NRGBA"
	}
	return "other"
}
