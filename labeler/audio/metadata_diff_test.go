package audio_test

import (
	"context"
	"regexp"
	"testing"

	"github.com/belgi-kz/belgi/internal/avdiff"
	"github.com/belgi-kz/belgi/labeler"
)

// allowedAudio lists every difference between a source and its labeled
// copy that Belgi means to make, as ffprobe and exiftool see them;
// TestMetadataDifferencesAreBelgis fails on any other.
var allowedAudio = []*regexp.Regexp{
	// Belgi's marks: XMP (exiftool's XMP groups), DigitalSourceType and
	// XMP tags, an ID3 TXXX/PRIV, a _PMX chunk.
	regexp.MustCompile(`^exif XMP-[a-zA-Z]+:\S+ added$`),
	regexp.MustCompile(`(?i)^(format|stream \d+) tag (XMP|DIGITALSOURCETYPE|DIGITAL_SOURCE_TYPE|DigitalSourceType) added$`),
	regexp.MustCompile(`(?i)^exif \S+:(Xmp|Digitalsourcetype|DigitalSourceType|UserDefinedText|Belgi|Private)\S* added$`),
	regexp.MustCompile(`^format tag (Belgi|id3v2_priv\.XMP) added$|^exif File:ID3Size( added|:)`),
	// Content Credentials: a C2PA box before the media (the media data
	// moves) or an ID3v2 GEOB frame in front of a FLAC stream.
	regexp.MustCompile(`^exif QuickTime:MediaDataOffset:`),
	regexp.MustCompile(`^exif ID3v2_\d:UserDefinedText = \((Belgi|DigitalSourceType)\) .* added$`),
	// The spoken notice makes the file longer.
	regexp.MustCompile(`^exif \S+:(Duration|TotalSamples|NumberOfSamples|NumberOfSamples64|DataSize64|RIFFSize64|SampleCount|AudioFrames|MediaDuration|TrackDuration|AudioBytes|FrameCount|VBRFrames|VBRBytes|MusicLength|MusicCRC|LameMusicLength|LameMusicCRC)(:| = )`),
	// A re-encode or re-mux writes its own encoder, stream statistics and
	// Matroska track UIDs.
	regexp.MustCompile(`(?i)^(format|stream \d+) tag (encoder|ENCODER|encoded_by|vendor_id|DURATION)( added| lost|:)`),
	regexp.MustCompile(`^exif (Matroska:TagTrackUID|Track\d+:TrackUID):`),
	regexp.MustCompile(`^exif (Vorbis|FLAC):(Vendor|BlockSizeMin|BlockSizeMax|FrameSizeMin|FrameSizeMax|MD5Signature|MaximumBitrate|MinimumBitrate|NominalBitrate):`),
	// A header frame counting the frames precedes an MP3 stream that had
	// none; Belgi's ID3v2 is version 2.3 where the source's was 2.2.
	regexp.MustCompile(`^exif MPEG:(OriginalMedia|CopyrightFlag):`),
	regexp.MustCompile(`^exif MPEG:(Encoder|LameVBRQuality|LameQuality|LameMethod|LameLowPassFilter|LameBitrate|LameStereoMode|VBRScale) added$`),
	regexp.MustCompile(`^exif ID3v2_2:\S+ lost$|^exif ID3v2_3:\S+ added$`),
	// MP4: the new track's timestamps; iTunes' encoder-delay tag (stale
	// after a re-encode) is left out.
	regexp.MustCompile(`^exif (QuickTime|Track\d+):(MediaDataSize|CreateDate|ModifyDate|TrackCreateDate|TrackModifyDate|MediaCreateDate|MediaModifyDate|TimeScale|MediaTimeScale|MediaHeaderVersion|HandlerVendorID|AvgBitrate|MaxBitrate|PreferredVolume|NextTrackID|MatrixStructure|Balance):`),
	regexp.MustCompile(`^(exif iTunes:iTunSMPB|format tag iTunSMPB) lost$`),
}

// TestMetadataDifferencesAreBelgis labels sources carrying the metadata
// real files carry and compares each with its copy using ffprobe and
// exiftool: the only differences are the ones listed in allowedAudio.
func TestMetadataDifferencesAreBelgis(t *testing.T) {
	need(t, "ffmpeg", "ffprobe", "exiftool")
	tags := []string{"-metadata", "title=Жаңалықтар", "-metadata", "artist=Aigerim", "-metadata", "album=Morning",
		"-metadata", "comment=Recorded in Almaty", "-metadata", "date=2026"}
	for _, tc := range []struct {
		name string
		args []string
	}{
		{"a.mp3", append([]string{"-c:a", "libmp3lame", "-b:a", "128k"}, tags...)},
		{"a.flac", append([]string{"-c:a", "flac"}, tags...)},
		{"a.ogg", append([]string{"-c:a", "libvorbis", "-b:a", "128k"}, tags...)},
		{"a.opus", append([]string{"-c:a", "libopus", "-b:a", "96k"}, tags...)},
		{"a.m4a", append([]string{"-c:a", "aac", "-b:a", "128k"}, tags...)},
		{"a.wav", append([]string{"-c:a", "pcm_s16le"}, tags...)},
		{"a.webm", append([]string{"-c:a", "libopus", "-metadata:s:a:0", "title=Voice", "-metadata:s:a:0", "COPYRIGHT=CC BY-NC-SA"}, tags...)},
		{"a.wv", append([]string{"-c:a", "wavpack"}, tags...)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			in := generate(t, t.TempDir(), tc.name, tc.args...)
			res := process(t, in)
			if res.Status != labeler.StatusOK {
				t.Fatalf("%s: %v", res.Status, res.Err)
			}
			diffs, err := avdiff.Diff(context.Background(), in, res.Output)
			if err != nil {
				t.Fatal(err)
			}
			for _, d := range avdiff.Unexpected(diffs, allowedAudio) {
				t.Errorf("unexpected difference: %s", d)
			}
		})
	}
}
