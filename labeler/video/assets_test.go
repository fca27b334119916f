package video

import (
	"context"
	"encoding/json"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/belgi-kz/belgi/internal/ffmpeg"
	"github.com/belgi-kz/belgi/labeler"
)

// TestWriteAssets makes the pack for a video and holds it to ffprobe and
// ffmpeg: a ProRes 4444 badge clip with alpha of the badge's length, a
// slate clip, a notice at the video's sample rate; and the badge clip
// composited over the source by ffmpeg looks like Belgi's own render.
func TestWriteAssets(t *testing.T) {
	in := smartClip(t, "h264.mp4")
	spec := smartSpec()
	spec.Video.Slate = true
	ctx := context.Background()
	opt, err := AssetOptionsFor(ctx, in, spec)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	assets, err := testKind().WriteAssets(ctx, dir, spec, opt)
	if err != nil {
		t.Fatal(err)
	}
	if len(assets) != 6 {
		t.Errorf("wrote %v", assets)
	}
	checkBadgePNG(t, filepath.Join(dir, assetBadgePNG))
	checkStream(t, filepath.Join(dir, assetBadgeMOV), "prores", "yuva444p12le", 50)
	checkStream(t, filepath.Join(dir, assetSlate), "prores", "yuv422p10le", 63)
	checkStream(t, filepath.Join(dir, assetNotice), "pcm_s16le", "", 0)
	if d := mustDetail(t, filepath.Join(dir, assetNotice)); d.SampleRate != "48000" || d.Channels != 1 {
		t.Errorf("notice %s Hz %d channels, want the video's 48000 Hz mono", d.SampleRate, d.Channels)
	}
	var m manifest
	b, _ := os.ReadFile(filepath.Join(dir, assetManifest))
	if err := json.Unmarshal(b, &m); err != nil || m.Frame != [2]int{320, 240} || m.BadgeSeconds != 2 || m.SlateSeconds != 2.5 {
		t.Errorf("manifest %+v %v", m, err)
	}
	readme, _ := os.ReadFile(filepath.Join(dir, assetReadme))
	for _, want := range []string{assetBadgeMOV, assetSlate, assetNotice, "Premiere", "Resolve", "Final Cut", "Kdenlive", "for 2 s"} {
		if !strings.Contains(string(readme), want) {
			t.Errorf("README says nothing of %q", want)
		}
	}
	compareComposite(t, in, filepath.Join(dir, assetBadgeMOV), spec)
}

func checkBadgePNG(t *testing.T, path string) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	if img.Bounds() != image.Rect(0, 0, 320, 240) {
		t.Errorf("badge PNG %v, want the full 320×240 frame", img.Bounds())
	}
	if _, _, _, a := img.At(2, 2).RGBA(); a != 0 {
		t.Errorf("the frame's corner is not transparent (alpha %d)", a)
	}
}

func mustDetail(t *testing.T, path string) ffmpeg.Detail {
	t.Helper()
	d, err := ffmpeg.StreamDetail(context.Background(), path, 0)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// checkStream checks a clip's codec, pixel format and frame count, and
// that ffmpeg decodes it without a word.
func checkStream(t *testing.T, path, codec, pixFmt string, frames int) {
	t.Helper()
	d := mustDetail(t, path)
	if d.CodecName != codec || (pixFmt != "" && d.PixFmt != pixFmt) {
		t.Errorf("%s: %s %s, want %s %s", filepath.Base(path), d.CodecName, d.PixFmt, codec, pixFmt)
	}
	if frames > 0 && packetCount(t, path) != frames {
		t.Errorf("%s: %d frames, want %d", filepath.Base(path), packetCount(t, path), frames)
	}
	if msg := decodeErrors(t, path); msg != "" {
		t.Errorf("%s: %s", filepath.Base(path), msg)
	}
}

// compareComposite overlays the badge clip on the source with ffmpeg, as
// an editor's timeline would, and compares the label's region at 1 s
// with Belgi's own labeled copy.
func compareComposite(t *testing.T, in, badge string, spec labeler.Spec) {
	t.Helper()
	spec.Video.Slate, spec.Video.Spoken = false, false
	res := label(t, testKind(), in, spec)
	out := filepath.Join(t.TempDir(), "composite.mp4")
	_, err := ffmpeg.Run(context.Background(), "ffmpeg", "-v", "error", "-i", in, "-i", badge,
		"-filter_complex", "[0:v][1:v]overlay=0:0:eof_action=pass", "-c:v", "libx264", "-crf", "12", "-preset", "ultrafast", "-an", out)
	if err != nil {
		t.Fatal(err)
	}
	r := badgeRect(t, spec, 320, 240)
	if d := meanDiff(frame(t, out, 1), frame(t, res.Output, 1), r); d > 4 {
		t.Errorf("the composited badge differs from Belgi's by %.1f on average", d)
	}
}
