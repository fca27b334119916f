package meta

import (
	"bytes"
	"encoding/binary"
	"errors"
)

// mDNL is the Define Number of Lines marker: a frame header may give its
// height as 0 and state it after the first scan instead (ITU T.81 B.2.5),
// as some scanners and fax software do. libjpeg, ImageMagick and Go's
// decoder refuse such files ("DNL not supported").
const mDNL = 0xDC

// ResolveDNL returns a copy of a JPEG whose frame header gives height 0,
// with the height its DNL segment states written into the frame header
// and the DNL segment removed: the same picture, in the form every
// decoder reads. It returns data itself and false when the frame header
// has a height, or when the file does not walk (its damage is for the
// decoder to report). A height of 0 without a DNL segment is an error.
func ResolveDNL(data []byte) ([]byte, bool, error) {
	f, err := WalkJPEG(data)
	if err != nil {
		return data, false, nil
	}
	sof, dnl := -1, -1
	for i, m := range f.Marks {
		switch {
		case isSOF(m.Marker) && sof < 0:
			sof = i
		case m.Marker == mDNL && dnl < 0:
			dnl = i
		}
	}
	if sof < 0 || f.Marks[sof].End-f.Marks[sof].Off < 9 {
		return data, false, nil
	}
	at := f.Marks[sof].Off + 5
	if binary.BigEndian.Uint16(data[at:]) != 0 {
		return data, false, nil
	}
	if dnl < 0 || f.Marks[dnl].End-f.Marks[dnl].Off != 6 {
		return data, false, errors.New("meta: jpeg: the frame header gives height 0 and no DNL segment states it")
	}
	d := f.Marks[dnl]
	lines := binary.BigEndian.Uint16(data[d.Off+4:])
	if lines == 0 {
		return data, false, errors.New("meta: jpeg: the DNL segment states 0 lines")
	}
	out := bytes.Clone(data[:d.Off])
	binary.BigEndian.PutUint16(out[at:], lines)
	return append(out, data[d.End:]...), true, nil
}
