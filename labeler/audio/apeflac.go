package audio

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"image"
	"image/color"
	_ "image/gif" // cover art sizes
	_ "image/jpeg"
	_ "image/png"
	"net/http"
	"os"
	"strings"

	"github.com/belgi-kz/belgi/internal/apetag"
	"github.com/belgi-kz/belgi/internal/flac"
)

// carryAPE gives a Monkey's Audio file labeled as FLAC its APEv2 tag as
// Vorbis comments, item by item, where ffmpeg renamed some (Comment
// became DESCRIPTION) and lost cover art's descriptions: see apeToVorbis.
// The FLAC's STREAMINFO and frames are ffmpeg's.
func carryAPE(src, dst string, marks []string) ([]string, error) {
	in, size, err := openSized(src)
	if err != nil {
		return nil, err
	}
	defer in.Close()
	tag, err := apetag.Read(in, size)
	if err != nil || tag == nil {
		if err != nil {
			return []string{"the source's APEv2 tag could not be read (" + err.Error() + "); ffmpeg's copy of it is kept"}, nil
		}
		return nil, nil
	}
	comments, pictures, notes := apeToVorbis(tag.Items)
	out, err := os.Open(dst)
	if err != nil {
		return nil, fmt.Errorf("audio: %w", err)
	}
	defer out.Close()
	om, err := readMeta(out, 0)
	if err != nil {
		return nil, err
	}
	blocks, err := ffmpegBlocks(out, om, withMarks(comments, marks), len(pictures) == 0)
	if err != nil {
		return nil, err
	}
	for _, p := range pictures {
		blocks = append(blocks, flac.RawBlock{Type: flac.TypePicture, Body: p})
	}
	return notes, rewriteFLAC(dst, in, 0, blocks, out, om.AudioOffset)
}

// ffmpegBlocks are the output's STREAMINFO and SEEKTABLE (and, when
// keepPictures, its pictures), with comments as its Vorbis comments.
func ffmpegBlocks(out *os.File, om *flac.Meta, comments []string, keepPictures bool) ([]flac.RawBlock, error) {
	var blocks []flac.RawBlock
	vendor := ""
	for _, b := range om.Blocks {
		body, err := flac.ReadBlock(out, b)
		if err != nil {
			return nil, fmt.Errorf("audio: %w", err)
		}
		switch {
		case b.Type == flac.TypeStreamInfo || b.Type == seekTable || (keepPictures && b.Type == flac.TypePicture):
			blocks = append(blocks, flac.RawBlock{Type: b.Type, Body: body})
		case b.Type == flac.TypeVorbisComment:
			vendor = flac.Vendor(body)
		}
	}
	return append(blocks, flac.RawBlock{Type: flac.TypeVorbisComment, Body: flac.Comments(vendor, comments)}), nil
}

// apeToVorbis maps APEv2 items to Vorbis comments the way the common
// tag mapping (Hydrogenaudio's table) has it: Track, Disc, Year, Album
// Artist take their Vorbis names (a "2/3" splitting into number and
// total); every other text or link item keeps its key, as stored, with
// one comment per value of a list; cover art becomes FLAC picture blocks
// of the matching type, its file name their description. What Vorbis
// comments can't hold is named in notes.
func apeToVorbis(items []apetag.Item) (comments []string, pictures [][]byte, notes []string) {
	has := map[string]bool{}
	for _, it := range items {
		has[strings.ToUpper(it.Key)] = true
	}
	for _, it := range items {
		switch {
		case it.Type() == apetag.Binary:
			if p, ok := apePicture(it); ok {
				pictures = append(pictures, p)
			} else {
				notes = append(notes, fmt.Sprintf("the APE tag's binary item %q was left out: FLAC holds no such data", it.Key))
			}
		case !vorbisKey(it.Key):
			notes = append(notes, fmt.Sprintf("the APE tag's item %q was left out: Vorbis comment names can't hold '=' or '~'", it.Key))
		default:
			for _, v := range it.Values() {
				comments = append(comments, apeComment(it.Key, v, has)...)
			}
		}
	}
	return comments, pictures, notes
}

// apeComment is one APE value as Vorbis comments.
func apeComment(key, v string, has map[string]bool) []string {
	switch k := strings.ToUpper(key); {
	case k == "TRACK" || k == "DISC":
		n, total, split := strings.Cut(v, "/")
		out := []string{k + "NUMBER=" + n}
		if split && !has[k+"TOTAL"] {
			out = append(out, k+"TOTAL="+total)
		}
		return out
	case k == "YEAR" && !has["DATE"]:
		return []string{"DATE=" + v}
	case k == "ALBUM ARTIST":
		return []string{"ALBUMARTIST=" + v}
	}
	return []string{key + "=" + v}
}

// vorbisKey: a Vorbis comment name is printable ASCII without '='.
func vorbisKey(k string) bool {
	for _, c := range []byte(k) {
		if c < 0x20 || c > 0x7D || c == '=' {
			return false
		}
	}
	return k != ""
}

// apePictureTypes are the cover art items' names and their picture
// types (ID3 APIC and FLAC share the numbering).
var apePictureTypes = map[string]uint32{
	"other": 0, "front": 3, "back": 4, "leaflet": 5, "media": 6, "lead artist": 7, "artist": 8, "conductor": 9,
	"band": 10, "composer": 11, "lyricist": 12, "recording location": 13, "during recording": 14,
	"during performance": 15, "video capture": 16, "fish": 17, "illustration": 18, "band logotype": 19,
	"publisher logotype": 20,
}

// apePicture turns a "Cover Art (Front)" item ("name.jpg\0data") into a
// FLAC PICTURE block body.
func apePicture(it apetag.Item) ([]byte, bool) {
	k := strings.ToLower(it.Key)
	if !strings.HasPrefix(k, "cover art (") || !strings.HasSuffix(k, ")") {
		return nil, false
	}
	typ, ok := apePictureTypes[k[len("cover art ("):len(k)-1]]
	name, data, found := bytes.Cut(it.Value, []byte{0})
	if !ok || !found || len(data) == 0 {
		return nil, false
	}
	mime := http.DetectContentType(data)
	cfg, _, _ := image.DecodeConfig(bytes.NewReader(data))
	depth, colors := pictureDepth(cfg)
	be := binary.BigEndian
	b := be.AppendUint32(nil, typ)
	b = append(be.AppendUint32(b, uint32(len(mime))), mime...)
	b = append(be.AppendUint32(b, uint32(len(name))), name...)
	for _, v := range []int{cfg.Width, cfg.Height, depth, colors} {
		b = be.AppendUint32(b, uint32(v))
	}
	return append(be.AppendUint32(b, uint32(len(data))), data...), true
}

// pictureDepth is a picture's bits per pixel and, for a palette, its
// number of colours (0, 0 when unknown).
func pictureDepth(cfg image.Config) (int, int) {
	switch m := cfg.ColorModel.(type) {
	case nil:
		return 0, 0
	case color.Palette:
		return 8, len(m)
	}
	switch cfg.ColorModel {
	case color.GrayModel:
		return 8, 0
	case color.Gray16Model:
		return 16, 0
	case color.RGBAModel, color.NRGBAModel:
		return 32, 0
	case color.RGBA64Model, color.NRGBA64Model:
		return 64, 0
	}
	return 24, 0
}
