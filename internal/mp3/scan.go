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
			break // a truncated last frame is dropped, as decoders do
		}
		frame := b[off : off+size]
		if !checked {
			checked = true
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
	return s, nil
}

// infoFrame reports whether frame is a Xing/Info/VBRI header frame, and
// notes a Xing or VBRI header's VBR claim.
func infoFrame(h Header, frame []byte, s *Stream) bool {
	x := h.dataStart() + h.sideInfo()
	switch {
	case len(frame) >= x+4 && string(frame[x:x+4]) == "Xing":
		s.VBR = true
	case len(frame) >= x+4 && string(frame[x:x+4]) == "Info":
	case len(frame) >= 40 && string(frame[36:40]) == "VBRI":
		s.VBR = true
	default:
		return false
	}
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
