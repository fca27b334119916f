package audio

import (
	"context"
	"fmt"
	"math"
	"slices"
	"time"

	"github.com/belgi-kz/belgi/internal/pcm"
	"github.com/belgi-kz/belgi/labeler"
	"github.com/belgi-kz/belgi/labeler/provenance"
)

// VerifyLabel implements labeler.LabelVerifier: when Belgi's record says
// a spoken notice was placed, the sound must start with it. The stock
// notice the record's languages and involvement name is compared with
// the decoded start of the file by the loudness envelope of speech,
// which survives re-encoding, resampling and level changes but not a
// notice cut off or replaced.
func (kind) VerifyLabel(ctx context.Context, path string, _ labeler.Report) (bool, error) {
	xmp, err := recordXMP(ctx, path)
	if err != nil {
		return false, err
	}
	return NoticeAtStart(ctx, path, provenance.Read(xmp))
}

// recordXMP is the XMP packet in an audio file, found by the file's
// structure the way Inspect finds it.
func recordXMP(ctx context.Context, path string) ([]byte, error) {
	format, err := formatOf(path)
	if err != nil {
		return nil, err
	}
	switch format {
	case FormatWAV:
		src, err := openWAV(path)
		if err != nil {
			return nil, err
		}
		defer src.f.Close()
		return src.info.ReadChunk(src.f, "_PMX", 16<<20)
	case FormatMP3:
		t, err := readID3(path)
		if t == nil {
			return nil, err
		}
		return t.Private(privXMP), nil
	}
	m, err := readMarks(ctx, path, format, nil)
	return m.xmp, err
}

// NoticeAtStart reports whether the sound of the file at path (audio, or
// a video's sound track) starts with the stock notice rec describes. A
// record without a spoken layer has nothing to find; a custom notice
// cannot be recognised (labeler.ErrCannotVerify).
func NoticeAtStart(ctx context.Context, path string, rec provenance.Found) (bool, error) {
	if !slices.Contains(rec.Layers, labeler.LayerSpoken) {
		return true, nil
	}
	if rec.CustomNotice {
		return false, fmt.Errorf("%w: the notice is the user's own wording or recording", labeler.ErrCannotVerify)
	}
	want, err := speech(ctx, specFor(rec))
	if err != nil {
		return false, fmt.Errorf("%w: %v", labeler.ErrCannotVerify, err)
	}
	window := want.Duration().Seconds() + noticeSlack.Seconds()
	got, err := excerpt(ctx, path, window)
	if err != nil {
		return false, fmt.Errorf("%w: %v", labeler.ErrCannotVerify, err)
	}
	r, _ := bestMatch(envelope(want), envelope(got))
	return r >= noticeMatch, nil
}

// noticeSlack is how far into the file the notice may begin: after the
// rhythm cue, an encoder's priming, a short lead-in.
const noticeSlack = 6 * time.Second

// noticeMatch is the envelope correlation that counts as the notice.
// The notice read back after MP3 or AAC encoding correlates above 0.9;
// music or other speech stays well under 0.6.
const noticeMatch = 0.8

// specFor rebuilds the parts of a spec the stock notice depends on.
func specFor(rec provenance.Found) labeler.Spec {
	s := labeler.DefaultSpec()
	if len(rec.Langs) > 0 {
		s.Langs = nil
		for _, l := range rec.Langs {
			s.Langs = append(s.Langs, labeler.Lang(l))
		}
	}
	if labeler.SourceCode(rec.DigitalSourceType) == labeler.SourceCode(labeler.DSTComposite) {
		s.AI = labeler.Modified
	} else {
		s.AI = labeler.Generated
	}
	s.RealPerson = rec.RealPerson
	s.Audio.CustomClip, s.Custom = "", nil
	return s
}

// envFrame is the envelope's resolution: fine enough for syllables.
const envFrame = 20 * time.Millisecond

// envelope is the sound's level in dB per frame, mixed to mono.
func envelope(p *pcm.PCM) []float64 {
	m := p.ToMono()
	n := max(1, int(float64(m.Rate)*envFrame.Seconds()))
	out := make([]float64, 0, len(m.Samples)/n)
	for i := 0; i+n <= len(m.Samples); i += n {
		var e float64
		for _, s := range m.Samples[i : i+n] {
			e += float64(s) * float64(s)
		}
		out = append(out, 10*math.Log10(e/float64(n)+1e-8))
	}
	return out
}

// bestMatch slides want along got and returns the highest Pearson
// correlation and the frame where it occurs.
func bestMatch(want, got []float64) (float64, int) {
	best, at := -1.0, -1
	for k := 0; k+len(want) <= len(got); k++ {
		if r := pearson(want, got[k:k+len(want)]); r > best {
			best, at = r, k
		}
	}
	return best, at
}

func pearson(a, b []float64) float64 {
	var sa, sb, saa, sbb, sab float64
	for i := range a {
		sa, sb = sa+a[i], sb+b[i]
		saa, sbb, sab = saa+a[i]*a[i], sbb+b[i]*b[i], sab+a[i]*b[i]
	}
	n := float64(len(a))
	cov := sab - sa*sb/n
	va, vb := saa-sa*sa/n, sbb-sb*sb/n
	if va <= 0 || vb <= 0 {
		return 0
	}
	return cov / math.Sqrt(va*vb)
}
