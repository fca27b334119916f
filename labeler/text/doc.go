// Package text labels words: plain text, Markdown, HTML, SRT and WebVTT
// subtitles (the "text" kind), and DOCX and PDF documents (the "document"
// kind, built on the docx and pdf sub-packages).
//
// The contract: the notice in the chosen languages comes first — before
// the material, as the law's "text notice placed at the beginning" asks —
// and everything after it is the original, byte for byte (legacy
// Windows-1251 and KZ-1048 text is converted to UTF-8 first, and the
// result says so). Each format also carries a machine-readable mark that
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
//   - HTML carries it in <meta> elements in <head>; the notice is an
//     inline-styled element with role="note".
//   - DOCX carries it in the document's custom properties, PDF in XMP.
//
// Inspect reports Labeled when the machine mark is present, and warns when
// the mark is there but the perceivable notice was removed.
package text
