// Package odt labels OpenDocument text files (ODT, and OTT templates),
// what LibreOffice, Collabora and Google Docs' "OpenDocument" export
// write. The notice becomes the first paragraph of the text — bold, white
// on a dark box with a yellow border, inside a bookmark "_BelgiNotice" so
// it can be found again after the file is re-saved — and the digital
// source type and Belgi's record become user-defined properties in
// meta.xml (File → Properties → Custom Properties in LibreOffice).
//
// Only content.xml, meta.xml and, when a part is added or dropped,
// META-INF/manifest.xml are rewritten, by inserting text rather than
// re-serializing; every other entry, the stored "mimetype" first, is
// copied with its original bytes. Reading is bounded as internal/officezip
// says.
package odt
