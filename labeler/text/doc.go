// Package text labels words: plain text, Markdown, HTML, and SRT, WebVTT
// and ASS/SSA subtitles (the "text" kind), and DOCX and PDF documents (the "document"
// kind, built on the docx and pdf sub-packages).
//
// The contract: the notice in the chosen languages comes first — before
// the material, as the law's "text notice placed at the beginning" asks —
// and everything after it is the original, byte for byte (text in a
// legacy 8-bit code page is converted to UTF-8 first, and the result
// names the page: legacy.go says how the page is told, and why a file no
// page reads as words is refused). Each format also carries a machine-readable mark that
// Inspect reads back:
//
//   - Plain text and SRT have no place for metadata, so the notice ends
//     with a short visible tag, "[ЖИ/ИИ: trainedAlgorithmicMedia · Belgi]":
//     it names the IPTC digital source type, survives copy and paste, and a
//     reader can see it is part of the notice rather than hidden data.
//   - Markdown carries Belgi's record in an HTML comment after the notice
//     blockquote (invisible when rendered, standard CommonMark).
//   - WebVTT carries it in a NOTE block; the notice is a cue with the id
//     "belgi-notice".
//   - ASS/SSA carries it in a "Belgi:" line of [Script Info]; the notice
//     is the first event, in the script's first style.
//   - HTML carries it in <meta> elements in <head>; the notice is an
//     inline-styled element with role="note".
//   - DOCX carries it in the document's custom properties, ODT in its
//     user-defined properties, PDF in XMP.
//
// Inspect reads the content, not only the record: a file is Labeled when
// Belgi's machine mark is present AND the notice is where Belgi put it —
// the text's first lines, the first SRT, WebVTT or ASS cue, the first element
// of the HTML body, the first paragraph of the DOCX body or ODT text, the band on the
// PDF's first page (its text, read through the font's ToUnicode map,
// holding the lines the XMP record says were placed). A mark without the
// notice is reported not labeled, with the warning "metadata claims a
// label the content lacks".
//
// HTML is read with the HTML5 tokenizer of golang.org/x/net/html; DOCX, ODT
// and XMP through encoding/xml's tokenizer; both edit by inserting at
// token boundaries, so every byte they do not touch stays.
//
// The document kind also recognises legacy .doc and RTF, and OLE
// wrappers of encrypted or rights-managed DOCX, to refuse them by name
// with what to do instead.
package text
