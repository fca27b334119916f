package officezip

import (
	"archive/zip"
	"context"
	"errors"
	"fmt"
	"os"
	"strings"
)

// Open opens the zip package at path, refusing an empty file, a damaged
// zip and an unsafe archive before any entry is read; what names the
// format ("DOCX", "ODT") in the messages.
func Open(path, what string) (*zip.ReadCloser, error) {
	if st, err := os.Stat(path); err != nil {
		return nil, err
	} else if st.Size() == 0 {
		return nil, errors.New("the file is empty")
	}
	zr, err := zip.OpenReader(path)
	if err != nil {
		return nil, fmt.Errorf("not a valid %s (a %s is a zip archive; this one is damaged or truncated): %w", what, what, err)
	}
	if err := CheckArchive(&zr.Reader); err != nil {
		zr.Close()
		return nil, err
	}
	return zr, nil
}

// Reading says where a format keeps what Belgi writes: how to find the
// notice in the main part, which part holds the properties and how to
// read one.
type Reading struct {
	Notice   func(main *Part) string
	Props    string
	Property func(props *Part, name string) string
}

// Inspect reads the notice from the main part and Belgi's properties.
func Inspect(r *zip.Reader, main *zip.File, how Reading) (Found, error) {
	var f Found
	m, err := ReadXML(main)
	if err != nil {
		return f, err
	}
	f.Notice = how.Notice(m)
	if e := Find(r, how.Props); e != nil {
		p, err := ReadXML(e)
		if err != nil {
			return f, err
		}
		f.DigitalSourceType, f.Record = how.Property(p, PropDST), how.Property(p, PropBelgi)
	}
	return f, nil
}

// Finish writes the planned copy of in to out and reads it back: every
// entry as VerifyEntries says, the checks a format adds, then through
// the format's own inspect, the notice and the digital source type. It
// returns the plan's notes.
func Finish(ctx context.Context, p *Plan, in *zip.Reader, main *zip.File, out string, n Notice,
	inspect func(string) (Found, error), checks ...func(in, out *zip.Reader) error) ([]string, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if err := p.Write(out, in, main); err != nil {
		return nil, err
	}
	if err := verify(in, out, n, inspect, checks); err != nil {
		return nil, fmt.Errorf("the labeled copy does not read back: %w", err)
	}
	return p.Notes, nil
}

func verify(in *zip.Reader, out string, n Notice, inspect func(string) (Found, error), checks []func(in, out *zip.Reader) error) error {
	zr, err := zip.OpenReader(out)
	if err != nil {
		return err
	}
	defer zr.Close()
	if err := VerifyEntries(in, &zr.Reader); err != nil {
		return err
	}
	for _, check := range checks {
		if err := check(in, &zr.Reader); err != nil {
			return err
		}
	}
	found, err := inspect(out)
	if err != nil {
		return err
	}
	if len(n.Lines) > 0 && !strings.Contains(found.Notice, n.Lines[0].Text) {
		return errors.New("the notice paragraph does not open the text")
	}
	if found.DigitalSourceType != n.DigitalSourceType {
		return errors.New("the document's properties lack the digital source type")
	}
	return nil
}
