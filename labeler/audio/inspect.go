package audio

import (
	"context"
	"fmt"
	"os"
	"strings"

	"github.com/belgi-kz/belgi/internal/bmff"
	"github.com/belgi-kz/belgi/internal/ffmpeg"
	"github.com/belgi-kz/belgi/internal/flac"
	"github.com/belgi-kz/belgi/labeler"
)

// Tag names Belgi writes where marks are tags (see markStyle).
const (
	tagXMP        = "XMP"
	tagDSTVorbis  = "DIGITALSOURCETYPE"
	tagDSTMKV     = "DIGITAL_SOURCE_TYPE"
	tagDSTGeneric = "DigitalSourceType"
)

// marksFound is what a file carries: an XMP packet, or at least a
// DigitalSourceType tag.
type marksFound struct {
	xmp []byte
	dst string
}

// inspectOther reads the marks of a file labeled through ffmpeg: MP4's
// XMP box and FLAC's Vorbis comments in Go (so `check` needs no ffmpeg
// for them), other containers' tags as ffprobe reads them.
func inspectOther(ctx context.Context, path, format string) (labeler.Report, error) {
	m, err := readMarks(ctx, path, format, nil)
	if err != nil {
		return labeler.Report{}, err
	}
	rep := report(writtenAs(format), m.xmp)
	if rep.DigitalSourceType == "" && m.dst != "" {
		rep.DigitalSourceType = m.dst
		rep.Provenance = append(rep.Provenance, "tags")
	}
	return rep, nil
}

// readMarks finds the marks in a file; info, when given, spares a probe.
func readMarks(ctx context.Context, path, format string, info *ffmpeg.Info) (marksFound, error) {
	switch format {
	case FormatM4A, FormatMP4:
		return mp4Marks(path)
	case FormatFLAC:
		return flacMarks(path)
	}
	if info == nil {
		i, err := ffmpeg.Probe(ctx, path)
		if err != nil {
			return marksFound{}, fmt.Errorf("audio: %w", err)
		}
		info = &i
	}
	return tagMarks(*info), nil
}

func mp4Marks(path string) (marksFound, error) {
	f, m, err := bmff.OpenFile(path, os.O_RDONLY)
	if err != nil {
		return marksFound{}, fmt.Errorf("audio: %w", err)
	}
	defer f.Close()
	x, err := m.XMP(f)
	if x == nil {
		x = m.QuickTimeXMP()
	}
	return marksFound{xmp: x}, err
}

func flacMarks(path string) (marksFound, error) {
	f, size, err := openSized(path)
	if err != nil {
		return marksFound{}, err
	}
	defer f.Close()
	m, err := flac.Read(f, int64(id3SkipAt(f)), size)
	if err != nil {
		return marksFound{}, fmt.Errorf("audio: %w", err)
	}
	return marksFound{xmp: nonEmpty(m.Comment(tagXMP)), dst: m.Comment(tagDSTVorbis)}, nil
}

// tagMarks looks for Belgi's tags container-wide, then on each stream.
func tagMarks(info ffmpeg.Info) marksFound {
	tags := []map[string]string{info.Format.Tags}
	for _, s := range info.Streams {
		tags = append(tags, s.Tags)
	}
	var m marksFound
	for _, t := range tags {
		if m.xmp == nil {
			m.xmp = nonEmpty(lookup(t, tagXMP))
		}
		for _, k := range []string{tagDSTVorbis, tagDSTMKV} {
			if m.dst == "" {
				m.dst = lookup(t, k)
			}
		}
	}
	return m
}

func nonEmpty(s string) []byte {
	if s == "" {
		return nil
	}
	return []byte(s)
}

// lookup finds a tag regardless of case (Vorbis comments and Matroska
// tags compare names that way).
func lookup(tags map[string]string, key string) string {
	for k, v := range tags {
		if strings.EqualFold(k, key) {
			return v
		}
	}
	return ""
}

// existingXMP is the XMP packet the source already carries, merged into.
func (p *probed) existingXMP(path string) []byte {
	m, err := readMarks(context.Background(), path, p.format, &p.info)
	if err != nil {
		return nil
	}
	return m.xmp
}

// finish adds what ffmpeg can't write: an MP4's own metadata boxes,
// exactly as the source had them, and the XMP box; the ID3v2 tag that
// sat before a FLAC stream.
func (p *probed) finish(job labeler.Job, xmp []byte) error {
	switch {
	case p.out.marks == marksMP4:
		if p.out.into == "" {
			c := bmff.Carry{XMP: xmp, Drop: []string{"thmb", "THMB"}, Stale: []string{"iTunSMPB"}}
			if err := bmff.CarryMetadata(job.Input, job.Temp, c); err != nil {
				return fmt.Errorf("audio: keeping the MP4 metadata: %w", err)
			}
		}
		if err := bmff.Append(job.Temp, bmff.MakeUUID(bmff.XMPUUID, xmp)); err != nil {
			return fmt.Errorf("audio: writing the XMP box: %w", err)
		}
	case p.format == FormatFLAC:
		notes, err := carryFLAC(job.Input, job.Temp, job.Spec.DigitalSourceType(), string(xmp))
		p.notes = append(p.notes, notes...)
		return err
	}
	return nil
}
