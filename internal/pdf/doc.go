// Package pdf labels PDF documents without rewriting them. The original
// bytes stay as they are; Belgi appends an incremental update, as the
// PDF specification provides for edits: new content streams that draw
// the notice band at the top of the first page (or every page) as it is
// displayed, new versions of those page dictionaries (their content
// array and resources extended, never replaced), the XMP metadata
// stream, and a cross-reference section of the kind the file already
// uses (a table, or a stream when the file has cross-reference streams),
// chained to the previous one by /Prev.
//
// The page size never changes and nothing is covered: the band goes into
// the top margin when the page's content, measured operator by operator,
// leaves it empty; otherwise the content (and its annotations, so links
// and form fields stay in place) is scaled down just enough to free the
// band's height.
//
// The notice is set in an embedded subset of Noto Sans Bold (a Type0
// font with Identity-H glyph codes and a ToUnicode map), so text
// extractors read the Kazakh letters exactly, inside a marked-content
// sequence tagged /BelgiNotice so Inspect finds it again.
//
// The package has its own small parser: objects, classic and stream
// cross-references, hybrid files, object streams, and a rebuild by
// scanning when the cross-reference is damaged (then the update carries
// a complete one). Encrypted PDFs are refused. After writing, Label reads
// the result back and checks that every original object, page box,
// resource and annotation is still there.
//
// For Content Credentials, ManifestStore reads a C2PA manifest store
// (the catalog's associated file with /AFRelationship /C2PA_Manifest)
// and ReserveManifest appends one more update that embeds room for a new
// store, whose c2pa.hash.data then leaves out only that room.
package pdf
