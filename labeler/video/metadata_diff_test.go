package video

import (
	"context"
	"os/exec"
	"regexp"
	"testing"

	"github.com/belgi-kz/belgi/internal/avdiff"
)

// allowedVideo lists every difference between a source and its labeled
// copy that Belgi means to make, as ffprobe and exiftool see them;
// TestMetadataDifferencesAreBelgis fails on any other.
var allowedVideo = []*regexp.Regexp{
	// Belgi's marks: the XMP packet, the comment with the notice and the
	// record, Matroska/FLV/ASF tags, MXF user comments, the TS service.
	regexp.MustCompile(`^exif XMP-[a-zA-Z]+:\S+ added$`),
	regexp.MustCompile(`(?i)^format tag (comment|XMP|DIGITAL_SOURCE_TYPE|BELGI|comment_\w+)( added|:)`),
	regexp.MustCompile(`(?i)^exif \S+:(Comment|Xmp|DigitalSourceType|Digital_source_type|Belgi|UserComment)\S*( added|:| = )`),
	// The picture is re-encoded: its encoder, bit rate, stream statistics
	// and sizes are the new encode's.
	regexp.MustCompile(`(?i)^(format|stream \d+) tag (encoder|ENCODER|DURATION|BPS|NUMBER_OF_FRAMES|NUMBER_OF_BYTES|_STATISTICS_\w+|vendor_id)(-\w+)?( added| lost|:)`),
	// Matroska records the depth of the samples the encoder was given
	// (the mixed sound is 32-bit); a lossy codec has none of its own.
	regexp.MustCompile(`^exif Track\d+:AudioBitsPerSample:`),
	regexp.MustCompile(`^exif (QuickTime|Track\d+|Matroska|H264|M2TS|MPEG|ASF|FLV):(MediaDataSize|MediaDataOffset|CompressorID|CompressorName|VideoCodecName|Encoder|EncoderSettings|WritingApp|MuxingApp|TrackUID|TagTrackUID|Duration|AvgBitrate|MaxBitrate|VideoFrameRate|XResolution|YResolution|BitDepth|GraphicsMode|OpColor|SourceImageWidth|SourceImageHeight|CreateDate|ModifyDate|TrackCreateDate|TrackModifyDate|MediaCreateDate|MediaModifyDate|TimeScale|MediaTimeScale|MediaHeaderVersion|HandlerVendorID|NextTrackID|PreferredVolume|TrackDuration|MediaDuration|TrackLayer|TrackVolume|Balance|FrameCount|DateUTC|DefaultDuration|VideoCodecID|CodecID|AverageBitrate)(:| = | added| lost)`),
}

// TestMetadataDifferencesAreBelgis labels videos carrying the metadata
// phones and editors write and compares each with its copy using
// ffprobe and exiftool: the only differences are those in allowedVideo.
func TestMetadataDifferencesAreBelgis(t *testing.T) {
	if _, err := exec.LookPath("exiftool"); err != nil {
		t.Skip("exiftool is not installed")
	}
	tags := []string{"-metadata", "title=Жаңалықтар", "-metadata", "artist=Newsroom", "-metadata", "comment=Shot in Almaty",
		"-metadata:s:v:0", "language=kaz", "-metadata:s:a:0", "language=rus", "-metadata:s:a:0", "title=Voice"}
	av := []string{"-map", "0:v", "-map", "1:a", "-c:v", "libx264", "-preset", "ultrafast"}
	for _, tc := range []struct {
		name string
		args []string
	}{
		{"a.mp4", append(append(av, "-c:a", "aac", "-metadata", "location=+43.2567+076.9286/"), tags...)},
		{"a.mov", append(append(av, "-c:a", "aac", "-metadata", "make=Apple", "-metadata", "model=iPhone"), tags...)},
		{"a.mkv", append(append(av, "-c:a", "libopus", "-metadata", "COPYRIGHT=CC BY-NC-SA"), tags...)},
		{"a.webm", append([]string{"-map", "0:v", "-map", "1:a", "-c:v", "libvpx-vp9", "-deadline", "realtime", "-cpu-used", "8",
			"-c:a", "libopus", "-metadata:s:a:0", "COPYRIGHT=CC BY-NC-SA"}, tags...)},
		{"a.ts", append(av, "-c:a", "aac")},
	} {
		t.Run(tc.name, func(t *testing.T) {
			in := makeVideo(t, tc.name, "320x240", tc.args...)
			res := label(t, testKind(), in, testSpec())
			diffs, err := avdiff.Diff(context.Background(), in, res.Output)
			if err != nil {
				t.Fatal(err)
			}
			for _, d := range avdiff.Unexpected(diffs, allowedVideo) {
				t.Errorf("unexpected difference: %s", d)
			}
		})
	}
}
