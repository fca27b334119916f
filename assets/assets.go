// Package assets embeds what Belgi ships inside its binaries: the
// Kazakh-capable font (Noto Sans 2.004, SIL OFL 1.1, see fonts/OFL.txt)
// and, as later kinds add them, icons and stock notice clips. Go's own
// fonts lack ә ғ қ ң ө ұ ү һ, and Fyne's bundled Noto draws «і» without
// its dot, so every label and the app's theme use these files.
package assets

import _ "embed"

// NotoSansRegular is Noto Sans Regular 2.004 (TrueType).
//
//go:embed fonts/NotoSans-Regular.ttf
var NotoSansRegular []byte

// NotoSansBold is Noto Sans Bold 2.004 (TrueType), used for labels.
//
//go:embed fonts/NotoSans-Bold.ttf
var NotoSansBold []byte
