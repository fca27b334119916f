package text

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
)

// The 8-bit code pages Belgi tells apart in a text file that is not
// Unicode: the Cyrillic ones newsrooms in Kazakhstan and Russia have
// written (Windows, and the older KOI8-R, DOS, Mac and ISO pages), and
// the Latin ones of Western Europe, Turkey and Central Europe. Reading a
// Turkish or German file as Windows-1251 turns its accented letters into
// Cyrillic ones; Belgi used to do that and call the file labeled.
const (
	KOI8R       Encoding = "KOI8-R"
	CP866       Encoding = "IBM866"
	CP1252      Encoding = "Windows-1252"
	CP1254      Encoding = "Windows-1254"
	CP1250      Encoding = "Windows-1250"
	MacCyrillic Encoding = "Mac Cyrillic"
	ISO88595    Encoding = "ISO-8859-5"
	ISO88592    Encoding = "ISO-8859-2"
)

// legacyPages are the candidates, in the order that wins a tie: a file
// whose only non-ASCII bytes are quotes and dashes decodes the same in
// most of them.
var legacyPages = []struct {
	enc Encoding
	cm  *charmap.Charmap
}{
	{CP1251, charmap.Windows1251},
	{CP1252, charmap.Windows1252},
	{CP1254, charmap.Windows1254},
	{CP1250, charmap.Windows1250},
	{KOI8R, charmap.KOI8R},
	{CP866, charmap.CodePage866},
	{MacCyrillic, charmap.MacintoshCyrillic},
	{ISO88595, charmap.ISO8859_5},
	{ISO88592, charmap.ISO8859_2},
}

// decodeLegacy reads data in the code page under which its words look
// most like words, and refuses it when even that reading has too many
// that do not: converting in the wrong page would publish gibberish
// under a valid label.
func decodeLegacy(data []byte) (Decoded, error) {
	sample := data[:min(len(data), judgedBytes)]
	var best *charmap.Charmap
	var enc Encoding
	var text string
	bestScore := 0
	for _, p := range legacyPages {
		s := decodePage(sample, p.cm)
		if r := judge(s); r.plausible() && (best == nil || r.score() > bestScore) {
			best, enc, text, bestScore = p.cm, p.enc, s, r.score()
		}
	}
	if best == nil {
		return Decoded{}, fmt.Errorf("unknown encoding: not UTF-8 or UTF-16, and no 8-bit code page Belgi knows (%s) reads it as words; save it as UTF-8 and label that", pageNames())
	}
	if enc == CP1251 && looksKazakh(data) {
		return Decoded{Enc: KZ1048, Text: decodeKZ1048(data)}, nil
	}
	if len(sample) < len(data) {
		text = decodePage(data, best) // only the sample was judged
	}
	return Decoded{Enc: enc, Text: text}, nil
}

// judgedBytes is how much of a file the candidates are judged on: a
// quarter of a megabyte is thousands of words, and a long book is not
// decoded nine times over.
const judgedBytes = 256 << 10

// decodePage converts b from cm. A byte the page leaves undefined (0x98
// in 1251, five in 1252, the C1 range in the ISO pages) becomes the C1
// control of the same number, as browsers read them, rather than U+FFFD:
// the conversion then loses no byte, and judge counts each against the
// page.
func decodePage(b []byte, cm *charmap.Charmap) string {
	return decodeEach(b, func(c byte) rune { return pageRune(cm, c) })
}

// decodeEach converts a text of one byte a character with char.
func decodeEach(b []byte, char func(byte) rune) string {
	var sb strings.Builder
	sb.Grow(len(b) + len(b)/2)
	for _, c := range b {
		sb.WriteRune(char(c))
	}
	return sb.String()
}

func pageRune(cm *charmap.Charmap, c byte) rune {
	if r := cm.DecodeByte(c); r != utf8.RuneError {
		return r
	}
	return rune(c)
}

func pageNames() string {
	names := []string{string(KZ1048)}
	for _, p := range legacyPages {
		names = append(names, string(p.enc))
	}
	return strings.Join(names, ", ")
}

// reading tallies how a decoded text's non-ASCII words look: plain words
// (lower case or capitalised) count most, all-capital ones less, and
// impossible ones (scripts mixed in one word, a capital after a small
// letter, a symbol between letters, a "Latin" word made mostly of
// accented letters, which is what Cyrillic bytes become in a Latin page)
// count against. A symbol stuck to a letter counts against too: a
// Russian capital read in the Mac page is one ("√де").
//
// So do accented letters that no one language writes together: Hungarian
// read in Windows-1252 has õ and û beside á and ö, Turkish has ð, ý and þ
// beside ç and ü, Czech ø and è beside í; in their own pages each is one
// alphabet. A Cyrillic reading gains a point for each of its frequent
// letters: that is what tells Russian in capitals (1251) from the same
// bytes read as KOI8-R, whose words then look like lower-case ones.
type reading struct {
	plain, caps, bad int
	cyrillic, common int // Cyrillic letters in judged words, and how many are frequent ones
	// accented counts the accented Latin letters (small); stray is how
	// many of them no single language's alphabet accounts for.
	accented map[rune]int
	stray    int
	// odd counts what a page's own text rarely has: bytes it leaves
	// undefined, and Serbian and Macedonian letters (ѕ ј ќ ...), which
	// is what 1251's capitals become in the Mac page.
	odd int
}

func (r reading) score() int {
	return 2*r.plain + r.caps - 4*r.bad + r.common - 2*r.stray - 2*r.odd
}

// plausible: no non-ASCII words at all (only quotes and dashes), or at
// most one in ten of them impossible; and a Cyrillic reading of some
// length must use the letters Cyrillic languages use most. In Russian,
// Bulgarian and Kazakh text the sixteen of cyrillicCommon are about
// 76-83 % of all letters; Hebrew, Greek or Cyrillic bytes read in the
// wrong page give 20-68 %.
func (r reading) plausible() bool {
	n := r.plain + r.caps + r.bad
	switch {
	case r.cyrillic >= 100 && r.common*100 < r.cyrillic*70,
		r.cyrillic >= 20 && r.common*100 < r.cyrillic*50: // a line's worth varies more
		return false
	}
	return r.bad*10 <= n
}

// cyrillicCommon are the most frequent letters of Russian and Kazakh,
// small and capital.
const cyrillicCommon = "аеинотсрлкдмвыіқАЕИНОТСРЛКДМВЫІҚ"

// southSlavic are the Cyrillic letters only Serbian and Macedonian use.
const southSlavic = "ђѓѕјљњћќџЂЃЅЈЉЊЋЌЏ"

func judge(s string) reading {
	var r reading
	var prev rune = ' '
	word := make([]rune, 0, 32)
	for i, c := range s {
		if unicode.IsLetter(c) {
			word = append(word, c)
			prev = c
			continue
		}
		r.add(word)
		word = word[:0]
		if c >= 0x80 && c <= 0x9F {
			r.odd++ // a byte the page has no character for (see decodePage)
		}
		if c >= 0x80 && !joiner(c) {
			next, _ := utf8.DecodeRuneInString(s[i+utf8.RuneLen(c):])
			between := unicode.IsLetter(prev) && unicode.IsLetter(next)
			touching := (unicode.IsLetter(prev) || unicode.IsLetter(next)) && oddSymbol(c)
			if between || touching {
				r.bad++
			}
		}
		prev = c
	}
	r.add(word)
	r.stray = strays(r.accented)
	return r
}

// alphabets are the accented letters of the languages the Latin pages
// serve (Windows-1252, -1254, -1250 and ISO-8859-2 between them).
var alphabets = []string{
	"àâæçéèêëîïôœùûüÿ",  // French
	"äöüß",              // German
	"áéíñóúü",           // Spanish
	"àáâãçéêíóôõú",      // Portuguese
	"àèéìíîòóù",         // Italian
	"àçèéíïòóúü",        // Catalan
	"æøåé",              // Danish, Norwegian
	"åäöé",              // Swedish, Finnish
	"áðéíóúýþæö",        // Icelandic
	"éëïóöü",            // Dutch
	"çğıöşüâî",          // Turkish
	"áčďéěíňóřšťúůýž",   // Czech
	"áäčďéíĺľňóôŕšťúýž", // Slovak
	"ąćęłńóśźż",         // Polish
	"áéíóöőúüű",         // Hungarian
	"čćđšž",             // Croatian, Slovene, Bosnian
	"ăâîșțşţ",           // Romanian
	"äõöüšž",            // Estonian
	"ëç",                // Albanian
}

// strays is how many accented letters the best-fitting alphabet leaves
// out.
func strays(accented map[rune]int) int {
	total, best := 0, 0
	for _, n := range accented {
		total += n
	}
	for _, a := range alphabets {
		covered := 0
		for c, n := range accented {
			if strings.ContainsRune(a, c) {
				covered += n
			}
		}
		best = max(best, covered)
	}
	return total - best
}

// oddSymbol: a non-letter that no text writes against a word, unlike
// punctuation and the signs brands and units wear (© ® ™ ° № §).
func oddSymbol(c rune) bool {
	return !unicode.IsPunct(c) && !unicode.IsSpace(c) && !strings.ContainsRune("©®™°№§", c)
}

// joiner: the non-letters that stand between two letters of real words
// (apostrophes, hyphens, the Catalan middle dot, a soft hyphen).
func joiner(c rune) bool {
	return strings.ContainsRune("’‘ʼ·‐‑–—\u00AD", c)
}

// add judges one word; ASCII-only words and single letters say nothing
// about the code page, but for a lone Serbian letter.
func (r *reading) add(w []rune) {
	if len(w) < 2 {
		if len(w) == 1 && strings.ContainsRune(southSlavic, w[0]) {
			r.odd++ // a pound or euro sign read in 1251: "Ј5", "Ђ5"
		}
		return
	}
	var ascii, latin, cyrillic, upper int
	lowerThenUpper := false
	for i, c := range w {
		switch {
		case c < 0x80:
			ascii++
		case unicode.Is(unicode.Cyrillic, c):
			cyrillic++
			if strings.ContainsRune(cyrillicCommon, c) {
				r.common++
			} else if strings.ContainsRune(southSlavic, c) {
				r.odd++
			}
		case unicode.Is(unicode.Latin, c):
			latin++
			if r.accented == nil {
				r.accented = map[rune]int{}
			}
			r.accented[unicode.ToLower(c)]++
		default:
			r.bad++ // Greek, box letters and the like inside a word
			return
		}
		if unicode.IsUpper(c) {
			upper++
			lowerThenUpper = lowerThenUpper || i > 0 && unicode.IsLower(w[i-1])
		}
	}
	r.cyrillic += cyrillic
	switch {
	case ascii+latin == len(w) && latin == 0:
		return
	case cyrillic > 0 && cyrillic < len(w), lowerThenUpper:
		r.bad++
	case latin > 0 && len(w) >= 4 && 2*latin > len(w):
		r.bad++
	case upper == len(w):
		r.caps++
	default:
		r.plain++
	}
}
