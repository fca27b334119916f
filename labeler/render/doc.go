// Package render draws Belgi's perceivable label. It is pure: a Spec and a
// frame size go in, a layout comes out; the layout plus what lies beneath
// it give a small RGBA patch. Callers (images, video, the app's preview)
// composite the patch themselves, so a 24-megapixel photo is only touched
// where the label is.
//
// The label is a rounded box in a corner (or any of nine anchors) with the
// short mark (ЖИ / ИИ / AI) in a chip and the notice in each chosen
// language on its own line, wrapped to fit. The text's cap height is at
// least Spec.Size % of the frame's shorter side, and the text keeps a
// contrast of at least 4.5:1 against the box as composited over the
// picture, whatever the picture is.
package render
