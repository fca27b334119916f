package provenance

import (
	"strings"
	"testing"
)

func TestPacketMergeKeepsFieldsAndReplacesSourceType(t *testing.T) {
	existing := []byte(`<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:ipx="http://iptc.org/std/Iptc4xmpExt/2008-02-29/"
 ipx:DigitalSourceType="http://cv.iptc.org/newscodes/digitalsourcetype/digitalCapture">
<dc:creator><rdf:Seq><rdf:li>Aigerim</rdf:li></rdf:Seq></dc:creator>
</rdf:Description></rdf:RDF></x:xmpmeta>
<?xpacket end="w"?>`)
	m := Mark{DigitalSourceType: "http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia", Tool: "Belgi test", Layers: []string{"visible", "xmp"}, Langs: []string{"kk"}}
	out, err := Packet(existing, m)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(out), "<rdf:li>Aigerim</rdf:li>") {
		t.Errorf("existing creator lost:\n%s", out)
	}
	if strings.Contains(string(out), "digitalCapture") {
		t.Errorf("old DigitalSourceType kept beside the new one:\n%s", out)
	}
	f := Read(out)
	if f.DigitalSourceType != m.DigitalSourceType || !f.Belgi || strings.Join(f.Layers, ",") != "visible,xmp" {
		t.Errorf("read back %+v", f)
	}
	// Merging twice must not stack Belgi records.
	again, err := Packet(out, m)
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(string(again), "belgi:Tool"); n != 1 {
		t.Errorf("%d Belgi records after relabeling, want 1", n)
	}
}

func TestPacketFreshAndTC260(t *testing.T) {
	out, err := Packet(nil, Mark{DigitalSourceType: "x", Tool: `Belgi "q" <&>`, TC260: true, Involvement: "generated"})
	if err != nil {
		t.Fatal(err)
	}
	if err := wellFormed(out); err != nil {
		t.Fatalf("fresh packet not well-formed: %v\n%s", err, out)
	}
	f := Read(out)
	if f.Tool != `Belgi "q" <&>` || !strings.Contains(f.TC260, `"Label":"1"`) {
		t.Errorf("read back %+v", f)
	}
}

func TestReadElementForm(t *testing.T) {
	p := []byte(`<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:I="http://iptc.org/std/Iptc4xmpExt/2008-02-29/"><I:DigitalSourceType>http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia</I:DigitalSourceType></rdf:Description></rdf:RDF></x:xmpmeta>`)
	if got := Read(append([]byte("junk before"), p...)).DigitalSourceType; !strings.HasSuffix(got, "trainedAlgorithmicMedia") {
		t.Errorf("element form read as %q", got)
	}
}

func TestSlimDropsDocumentAncestors(t *testing.T) {
	var ids strings.Builder
	for i := 0; i < 3000; i++ {
		ids.WriteString("<rdf:li>xmp.did:0123456789abcdef0123456789abcdef</rdf:li>")
	}
	existing := `<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description rdf:about="" xmlns:ps="http://ns.adobe.com/photoshop/1.0/" ps:Headline="Steppe"><ps:DocumentAncestors><rdf:Bag>` + ids.String() + `</rdf:Bag></ps:DocumentAncestors></rdf:Description></rdf:RDF></x:xmpmeta>`
	p, err := Packet([]byte(existing), Mark{DigitalSourceType: "x", Tool: "Belgi"})
	if err != nil || len(p) < 65502 {
		t.Fatalf("setup: %d bytes, %v", len(p), err)
	}
	slim := Slim(p)
	if len(slim) > 4000 || !strings.Contains(string(slim), `ps:Headline="Steppe"`) || wellFormed(slim) != nil {
		t.Errorf("slimmed packet: %d bytes, headline kept=%v", len(slim), strings.Contains(string(slim), "Steppe"))
	}
	if Read(slim).DigitalSourceType != "x" {
		t.Error("Belgi's record lost")
	}
}
