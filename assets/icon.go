package assets

import _ "embed"

// Icon is Belgi's application icon (512×512 PNG): «ЖИ», the Kazakh mark
// for AI, on a rounded square. internal/iconmake draws it.
//
//go:embed icon.png
var Icon []byte
