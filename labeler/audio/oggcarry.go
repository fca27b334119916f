package audio

import (
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/belgi-kz/belgi/internal/flac"
	"github.com/belgi-kz/belgi/internal/ogg"
)

// carryOgg gives a labeled Ogg file the source's comment header exactly,
// where ffmpeg's muxer renames some comments (COMMENT becomes
// DESCRIPTION) and drops others (DISCNUMBER): every "KEY=value" of the
// source in its order, then Belgi's marks; for FLAC in Ogg also the
// source's pictures and application blocks. The vendor string names the
// encoder of the programme: the source's when its packets were copied,
// ffmpeg's when it was re-encoded. The programme's pages are copied
// untouched, renumbered when the header pages grow.
func carryOgg(src, dst string, marks []string, copied bool) ([]string, error) {
	s, err := oggStream(src)
	if err != nil {
		return []string{"the source's Ogg comments could not be read (" + err.Error() + "); ffmpeg's copy of them is kept"}, nil
	}
	o, err := oggStream(dst)
	if err != nil {
		return nil, fmt.Errorf("audio: the labeled Ogg file: %w", err)
	}
	headers, notes, err := oggHeaders(s, o, marks, copied)
	if err != nil {
		return nil, err
	}
	if o.Codec == ogg.FLAC {
		// ffmpeg writes STREAMINFO before the frames, not knowing their
		// number; the last page's granule position counts them.
		if err := countFLACSamples(dst, o, headers[0]); err != nil {
			return nil, err
		}
	}
	return notes, rewriteOgg(dst, o, headers)
}

// countFLACSamples writes the stream's length into the STREAMINFO of a
// FLAC mapping packet (after its 13-byte preamble and the block header).
func countFLACSamples(path string, o *ogg.Stream, mapping []byte) error {
	f, size, err := openSized(path)
	if err != nil {
		return err
	}
	defer f.Close()
	n, err := ogg.LastGranule(f, size, o.Serial)
	if err != nil {
		return fmt.Errorf("audio: the labeled Ogg file: %w", err)
	}
	if len(mapping) >= 17+18 {
		flac.SetSamples(mapping[17:], n)
	}
	return nil
}

// verifyOgg holds a labeled Ogg file to a strict reader's standard:
// CRCs, page numbers, granule positions, stream ends.
func verifyOgg(path string) error {
	f, size, err := openSized(path)
	if err != nil {
		return err
	}
	defer f.Close()
	if err := ogg.Verify(f, size); err != nil {
		return fmt.Errorf("audio: the labeled copy is damaged: %w", err)
	}
	return nil
}

func oggStream(path string) (*ogg.Stream, error) {
	f, size, err := openSized(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return ogg.FirstSound(f, size)
}

// oggHeaders are the output's header packets with the source's comments
// (and marks) in place of ffmpeg's.
func oggHeaders(s, o *ogg.Stream, marks []string, copied bool) ([][]byte, []string, error) {
	sc, err := s.Comments()
	if err != nil {
		return nil, []string{"the source's Ogg comments could not be read (" + err.Error() + "); ffmpeg's copy of them is kept"}, nil
	}
	oc, err := o.Comments()
	if err != nil {
		return nil, nil, fmt.Errorf("audio: the labeled Ogg file: %w", err)
	}
	c := &ogg.Comments{Vendor: oc.Vendor, List: withMarks(sc.List, marks)}
	if copied {
		c.Vendor = sc.Vendor
	}
	if o.Codec == ogg.Opus && s.Codec == ogg.Opus {
		c.Tail = sc.Tail
	}
	headers := append([][]byte{}, o.Headers...)
	headers[0] = append([]byte(nil), o.Headers[0]...)
	var notes []string
	if o.Codec == ogg.FLAC {
		headers, notes = flacInOgg(headers[0], c, s)
	} else {
		headers[1] = c.Packet(o.Codec, false)
	}
	if copied && o.Codec == ogg.Opus && s.Codec == ogg.Opus {
		if h, err := ogg.ParseOpusHead(s.Headers[0]); err == nil {
			ogg.SetOpusInputRate(headers[0], h.InputRate) // the programme's original rate
		}
	}
	return headers, notes, nil
}

// flacInOgg lays out a FLAC-in-Ogg stream's headers: the mapping packet
// (STREAMINFO of the new frames), the comments, then the source's
// pictures and application blocks; its seek table and padding describe
// the old frames and go.
func flacInOgg(mapping []byte, c *ogg.Comments, s *ogg.Stream) ([][]byte, []string) {
	var blocks [][]byte
	var notes []string
	if s.Codec == ogg.FLAC {
		for _, b := range s.Headers[2:] {
			switch b[0] & 0x7F {
			case flacPicture, application:
				blocks = append(blocks, b)
			case cueSheet:
				notes = append(notes, "the source's CUESHEET was left out: its track offsets no longer hold after the notice")
			}
		}
	}
	headers := [][]byte{mapping, c.Packet(ogg.FLAC, len(blocks) == 0)}
	for i, b := range blocks {
		h := ogg.FLACBlockHeader(int(b[0]&0x7F), len(b)-4, i == len(blocks)-1)
		headers = append(headers, append(h, b[4:]...))
	}
	ogg.SetFLACHeaders(mapping, len(headers)-1)
	return headers, notes
}

// flacPicture is the FLAC metadata block type of a picture.
const flacPicture = 6

// withMarks is a comment list without Belgi's old marks, with marks
// ("KEY=value") appended.
func withMarks(list, marks []string) []string {
	out := make([]string, 0, len(list)+len(marks))
	for _, c := range list {
		k, _, _ := strings.Cut(c, "=")
		if !strings.EqualFold(k, tagDSTVorbis) && !strings.EqualFold(k, tagXMP) {
			out = append(out, c)
		}
	}
	return append(out, marks...)
}

// rewriteOgg replaces dst with a copy whose stream o has headers.
func rewriteOgg(dst string, o *ogg.Stream, headers [][]byte) error {
	return replaceFile(dst, func(in io.ReaderAt, size int64, w io.Writer) error {
		return ogg.Rewrite(in, size, w, o, headers)
	})
}

// replaceFile rewrites path through fn into a file beside it, then puts
// that in its place.
func replaceFile(path string, fn func(in io.ReaderAt, size int64, w io.Writer) error) error {
	in, size, err := openSized(path)
	if err != nil {
		return err
	}
	defer in.Close()
	tmp := path + ".meta"
	f, err := os.Create(tmp)
	if err != nil {
		return fmt.Errorf("audio: %w", err)
	}
	defer os.Remove(tmp)
	err = fn(in, size, f)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp, path)
	}
	if err != nil {
		return fmt.Errorf("audio: rewriting the metadata: %w", err)
	}
	return nil
}

// opusHeadsDiffer says why the notice's OpusHead (in part) can't head
// the programme's packets (in src), "" when it can or when either is not
// Ogg: the output header applies its gain and channel mapping to every
// packet.
func opusHeadsDiffer(src, part string) string {
	sh, err1 := opusHeadOf(src)
	nh, err2 := opusHeadOf(part)
	switch {
	case err1 != nil || err2 != nil:
		return ""
	case sh.Gain != 0:
		return fmt.Sprintf("the programme's Opus header applies an output gain of %.1f dB", float64(sh.Gain)/256)
	case !sh.SameMapping(nh):
		return "the programme's Opus channel mapping differs from the notice encoder's"
	}
	return ""
}

func opusHeadOf(path string) (ogg.OpusHead, error) {
	s, err := oggStream(path)
	if err != nil {
		return ogg.OpusHead{}, err
	}
	if s.Codec != ogg.Opus {
		return ogg.OpusHead{}, fmt.Errorf("not Opus")
	}
	return ogg.ParseOpusHead(s.Headers[0])
}
