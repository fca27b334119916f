package tags

import (
	"context"
	"fmt"
	"io"
	"os"
	"regexp"
	"strings"

	"github.com/belgi-kz/belgi/labeler"
)

// Tag is one text tag a reader found.
type Tag struct {
	Where string // labeler.SourceID3, SourceVorbis, SourceMP4, SourceMatroska
	Key   string
	Value string
}

// Examiner adds the digital source types found in a file's tags to a
// report. It is a labeler.Examiner.
type Examiner struct{}

// Examine implements labeler.Examiner.
func (Examiner) Examine(ctx context.Context, _ labeler.Spec, path string, rep *labeler.Report) error {
	found, err := ReadFile(path)
	for _, t := range found {
		if dst := SourceType(t.Key, t.Value); dst != "" {
			rep.AddDeclaration(labeler.Declaration{Where: t.Where, Type: dst})
		}
	}
	if err != nil {
		return fmt.Errorf("metadata tags unreadable: %w", err)
	}
	return ctx.Err()
}

// ReadFile reads the tags of a file of any container the package knows;
// other files have none.
func ReadFile(path string) ([]Tag, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	return Read(f, st.Size())
}

// Read reads the tags of a file of size bytes.
func Read(r io.ReaderAt, size int64) ([]Tag, error) {
	head := make([]byte, min(size, 64))
	if _, err := r.ReadAt(head, 0); err != nil && err != io.EOF {
		return nil, err
	}
	switch {
	case strings.HasPrefix(string(head), "ID3"):
		return readID3Then(r, size)
	case strings.HasPrefix(string(head), "fLaC"):
		return readFLAC(r, 0, size)
	case strings.HasPrefix(string(head), "OggS"):
		return readOgg(r, size)
	case len(head) >= 8 && string(head[4:8]) == "ftyp":
		return readMP4(r, size)
	case strings.HasPrefix(string(head), "\x1A\x45\xDF\xA3"):
		return readMatroska(r, size)
	}
	return nil, nil
}

// dstURI matches an IPTC (or C2PA) digital source type URI in any text.
var dstURI = regexp.MustCompile(`https?://(?:cv\.iptc\.org/newscodes|c2pa\.org)/digitalsourcetype/[A-Za-z]+`)

// SourceType is the digital source type a tag states, "" if none: the
// value of a tag named for it, or a vocabulary URI in any value.
func SourceType(key, value string) string {
	if m := dstURI.FindString(value); m != "" {
		return m
	}
	k := strings.NewReplacer("_", "", "-", "", " ", "", ":", "", ".", "").Replace(strings.ToLower(key))
	if strings.HasSuffix(k, "digitalsourcetype") {
		return strings.TrimSpace(value)
	}
	return ""
}
