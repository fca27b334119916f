package mp3

import (
	"bytes"
	"errors"
	"fmt"
)

// Frame is one audio frame found in a stream.
type Frame struct {
	Offset int // from the start of the buffer given to Scan
	Size   int
	// Reservoir is the frame's bit-reservoir back-pointer in bytes.
	Reservoir int
}

// Stream is the audio of an MP3 file, between its tags.
type Stream struct {
	First  Header // header of the first audio frame
	Frames []Frame
	// VBR: a Xing (not Info) or VBRI header said the bitrate varies, or
	// the frames' bitrates differ.
	VBR bool
	// Samples is the number of decoded samples per channel.
	Samples int
	// Info is the stream's Xing/Info/VBRI record, nil without one.
	Info *InfoTag
	// Size is the bytes from the first frame (the tag frame, if any) to
	// the end of the last whole frame.
	Size  int
	start int // offset of the first frame, the tag frame included
	// Cut: the bytes end inside a frame that follows the last whole one,
	// the way a file cut short ends.
	Cut bool
}

// maxJunk is how far Scan looks past garbage for the next frame.
const maxJunk = 64 << 10

// Scan finds the audio frames in b, which must be the bytes after any
// ID3v2 tag; it stops at an ID3v1 or APE tag or at the end. The stream's
// own Xing/Info/VBRI frame is recognised and left out of Frames.
func Scan(b []byte) (*Stream, error) {
	s := &Stream{}
	bitrate, checked := 0, false
	for off := 0; off+4 <= len(b); {
		h, ok := ParseHeader(b[off:])
		if !ok || (len(s.Frames) > 0 && !h.Compatible(s.First)) {
			if tagAt(b[off:]) {
				break
			}
			next := resync(b, off+1)
			if next < 0 || next-off > maxJunk {
				break
			}
			off = next
			continue
		}
		size := h.Size()
		if off+size > len(b) {
			// A truncated last frame is dropped, as decoders do; right
			// after a whole one, it is where the file was cut.
			s.Cut = len(s.Frames) > 0 && off == s.End()
			break
		}
		frame := b[off : off+size]
		if !checked {
			checked, s.start = true, off
			if infoFrame(h, frame, s) {
				off += size
				continue
			}
		}
		if len(s.Frames) == 0 {
			s.First = h
		}
		if bitrate != 0 && h.Bitrate != bitrate {
			s.VBR = true
		}
		bitrate = h.Bitrate
		s.Frames = append(s.Frames, Frame{Offset: off, Size: size, Reservoir: h.mainDataBegin(frame)})
		off += size
	}
	if len(s.Frames) == 0 {
		return nil, errors.New("mp3: no MPEG audio frames found (the file may be damaged or not MP3)")
	}
	s.Samples = len(s.Frames) * s.First.SamplesPerFrame()
	s.Size = s.End() - s.start
	return s, nil
}

// End is the offset just past the last frame found.
func (s *Stream) End() int {
	if len(s.Frames) == 0 {
		return 0
	}
	f := s.Frames[len(s.Frames)-1]
	return f.Offset + f.Size
}

// Truncated says how the stream shows it was cut short, "" when it does
// not: it ends inside a frame, or holds fewer frames or bytes than its
// Xing/Info/VBRI record declares.
func (s *Stream) Truncated() string {
	switch {
	case s.Cut:
		return "the last frame is cut short"
	case s.Info == nil:
		return ""
	case s.Info.Frames > 0 && len(s.Frames) < s.Info.Frames-1:
		return fmt.Sprintf("its %s header declares %d frames, only %d are present", s.Info.Kind, s.Info.Frames, len(s.Frames))
	case s.Info.Bytes > 0 && s.Size < s.Info.Bytes-s.First.Size()-4:
		return fmt.Sprintf("its %s header declares %d bytes, only %d are present", s.Info.Kind, s.Info.Bytes, s.Size)
	}
	return ""
}

// infoFrame reports whether frame is a Xing/Info/VBRI header frame, and
// records what it declares (a Xing or VBRI header says the bitrate
// varies).
func infoFrame(h Header, frame []byte, s *Stream) bool {
	x := h.dataStart() + h.sideInfo()
	switch {
	case len(frame) >= x+4 && (string(frame[x:x+4]) == "Xing" || string(frame[x:x+4]) == "Info"):
		s.Info = parseXing(frame[x:])
	case len(frame) >= 40 && string(frame[36:40]) == "VBRI":
		s.Info = parseVBRI(frame[36:])
	default:
		return false
	}
	s.VBR = s.Info.Kind != "Info"
	return true
}

// resync finds the next plausible frame header at or after from.
func resync(b []byte, from int) int {
	for i := from; i+4 <= len(b); i++ {
		if b[i] != 0xFF {
			j := bytes.IndexByte(b[i:], 0xFF)
			if j < 0 {
				return -1
			}
			i += j
		}
		if h, ok := ParseHeader(b[i:]); ok {
			if n := i + h.Size(); n+4 > len(b) || validAt(b[n:]) {
				return i
			}
		}
	}
	return -1
}

func validAt(b []byte) bool { _, ok := ParseHeader(b); return ok }

func tagAt(b []byte) bool {
	return bytes.HasPrefix(b, []byte("TAG")) || bytes.HasPrefix(b, []byte("APETAGEX")) || bytes.HasPrefix(b, []byte("ID3"))
}

// Sniff reports whether head starts an MP3 file: an ID3v2 tag, or two
// consecutive Layer III frame headers (one alone is too easily random).
func Sniff(head []byte) bool {
	if bytes.HasPrefix(head, []byte("ID3")) && len(head) >= 10 && head[3] >= 2 && head[3] <= 4 {
		return true
	}
	h, ok := ParseHeader(head)
	if !ok {
		return false
	}
	n := h.Size()
	return n+4 <= len(head) && validAt(head[n:])
}

// Duration in seconds of the frames.
func (s *Stream) Duration() float64 {
	return float64(s.Samples) / float64(s.First.Rate)
}

func (s *Stream) String() string {
	return fmt.Sprintf("MPEG-%d Layer III %d Hz %d ch, %d frames", s.First.Version, s.First.Rate, s.First.Channels(), len(s.Frames))
}
