package jpegscale

import (
	"encoding/binary"
	"errors"
	"fmt"
	"image"
)

// ErrUnsupported is wrapped by every error about a valid JPEG this package
// does not decode (progressive files are supported; arithmetic coding,
// 12-bit and lossless are not). Callers fall back to a full decoder.
var ErrUnsupported = errors.New("unsupported JPEG variant")

var errTruncated = errors.New("unexpected end of data")

// decoder is the state of one DecodeEighth call.
type decoder struct {
	data []byte
	f    *frame
	tables
	colour
}

// DecodeEighth decodes data at 1/8 scale: each pixel is the exact mean of
// one 8×8 block of the full-size picture, before colour conversion. The
// result is ceil(W/8) × ceil(H/8); see the package comment for its type.
func DecodeEighth(data []byte) (image.Image, error) {
	d := &decoder{data: data}
	if err := d.run(); err != nil {
		return nil, err
	}
	return d.image()
}

// run reads segments up to EOI (T.81 B.2).
func (d *decoder) run() error {
	if len(d.data) < 2 || d.data[0] != 0xFF || d.data[1] != 0xD8 {
		return errors.New("jpegscale: not a JPEG: no SOI marker")
	}
	pos := 2
	for {
		m, next, ok := findMarker(d.data, pos)
		switch {
		case !ok:
			return fmt.Errorf("jpegscale: no EOI marker: %w", errTruncated)
		case m == 0xD9:
			return nil
		case m == 0x01 || m >= 0xD0 && m <= 0xD8:
			pos = next // standalone markers carry no length
			continue
		}
		body, after, err := segment(d.data, next)
		if err != nil {
			return err
		}
		if pos, err = d.handle(m, body, after); err != nil {
			return err
		}
	}
}

// segment returns the body of the marker segment whose length field is
// at data[pos:] and the index after it.
func segment(data []byte, pos int) ([]byte, int, error) {
	if pos+2 > len(data) {
		return nil, 0, fmt.Errorf("jpegscale: segment header: %w", errTruncated)
	}
	n := int(binary.BigEndian.Uint16(data[pos:]))
	if n < 2 || pos+n > len(data) {
		return nil, 0, fmt.Errorf("jpegscale: segment of %d bytes: %w", n, errTruncated)
	}
	return data[pos+2 : pos+n], pos + n, nil
}

// handle acts on one marker segment and returns where reading goes on.
func (d *decoder) handle(m byte, body []byte, after int) (int, error) {
	var err error
	switch {
	case m == 0xC0 || m == 0xC1 || m == 0xC2:
		if d.f != nil {
			return 0, errors.New("jpegscale: more than one frame")
		}
		d.f, err = parseSOF(body, m == 0xC2, len(d.data))
	case m == 0xC4:
		err = d.parseDHT(body)
	case m >= 0xC3 && m <= 0xCF:
		err = fmt.Errorf("jpegscale: %s: %w", processName(m), ErrUnsupported)
	case m == 0xDB:
		err = d.parseDQT(body)
	case m == 0xDD:
		err = d.parseDRI(body)
	case m == 0xDA:
		return d.scan(body, after)
	case m == 0xDC:
		err = fmt.Errorf("jpegscale: DNL marker: %w", ErrUnsupported)
	case m >= 0xE0 && m <= 0xEF:
		d.parseApp(m, body)
	}
	return after, err
}

// processName names the coding processes of T.81 Table B.1 we refuse.
func processName(m byte) string {
	switch m {
	case 0xC3:
		return "lossless JPEG"
	case 0xC5, 0xC6, 0xC7:
		return "hierarchical JPEG"
	case 0xC8:
		return "JPEG extension (SOF marker 0xC8)"
	}
	return "arithmetic coding"
}
