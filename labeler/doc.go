// Package labeler is Belgi's core: it turns a file made or changed with AI
// into a copy that carries both layers Kazakhstan's AI law asks for — a
// label a person perceives and machine-readable marks — and reads the copy
// back to prove it.
//
// The contract, shared by the desktop app and belgi-cli:
//   - A Spec says what to label and how; Spec.Validate returns its Problems.
//   - A Kind labels one family of media (image, audio, video, text...). The
//     Registry picks the kind by magic bytes first, extension second.
//   - A Batch runs many files on a bounded worker pool. Every input gets a
//     Result; one file's failure never stops the others.
//   - A file that fails is a *FileError, "NAME: stage: cause": the core
//     names the file once and the stage (decode, label, write, read-back);
//     a kind's errors speak of the content only.
//   - An original is never opened for writing. Each output is written to a
//     temporary file beside its final name, synced, verified, then renamed,
//     so no reader ever sees half a file.
//
// The package never imports a GUI toolkit and never prints.
//
// # Settings
//
// Every knob of a Spec is declared once, in the table Settings returns
// (settings_<section>.go): its name (the CLI flag), its app preference
// key, its help in kk/ru/en, the values it accepts and the profile rule
// that constrains it. The CLI's flags and `label -h`, the app's stored
// preferences and widget limits, Spec.Validate's Problems and
// docs/settings.md are derived from that table.
//
// # Adding a setting
//
//  1. Add the field to Spec or its section's sub-struct (spec*.go) with a
//     doc comment, and its default to DefaultSpec (or the section's
//     default function, e.g. defaultVideoSpec). The table reads the
//     default from there; never restate it.
//  2. Add one Setting to the section's table (settings_<section>.go):
//     Name (the CLI flag, kebab-case, never renamed once released),
//     Section, Value (field(func(s *Spec) *T { return &s.X.Y }) for bool,
//     int, float64 and string; named(...) for named string types), and
//     Help in En, Kk and Ru. Then whichever apply: Pref (a new key
//     "section.camelCase" if the app stores it), Unit, Range and Step,
//     Choices, MaxLen, Pattern and PatternDoc, When, Profile, and Check
//     with CheckDoc for a rule nothing else expresses. A rule the
//     existing Rule codes can't word needs a new Rule with kk/ru/en text
//     in settings_messages.go. A new section needs a Section constant, its
//     Title, and its table listed in settingsOnce (settings.go).
//  3. Run `go generate ./labeler/` to refresh docs/settings.md (a test
//     fails while it is stale).
//  4. Write the code that uses the field. The CLI flag, its help and
//     validation come with the entry; if the app shows the setting, place
//     its widget by hand in ui/ and bind it by name (slider(name),
//     newChoices, hint(name)); its problems show under the widget once its
//     name is in ui's errSlots.
package labeler
