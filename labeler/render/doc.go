// Package render draws Belgi's perceivable label. It is pure: a Spec and a
// frame size go in, a layout comes out; the layout plus what lies beneath
// it give a small RGBA patch. Callers (images, video, the app's preview)
// composite the patch themselves, so a 24-megapixel photo is only touched
// where the label is.
//
// The label sits at one of nine anchors. Its default style, compact, is a
// two-part badge: a chip with the AI acronym, one row per language (ЖИ
// over ИИ), flush with the box's left edge, and beside it the word that
// reads on from it (жасаған, создано), so a kk+ru label covers about 6 %
// of a 3:2 frame. The full and custom styles draw the chip and wrapped
// sentences; the mark style the chip alone. The text's cap height is at
// least Spec.Size % of the frame's shorter side, and the text keeps a
// contrast of at least 4.5:1 against the box as composited over the
// picture, whatever the picture is; the chip's acronym is black or white,
// whichever reads against the chip.
package render
