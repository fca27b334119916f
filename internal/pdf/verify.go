package pdf

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"strings"
)

// verifyFile reads the labeled copy back and proves it keeps the
// original: the original's bytes come first, unchanged; the new
// cross-reference reads without repair; the page count, page boxes and
// rotation are the same; every object that read in the original reads
// the same in the copy, except those the update replaced; each page's
// resources and annotations still resolve; and the stamped pages show
// the notice's text.
func verifyFile(in *File, inPages []Page, path string, stamped []int, lines []string, replaced map[int]bool) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	if !bytes.HasPrefix(data, in.data) {
		return errors.New("the original bytes are not kept")
	}
	out, err := Open(data)
	if err != nil {
		return err
	}
	if out.Repaired {
		return errors.New("the new cross-reference section does not read")
	}
	outPages, err := out.Pages()
	if err != nil {
		return err
	}
	if len(outPages) != len(inPages) {
		return fmt.Errorf("%d pages, the original has %d", len(outPages), len(inPages))
	}
	for i := range inPages {
		if err := samePage(in, out, inPages[i], outPages[i]); err != nil {
			return fmt.Errorf("page %d: %w", i+1, err)
		}
	}
	if err := sameObjects(in, out, replaced); err != nil {
		return err
	}
	for _, i := range stamped {
		if !hasLines(out.NoticeText(outPages[i]), lines) {
			return fmt.Errorf("page %d does not show the notice", i+1)
		}
	}
	if out.metadata(out.Catalog()) == nil {
		return errors.New("the XMP metadata stream is missing")
	}
	return nil
}

// hasLines reports whether text holds every line, whatever the wrapping.
func hasLines(text string, lines []string) bool {
	flat := strings.Join(strings.Fields(text), " ")
	for _, l := range lines {
		if !strings.Contains(flat, strings.Join(strings.Fields(l), " ")) {
			return false
		}
	}
	return len(lines) > 0
}

func samePage(in, out *File, a, b Page) error {
	if a.MediaBox != b.MediaBox || a.CropBox != b.CropBox || a.Rotate != b.Rotate {
		return fmt.Errorf("page size or rotation changed: %v %v %d → %v %v %d", a.MediaBox, a.CropBox, a.Rotate, b.MediaBox, b.CropBox, b.Rotate)
	}
	for _, cat := range []Name{"Font", "XObject", "ExtGState", "ColorSpace", "Pattern", "Shading", "Properties"} {
		was, _ := in.Resolve(a.Resources.Get(cat)).(Dict)
		now, _ := out.Resolve(b.Resources.Get(cat)).(Dict)
		for _, e := range was {
			if in.Resolve(e.Val) != nil && out.Resolve(now.Get(e.Key)) == nil {
				return fmt.Errorf("resource /%s /%s no longer resolves", cat, e.Key)
			}
			if !sameObject(e.Val, now.Get(e.Key)) {
				return fmt.Errorf("resource /%s /%s changed", cat, e.Key)
			}
		}
	}
	was, _ := in.Resolve(a.Dict.Get("Annots")).(Array)
	now, _ := out.Resolve(b.Dict.Get("Annots")).(Array)
	if len(was) != len(now) {
		return fmt.Errorf("%d annotations, the original has %d", len(now), len(was))
	}
	for i := range was {
		if _, ok := in.Resolve(was[i]).(Dict); ok {
			if _, ok := out.Resolve(now[i]).(Dict); !ok {
				return fmt.Errorf("annotation %d no longer resolves", i+1)
			}
		}
	}
	return nil
}

// sameObjects checks every object that reads in the original reads the
// same in the copy.
func sameObjects(in, out *File, replaced map[int]bool) error {
	for _, n := range in.Objects() {
		if replaced[n] {
			continue
		}
		a, err := in.Get(Ref{Num: n})
		if err != nil {
			continue // already unreadable in the original
		}
		b, err := out.Get(Ref{Num: n})
		if err != nil {
			return fmt.Errorf("object %d no longer reads: %w", n, err)
		}
		if !sameObject(a, b) {
			return fmt.Errorf("object %d changed", n)
		}
	}
	return nil
}

func sameObject(a, b Object) bool {
	sa, okA := a.(*Stream)
	sb, okB := b.(*Stream)
	if okA || okB {
		return okA && okB && bytes.Equal(sa.Raw, sb.Raw) && bytes.Equal(appendDict(nil, sa.Dict), appendDict(nil, sb.Dict))
	}
	return bytes.Equal(appendObject(nil, a), appendObject(nil, b))
}
