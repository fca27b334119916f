package pdf

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"sync"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

// Notice is what Label writes.
type Notice struct {
	Lines    []string
	AllPages bool // stamp every page, not only the first
	// XMP builds the packet to store from the existing one (nil if none).
	XMP func(existing []byte) ([]byte, error)
}

// Found is what Inspect read.
type Found struct {
	XMP    []byte // the catalog's metadata stream, nil if none
	Notice bool   // the first page carries Belgi's notice band
	Pages  int
}

// disableConfig keeps pdfcpu from creating ~/.config/pdfcpu: Belgi needs
// neither its config file nor its user fonts.
var disableConfig = sync.OnceFunc(api.DisableConfigDir)

func read(path string) (*model.Context, error) {
	disableConfig()
	st, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if st.Size() == 0 {
		return nil, errors.New("the file is empty")
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	conf := model.NewDefaultConfiguration()
	conf.ValidationMode = model.ValidationRelaxed
	ctx, err := api.ReadContext(f, conf)
	if err != nil {
		return nil, fmt.Errorf("not a readable PDF (damaged or truncated?): %w", err)
	}
	if ctx.Encrypt != nil {
		return nil, errors.New("the PDF is encrypted: Belgi cannot add a notice without changing its protection; remove the password first")
	}
	if err := ctx.EnsurePageCount(); err != nil {
		return nil, fmt.Errorf("the page tree is damaged: %w", err)
	}
	if ctx.PageCount == 0 {
		return nil, errors.New("the PDF has no pages")
	}
	return ctx, nil
}

// Label writes a copy of the PDF at in to out with the notice band and
// the XMP packet.
func Label(c context.Context, in, out string, n Notice) error {
	ctx, err := read(in)
	if err != nil {
		return err
	}
	fc, err := loadFace()
	if err != nil {
		return err
	}
	var lines [][]glyph
	var used []glyph
	for _, l := range n.Lines {
		gs, err := fc.glyphs(l)
		if err != nil {
			return err
		}
		lines, used = append(lines, gs), append(used, gs...)
	}
	font, err := fc.fontDict(ctx.XRefTable, used)
	if err != nil {
		return err
	}
	last := 1
	if n.AllPages {
		last = ctx.PageCount
	}
	for p := 1; p <= last; p++ {
		if err := c.Err(); err != nil {
			return err
		}
		if err := stampPage(ctx.XRefTable, p, lines, font); err != nil {
			return err
		}
	}
	if err := setXMP(ctx.XRefTable, n.XMP); err != nil {
		return err
	}
	return write(ctx, out)
}

func write(ctx *model.Context, out string) error {
	f, err := os.OpenFile(out, os.O_WRONLY|os.O_TRUNC|os.O_CREATE, 0o644)
	if err != nil {
		return err
	}
	if err := api.WriteContext(ctx, f); err != nil {
		f.Close()
		return fmt.Errorf("write: %w", err)
	}
	return f.Close()
}

// setXMP replaces the catalog's metadata stream with one merged from it.
// XMP streams stay uncompressed, as the XMP specification asks, so that
// tools scanning for packets find them.
func setXMP(xt *model.XRefTable, build func([]byte) ([]byte, error)) error {
	cat, err := xt.Catalog()
	if err != nil {
		return err
	}
	existing, err := metadata(xt, cat)
	if err != nil {
		return err
	}
	packet, err := build(existing)
	if err != nil {
		return err
	}
	sd := types.StreamDict{Dict: types.Dict{"Type": types.Name("Metadata"), "Subtype": types.Name("XML")}, Content: packet}
	if err := sd.Encode(); err != nil {
		return err
	}
	ref, err := xt.IndRefForNewObject(sd)
	if err != nil {
		return err
	}
	cat["Metadata"] = *ref
	return nil
}

func metadata(xt *model.XRefTable, cat types.Dict) ([]byte, error) {
	o, ok := cat.Find("Metadata")
	if !ok {
		return nil, nil
	}
	sd, _, err := xt.DereferenceStreamDict(o)
	if err != nil || sd == nil {
		return nil, nil // a broken metadata stream is replaced, not fatal
	}
	if err := sd.Decode(); err != nil {
		return nil, nil
	}
	return sd.Content, nil
}

// Inspect reads the XMP packet and looks for the notice band on page 1.
func Inspect(path string) (Found, error) {
	ctx, err := read(path)
	if err != nil {
		return Found{}, err
	}
	cat, err := ctx.XRefTable.Catalog()
	if err != nil {
		return Found{}, err
	}
	f := Found{Pages: ctx.PageCount}
	if f.XMP, err = metadata(ctx.XRefTable, cat); err != nil {
		return f, err
	}
	f.Notice = hasBand(ctx.XRefTable)
	return f, nil
}

// hasBand reports whether page 1's content holds the marked notice with
// text in it.
func hasBand(xt *model.XRefTable) bool {
	d, _, _, err := xt.PageDict(1, false)
	if err != nil {
		return false
	}
	o, ok := d.Find("Contents")
	if !ok {
		return false
	}
	obj, err := xt.Dereference(o)
	if err != nil {
		return false
	}
	refs, isArray := obj.(types.Array)
	if !isArray {
		refs = types.Array{o}
	}
	for _, r := range refs {
		sd, _, err := xt.DereferenceStreamDict(r)
		if err != nil || sd == nil || sd.Decode() != nil {
			continue
		}
		if i := bytes.Index(sd.Content, []byte("/"+resName+" BMC")); i >= 0 && bytes.Contains(sd.Content[i:], []byte("> Tj")) {
			return true
		}
	}
	return false
}
