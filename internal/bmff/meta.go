package bmff

import (
	"bytes"
	"fmt"
	"os"
)

// Carry says what CarryMetadata gives the remuxed copy.
type Carry struct {
	// XMP, when set, replaces the payload of a QuickTime moov/udta/XMP_
	// box carried over, so both XMP places agree.
	XMP []byte
	// Drop lists udta children left out (thumbnails of the unlabeled
	// picture, "thmb").
	Drop []string
	// Stale lists iTunes freeform items ("----" named so) left out of the
	// item list because they describe the old encoding ("iTunSMPB":
	// encoder delay and padding).
	Stale []string
	// Tracks maps a track of dst (by position) to the track of src it
	// was made from; each gets src's track user data (udta: its name)
	// and aperture modes (tapt), which ffmpeg does not write.
	Tracks map[int]int
	// OwnMeta keeps dst's udta/meta (the key-value metadata ffmpeg wrote,
	// with a key Belgi added) instead of src's.
	OwnMeta bool
}

// CarryMetadata gives the movie at dst (written by ffmpeg, which keeps
// only the tags it understands) the movie-level metadata of src exactly:
// src's moov/udta and moov/meta replace dst's, except that dst's own
// chapter list (chpl) is kept, since its times already include what
// Belgi put before the programme.
func CarryMetadata(src, dst string, c Carry) error {
	s, err := readMoov(src)
	if err != nil || s == nil {
		return err
	}
	d, err := readMoov(dst)
	if err != nil {
		return err
	}
	if d == nil {
		return fmt.Errorf("the labeled copy has no movie header")
	}
	var add [][]byte
	if u := Child(s, "udta"); u != nil {
		add = append(add, Make("udta", c.udta(u, Child(d, "udta"))))
	}
	if m := Child(s, "meta"); m != nil {
		add = append(add, Make("meta", c.meta(m)))
	}
	if len(add) == 0 && len(c.Tracks) == 0 {
		return nil
	}
	moov := Rebuild(c.tracks(d, s), func(b Box) bool { return b.Type == "udta" || b.Type == "meta" }, add...)
	return ReplaceMoov(dst, moov)
}

// tracks returns dst's moov payload with each mapped track given its
// source track's udta and tapt boxes.
func (c Carry) tracks(dst, src []byte) []byte {
	if len(c.Tracks) == 0 {
		return dst
	}
	srcTraks := traks(src)
	boxes, err := Parse(dst)
	if err != nil {
		return dst
	}
	var out []byte
	n := 0
	for _, b := range boxes {
		raw := dst[b.Offset:b.End()]
		if b.Type == "trak" {
			if i, ok := c.Tracks[n]; ok && i < len(srcTraks) {
				raw = Make("trak", withTrackBoxes(Payload(dst, b), srcTraks[i]))
			}
			n++
		}
		out = append(out, raw...)
	}
	return out
}

// traks lists the payloads of moov's tracks.
func traks(moov []byte) [][]byte {
	boxes, _ := Parse(moov)
	var out [][]byte
	for _, b := range boxes {
		if b.Type == "trak" {
			out = append(out, Payload(moov, b))
		}
	}
	return out
}

// withTrackBoxes replaces trak's udta and tapt with src's (tapt goes
// first, after tkhd, where QuickTime puts it).
func withTrackBoxes(trak, src []byte) []byte {
	carried := map[string][]byte{}
	for _, t := range []string{"tapt", "udta"} {
		if p := Child(src, t); p != nil {
			carried[t] = Make(t, p)
		}
	}
	if len(carried) == 0 {
		return trak
	}
	boxes, err := Parse(trak)
	if err != nil {
		return trak
	}
	var out []byte
	for _, b := range boxes {
		if _, ok := carried[b.Type]; ok {
			continue
		}
		out = append(out, trak[b.Offset:b.End()]...)
		if b.Type == "tkhd" {
			out = append(out, carried["tapt"]...)
		}
	}
	return append(out, carried["udta"]...)
}

func readMoov(path string) ([]byte, error) {
	f, m, err := OpenFile(path, os.O_RDONLY)
	if err != nil {
		return nil, err
	}
	f.Close()
	return m.Moov, nil
}

// udta merges src's user data (minus dropped and chapter boxes) with
// dst's chapter list.
func (c Carry) udta(src, dst []byte) []byte {
	boxes, err := Parse(src)
	if err != nil {
		boxes = boxes[:0:0] // a damaged user data box is not carried
	}
	var out []byte
	for _, b := range boxes {
		switch {
		case b.Type == "chpl" || contains(c.Drop, b.Type) || (b.Type == "meta" && c.OwnMeta):
		case b.Type == "XMP_" && c.XMP != nil:
			out = append(out, Make("XMP_", c.XMP)...)
		case b.Type == "meta":
			out = append(out, Make("meta", c.meta(Payload(src, b)))...)
		default:
			out = append(out, src[b.Offset:b.End()]...)
		}
	}
	for _, t := range []string{"chpl", "meta"} {
		if ch := Child(dst, t); ch != nil && (t == "chpl" || c.OwnMeta) {
			out = append(out, Make(t, ch)...)
		}
	}
	return out
}

// meta is a meta box's payload with stale items removed from its item
// list. ISO meta boxes begin with version and flags, QuickTime's do not:
// where the handler box sits tells which.
func (c Carry) meta(payload []byte) []byte {
	off := 4
	if len(payload) >= 8 && string(payload[4:8]) == "hdlr" {
		off = 0
	}
	if len(payload) < off || len(c.Stale) == 0 {
		return payload
	}
	kids := payload[off:]
	boxes, err := Parse(kids)
	if err != nil {
		return payload // keep what we can't take apart as it is
	}
	out := append([]byte{}, payload[:off]...)
	for _, b := range boxes {
		if b.Type == "ilst" {
			out = append(out, Make("ilst", c.ilst(Payload(kids, b)))...)
			continue
		}
		out = append(out, kids[b.Offset:b.End()]...)
	}
	return out
}

// ilst leaves out freeform items whose name is stale.
func (c Carry) ilst(items []byte) []byte {
	boxes, err := Parse(items)
	if err != nil {
		return items
	}
	var out []byte
	for _, b := range boxes {
		if b.Type == "----" {
			if name := Child(Payload(items, b), "name"); len(name) > 4 && contains(c.Stale, string(bytes.TrimRight(name[4:], "\x00"))) {
				continue
			}
		}
		out = append(out, items[b.Offset:b.End()]...)
	}
	return out
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
