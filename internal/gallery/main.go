// Command gallery writes docs/gallery.png, a contact sheet of Belgi's
// picture label: every style with kk, ru, en and kk+ru, then each
// profile's default, on 3:2, 2:3, 1:1 and 16:9 frames, each tile with
// the share of the frame the label covers printed under it. The frames
// are crops of real photographs from the corpus (../shared/realworld,
// read at run time, never copied into the repository) or, without it,
// Belgi's procedural sample scene. `make gallery` runs it.
//
// Each label is planned and drawn at the frame's real size, as the image
// kind does, and the frame is then scaled down into its tile: a tile
// shows how the label sits in the picture, the render golden tests how
// it is drawn.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"image/png"
	"os"
)

func main() {
	out := flag.String("o", "docs/gallery.png", "file to write")
	photos := flag.String("photos", "../shared/realworld/images", "folder of real photographs to crop frames from")
	flag.Parse()
	sheet, err := build(loadFrames(*photos))
	if err == nil {
		var b bytes.Buffer
		if err = (&png.Encoder{CompressionLevel: png.BestCompression}).Encode(&b, quantize(sheet, 256)); err == nil {
			err = os.WriteFile(*out, b.Bytes(), 0o644)
		}
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "gallery:", err)
		os.Exit(1)
	}
}
