package pdf

// Found is what Inspect read.
type Found struct {
	XMP    []byte // the catalog's metadata stream, nil if none
	Notice string // the text of Belgi's band on page 1, "" if none
	Pages  int
}

// Inspect reads the XMP packet and the text of the notice band on the
// first page.
func Inspect(path string) (Found, error) {
	f, pages, err := load(path)
	if err != nil {
		return Found{}, err
	}
	return Found{XMP: f.metadata(f.Catalog()), Notice: f.NoticeText(pages[0]), Pages: len(pages)}, nil
}
