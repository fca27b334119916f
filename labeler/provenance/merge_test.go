package provenance

import (
	"strings"
	"testing"
)

const rdfNS = `xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"`

var testMark = Mark{DigitalSourceType: "http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia", Tool: "Belgi test", Layers: []string{"notice", "xmp"}}

// mergeCases: packets as real tools write them. keep must survive byte
// for byte; gone must not.
var mergeCases = []struct {
	name, in   string
	keep, gone []string
}{
	{"foreign DST under another prefix, attribute form",
		`<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF ` + rdfNS + `><rdf:Description rdf:about="" xmlns:ipx="http://iptc.org/std/Iptc4xmpExt/2008-02-29/" xmlns:dc="http://purl.org/dc/elements/1.1/" ipx:DigitalSourceType='http://cv.iptc.org/newscodes/digitalsourcetype/digitalCapture'  dc:format="application/pdf"/></rdf:RDF></x:xmpmeta>`,
		[]string{`xmlns:ipx="http://iptc.org/std/Iptc4xmpExt/2008-02-29/" xmlns:dc="http://purl.org/dc/elements/1.1/"`, `dc:format="application/pdf"`}, []string{"digitalCapture"}},
	{"element form with rdf:resource",
		`<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF ` + rdfNS + `><rdf:Description rdf:about="" xmlns:I="http://iptc.org/std/Iptc4xmpExt/2008-02-29/" xmlns:dc="http://purl.org/dc/elements/1.1/"><!-- a comment --><I:DigitalSourceType rdf:resource="http://cv.iptc.org/newscodes/digitalsourcetype/digitalCapture"/><dc:title><rdf:Alt><rdf:li xml:lang="x-default">Дала &amp; тау</rdf:li></rdf:Alt></dc:title></rdf:Description></rdf:RDF></x:xmpmeta>`,
		[]string{`<!-- a comment -->`, `<rdf:li xml:lang="x-default">Дала &amp; тау</rdf:li>`}, []string{"digitalCapture"}},
	{"default-namespace RDF, no rdf prefix in scope",
		`<x:xmpmeta xmlns:x="adobe:ns:meta/"><RDF xmlns="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><Description xmlns:pdf="http://ns.adobe.com/pdf/1.3/" pdf:Producer="LaTeX"/></RDF></x:xmpmeta>`,
		[]string{`pdf:Producer="LaTeX"`}, nil},
	{"empty self-closed RDF",
		`<?xpacket begin="` + "\ufeff" + `" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/" x:xmptk="Adobe XMP Core 5.6"><rdf:RDF ` + rdfNS + `/></x:xmpmeta>` + "\n" + strings.Repeat(" ", 2000) + `<?xpacket end="w"?>`,
		[]string{`x:xmptk="Adobe XMP Core 5.6"`}, nil},
	{"bare rdf:RDF",
		`<rdf:RDF ` + rdfNS + `><rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmp:CreatorTool="Word"/></rdf:RDF>`,
		[]string{`xmp:CreatorTool="Word"`}, nil},
	{"thumbnail of the unlabeled content",
		`<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF ` + rdfNS + `><rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmlns:xmpGImg="http://ns.adobe.com/xap/1.0/g/img/" xmp:Rating="3"><xmp:Thumbnails><rdf:Alt><rdf:li rdf:parseType="Resource"><xmpGImg:image>/9j/4AAQ</xmpGImg:image></rdf:li></rdf:Alt></xmp:Thumbnails></rdf:Description></rdf:RDF></x:xmpmeta>`,
		[]string{`xmp:Rating="3"`}, []string{"/9j/4AAQ", "Thumbnails"}},
	{"foreign TC260 stays when none is written",
		`<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF ` + rdfNS + `><rdf:Description rdf:about="" xmlns:TC260="http://www.tc260.org.cn/ns/AIGC/1.0/" TC260:AIGC="{&quot;Label&quot;:&quot;1&quot;}"/></rdf:RDF></x:xmpmeta>`,
		[]string{`TC260:AIGC="{&quot;Label&quot;:&quot;1&quot;}"`}, nil},
}

func TestPacketMergesThroughTheTokenizer(t *testing.T) {
	for _, tc := range mergeCases {
		t.Run(tc.name, func(t *testing.T) {
			out, err := Packet([]byte(tc.in), testMark)
			if err != nil {
				t.Fatal(err)
			}
			s := string(out)
			for _, k := range tc.keep {
				if !strings.Contains(s, k) {
					t.Errorf("lost %q:\n%s", k, s)
				}
			}
			for _, g := range tc.gone {
				if strings.Contains(s, g) {
					t.Errorf("kept %q:\n%s", g, s)
				}
			}
			f := Read(out)
			if f.DigitalSourceType != testMark.DigitalSourceType || !f.Belgi {
				t.Errorf("read back %+v", f)
			}
			if n := strings.Count(s, "<?xpacket begin="); n != 1 || !strings.HasSuffix(s, `<?xpacket end="w"?>`) {
				t.Errorf("%d packet headers, or no trailer:\n%s", n, s)
			}
			again, err := Packet(out, testMark)
			if err != nil || strings.Count(string(again), "belgi:Tool") != 1 || len(again) != len(out) {
				t.Errorf("relabeling stacks or changes the packet (%v): %d → %d bytes", err, len(out), len(again))
			}
		})
	}
}

func TestPacketRefusesMalformed(t *testing.T) {
	for _, in := range []string{
		`<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF ` + rdfNS + `><rdf:Description></rdf:RDF></x:xmpmeta>`,
		`<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF ` + rdfNS + `>`,
	} {
		if _, err := Packet([]byte(in), testMark); err == nil {
			t.Errorf("merged into %q", in)
		}
	}
}

// TestExtractFindsAnyPrefix: a packet is found inside other bytes by its
// root element, whatever its prefix, and ends at its matching end tag.
func TestExtractFindsAnyPrefix(t *testing.T) {
	p := `<m:xmpmeta xmlns:m="adobe:ns:meta/"><rdf:RDF ` + rdfNS + `><rdf:Description/></rdf:RDF></m:xmpmeta>`
	got := Extract([]byte("\x00\xffjunk <notxmp> " + p + " trailing </m:xmpmeta> junk"))
	if string(got) != p {
		t.Errorf("extracted %q", got)
	}
}

// FuzzPacket: whatever the existing packet, Packet returns an error or a
// well-formed packet that reads back with exactly one Belgi record.
func FuzzPacket(f *testing.F) {
	for _, tc := range mergeCases {
		f.Add(tc.in)
	}
	f.Add("")
	f.Add("<rdf:RDF/>")
	f.Fuzz(func(t *testing.T, in string) {
		out, err := Packet([]byte(in), testMark)
		if err != nil {
			return
		}
		if err := wellFormed(out); err != nil {
			t.Fatalf("not well-formed: %v\n%s", err, out)
		}
		if fd := Read(out); fd.DigitalSourceType != testMark.DigitalSourceType || !fd.Belgi {
			t.Fatalf("read back %+v from\n%s", fd, out)
		}
	})
}
