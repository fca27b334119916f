// Package docx labels Word documents (Office Open XML): the notice becomes
// the first paragraph of the body — bold, white on a dark shaded box with
// a border, inside a hidden bookmark "_BelgiNotice" so it can be found
// again — and the digital source type and Belgi's record go into the
// document's custom properties (docProps/custom.xml), created with its
// content type and relationship when missing.
//
// Only the main document part, the custom properties and, when they must
// name a new part, [Content_Types].xml and _rels/.rels are rewritten, by
// inserting text rather than re-serializing; every other entry is copied
// with its original compressed bytes.
//
// Reading is bounded as internal/officezip says: a DOCX is a zip of XML
// written by someone else.
package docx
