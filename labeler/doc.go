// Package labeler is Belgi's core: it turns a file made or changed with AI
// into a copy that carries both layers Kazakhstan's AI law asks for — a
// label a person perceives and machine-readable marks — and reads the copy
// back to prove it.
//
// The contract, shared by the desktop app and belgi-cli:
//   - A Spec says what to label and how; Spec.Validate explains bad values.
//   - A Kind labels one family of media (image, audio, video, text...). The
//     Registry picks the kind by magic bytes first, extension second.
//   - A Batch runs many files on a bounded worker pool. Every input gets a
//     Result; one file's failure never stops the others.
//   - An original is never opened for writing. Each output is written to a
//     temporary file beside its final name, synced, verified, then renamed,
//     so no reader ever sees half a file.
//
// The package never imports a GUI toolkit and never prints.
package labeler
