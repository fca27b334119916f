package kinds_test

import (
	"errors"
	"image"
	"slices"
	"testing"

	"github.com/belgi-kz/belgi/internal/samples"
	"github.com/belgi-kz/belgi/labeler"
	"github.com/belgi-kz/belgi/labeler/kinds"
)

// TestDefaultDetects: in the default registry, where kinds compete, every
// format goes to its kind — M4A to audio though it is MP4, a PNG named
// .jpg to images, HTML to text — and what no kind knows is refused.
func TestDefaultDetects(t *testing.T) {
	docx, err := samples.DOCX([]string{"Сәлем"})
	if err != nil {
		t.Fatal(err)
	}
	img := image.NewRGBA(image.Rect(0, 0, 8, 8))
	ftyp := func(brand string) []byte { return []byte("\x00\x00\x00\x18ftyp" + brand + "\x00\x00\x02\x00isommp41") }
	for _, tc := range []struct {
		name string
		head []byte
		want string
	}{
		{"photo.jpg", samples.JPEG(img, 80, 1), labeler.KindImage},
		{"png-named.jpg", samples.PNG(img), labeler.KindImage},
		{"talk.wav", []byte("RIFF\x24\x00\x00\x00WAVEfmt "), labeler.KindAudio},
		{"song.mp3", []byte("ID3\x04\x00\x00\x00\x00\x00\x00"), labeler.KindAudio},
		{"song.flac", []byte("fLaC\x00\x00\x00\x22"), labeler.KindAudio},
		{"book.m4a", ftyp("M4A "), labeler.KindAudio},
		{"clip.mp4", ftyp("isom"), labeler.KindVideo},
		{"clip.mov", ftyp("qt  "), labeler.KindVideo},
		{"clip.mkv", []byte("\x1a\x45\xdf\xa3\x93\x42\x82\x88matroska"), labeler.KindVideo},
		{"clip.avi", []byte("RIFF\x24\x00\x00\x00AVI LIST"), labeler.KindVideo},
		{"story.pdf", samples.PDF([]string{"Page 1"}, ""), labeler.KindDocument},
		{"memo.docx", docx, labeler.KindDocument},
		{"page.html", []byte("<!DOCTYPE html><html><body>Сәлем</body></html>"), labeler.KindText},
		{"subs.vtt", []byte("WEBVTT\n\n00:01.000 --> 00:02.000\nСәлем\n"), labeler.KindText},
		{"notes.txt", []byte("Сәлем, әлем!\n"), labeler.KindText},
		{"subs.srt", []byte("1\n00:00:01,000 --> 00:00:02,000\nСәлем\n"), labeler.KindText},
	} {
		k, err := kinds.Default().DetectBytes(tc.name, tc.head[:min(len(tc.head), 4096)])
		if err != nil || k.Name() != tc.want {
			t.Errorf("%s: detected %v (%v), want %s", tc.name, k, err, tc.want)
		}
	}
	_, err = kinds.Default().DetectBytes("data.bin", []byte("\x00\x01\x02"))
	var fe *labeler.FileError
	if !errors.Is(err, labeler.ErrUnsupported) || !errors.As(err, &fe) || fe.Name != "data.bin" {
		t.Errorf("unknown data: %v", err)
	}
}

// TestKindNames: each kind reports the exported constant for its name.
func TestKindNames(t *testing.T) {
	var got []string
	for _, k := range kinds.Default().Kinds() {
		got = append(got, k.Name())
	}
	want := []string{labeler.KindImage, labeler.KindAudio, labeler.KindVideo, labeler.KindDocument, labeler.KindText}
	if !slices.Equal(got, want) {
		t.Errorf("kinds %v, want %v", got, want)
	}
}
