package text

import "golang.org/x/text/encoding/charmap"

// kz1048Diff lists where KZ-1048 (STRK1048-2002, the Kazakh Windows code
// page) differs from Windows-1251: sixteen positions that 1251 gives to
// Serbian, Macedonian, Ukrainian and Belarusian letters hold the Kazakh
// letters instead. Everything else is identical. x/text has no KZ-1048,
// so Belgi decodes it from this table (checked against glibc's RK1048).
var kz1048Diff = map[byte]rune{
	0x8D: 'Қ', 0x8E: 'Һ', 0x9D: 'қ', 0x9E: 'һ',
	0xA1: 'Ұ', 0xA2: 'ұ', 0xA3: 'Ә', 0xA5: 'Ө',
	0xAA: 'Ғ', 0xAF: 'Ү', 0xB4: 'ө', 0xBA: 'ғ',
	0xBC: 'ә', 0xBD: 'Ң', 0xBE: 'ң', 0xBF: 'ү',
}

// decodeKZ1048 converts KZ-1048 bytes to UTF-8.
func decodeKZ1048(b []byte) string {
	return decodeEach(b, func(c byte) rune {
		if r, ok := kz1048Diff[c]; ok {
			return r
		}
		return pageRune(charmap.Windows1251, c)
	})
}

// looksKazakh tells KZ-1048 from Windows-1251 when both decode the bytes.
// The sixteen differing bytes are everyday Kazakh letters in KZ-1048 but
// letters of other languages in 1251, and none of those languages has
// «ы» but Belarusian, whose only letter among the sixteen is «ў» (where
// KZ-1048 has «ұ»). So: «ы» and a differing byte other than Ў ў, as in
// «Қайырлы таң». Kazakh's own letters are also about one in ten (more
// than one in fifty is asked), while a Russian text quoting one
// Ukrainian name has a single «ї». A short line with no «ы» at all
// («Сәлем, әлем!») stays 1251: it could as well be Serbian.
func looksKazakh(b []byte) bool {
	var diff, kazakhOnly, y, letters int
	for _, c := range b {
		if c >= 0xC0 {
			letters++
		}
		switch {
		case c == 0xA1 || c == 0xA2: // Ў ў in 1251, Ұ ұ in KZ-1048
			diff++
		case kz1048Diff[c] != 0:
			diff++
			kazakhOnly++
		case c == 0xFB || c == 0xDB: // ы Ы
			y++
		}
	}
	return kazakhOnly > 0 && y > 0 && diff*50 >= letters
}
