package pdf

import (
	"bytes"
	"compress/flate"
	"compress/zlib"
	"encoding/ascii85"
	"errors"
	"fmt"
	"io"

	"golang.org/x/image/tiff/lzw"
)

// MaxDecoded bounds one decoded stream: page content and metadata are
// far smaller; a stream that inflates past this is a bomb.
const MaxDecoded = 256 << 20

// errNotDecoded is returned for image codecs Belgi never needs to decode.
var errNotDecoded = errors.New("image data is not decoded")

// decode applies a stream's filters. f resolves indirect parameters; it
// may be nil for streams Belgi wrote itself.
func decode(d Dict, raw []byte, f *File) ([]byte, error) {
	resolve := func(o Object) Object {
		if f == nil {
			return o
		}
		return f.Resolve(o)
	}
	filters := resolve(d.Get("Filter"))
	parms := resolve(d.Get("DecodeParms"))
	list, ok := filters.(Array)
	if !ok {
		list = Array{filters}
	}
	plist, ok := parms.(Array)
	if !ok {
		plist = Array{parms}
	}
	data := raw
	for i, fo := range list {
		name := NameOf(resolve(fo))
		if name == "" {
			continue
		}
		var p Dict
		if i < len(plist) {
			p, _ = resolve(plist[i]).(Dict)
		}
		var err error
		if data, err = applyFilter(name, data, p); err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
	}
	return data, nil
}

func applyFilter(name Name, data []byte, p Dict) ([]byte, error) {
	switch name {
	case "FlateDecode", "Fl":
		out, err := inflate(data)
		if err != nil {
			return nil, err
		}
		return unpredict(out, p)
	case "LZWDecode", "LZW":
		out, err := limited(lzw.NewReader(bytes.NewReader(data), lzw.MSB, 8))
		if err != nil {
			return nil, err
		}
		return unpredict(out, p)
	case "ASCIIHexDecode", "AHx":
		return asciiHex(data), nil
	case "ASCII85Decode", "A85":
		return ascii85Decode(data)
	case "RunLengthDecode", "RL":
		return runLength(data), nil
	}
	return nil, errNotDecoded
}

// inflate reads zlib data, or raw deflate data written without the zlib
// header, and keeps what it read from a truncated stream, as viewers do.
func inflate(data []byte) ([]byte, error) {
	r, err := zlib.NewReader(bytes.NewReader(data))
	if err != nil {
		return limited(flate.NewReader(bytes.NewReader(data)))
	}
	return limited(r)
}

func limited(r io.Reader) ([]byte, error) {
	out, err := io.ReadAll(io.LimitReader(r, MaxDecoded+1))
	if len(out) > MaxDecoded {
		return nil, errors.New("decodes to more than 256 MiB")
	}
	if err != nil && len(out) == 0 {
		return nil, err
	}
	return out, nil
}

func asciiHex(data []byte) []byte {
	var out []byte
	var half byte
	odd := false
	for _, c := range data {
		if c == '>' {
			break
		}
		if !isHex(c) {
			continue
		}
		if odd {
			out = append(out, half<<4|unhex(c))
		} else {
			half = unhex(c)
		}
		odd = !odd
	}
	if odd {
		out = append(out, half<<4)
	}
	return out
}

func ascii85Decode(data []byte) ([]byte, error) {
	data = bytes.TrimPrefix(bytes.TrimSpace(data), []byte("<~"))
	if i := bytes.Index(data, []byte("~>")); i >= 0 {
		data = data[:i]
	}
	out := make([]byte, 4*len(data)/5+4)
	n, _, err := ascii85.Decode(out, data, true)
	if err != nil {
		return nil, err
	}
	return out[:n], nil
}

func runLength(data []byte) []byte {
	var out []byte
	for i := 0; i < len(data) && len(out) < MaxDecoded; {
		n := int(data[i])
		i++
		switch {
		case n < 128:
			end := min(i+n+1, len(data))
			out = append(out, data[i:end]...)
			i = end
		case n > 128 && i < len(data):
			out = append(out, bytes.Repeat(data[i:i+1], 257-n)...)
			i++
		default:
			return out
		}
	}
	return out
}
