package audio

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/belgi-kz/belgi/internal/wav"
	"github.com/belgi-kz/belgi/labeler"
)

// benchMinutes is the programme length of the labeling benchmarks: an
// hour, the length of a long podcast or interview.
const benchMinutes = 60

// benchProgramme writes an hour of 44.1 kHz stereo 16-bit WAV (and, for
// MP3, encodes it at 128 kbit/s) once per benchmark.
func benchProgramme(b *testing.B, ext string) string {
	b.Helper()
	dir := b.TempDir()
	in := filepath.Join(dir, "hour.wav")
	writeWAV(b, in, wav.PCM16(44100, 2), programme(44100, 2, benchMinutes*60))
	if ext == ".wav" {
		return in
	}
	needTool(b, "ffmpeg")
	out := encodeFixture(b, dir, "hour.mp3", programme(44100, 2, benchMinutes*60), "-b:a", "128k")
	os.Remove(in)
	return out
}

func benchLabel(b *testing.B, ext string) {
	in := benchProgramme(b, ext)
	spec := labeler.DefaultSpec()
	spec.Out.Overwrite = true
	b.ResetTimer()
	for b.Loop() {
		labelFile(b, in, spec)
	}
	perOp := b.Elapsed().Seconds() / float64(b.N)
	b.ReportMetric(benchMinutes*60/perOp, "x_realtime")
}

// BenchmarkLabelWAVHour: native WAV, programme bytes copied.
func BenchmarkLabelWAVHour(b *testing.B) { benchLabel(b, ".wav") }

// BenchmarkLabelMP3Hour: MP3 frames copied behind an encoded notice.
func BenchmarkLabelMP3Hour(b *testing.B) { benchLabel(b, ".mp3") }
