package provenance

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"regexp"
	"strings"
	"time"
)

// XMP namespaces Belgi writes or reads.
const (
	NSIptcExt = "http://iptc.org/std/Iptc4xmpExt/2008-02-29/"
	NSBelgi   = "https://belgi.kz/ns/1.0/"
	NSTC260   = "http://www.tc260.org.cn/ns/AIGC/1.0/"
	NSRDF     = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
)

// Mark is what Belgi records in a labeled file.
type Mark struct {
	DigitalSourceType string
	Tool              string // "Belgi 0.1.0"
	Layers            []string
	Langs             []string
	Involvement       string
	Profile           string
	RealPerson        bool
	Time              time.Time
	// TC260 adds China's AIGC JSON field (profile cn).
	TC260 bool
}

// Found is what Read saw in a packet.
type Found struct {
	DigitalSourceType string
	Belgi             bool // a Belgi record is present
	Layers            []string
	Langs             []string
	Tool              string
	TC260             string // the raw AIGC JSON, if any
}

// Packet returns a complete XMP packet carrying m, merged into existing
// (which may be nil). Existing fields are kept; the result is
// well-formed or an error is returned.
func Packet(existing []byte, m Mark) ([]byte, error) {
	desc := description(m)
	body := bytes.TrimSpace(existing)
	if len(body) == 0 || !bytes.Contains(body, []byte("</rdf:RDF>")) {
		return wrap(desc), nil
	}
	merged := stripOurs(stripPacketWrapper(body))
	i := bytes.LastIndex(merged, []byte("</rdf:RDF>"))
	if i < 0 {
		return nil, errors.New("xmp: existing packet has no rdf:RDF to merge into")
	}
	var out bytes.Buffer
	out.WriteString(packetBegin)
	out.Write(merged[:i])
	out.WriteString(desc)
	out.Write(merged[i:])
	out.WriteString("\n" + packetPadding + packetEnd)
	if err := wellFormed(out.Bytes()); err != nil {
		return nil, fmt.Errorf("xmp: existing packet can't be merged: %w", err)
	}
	return out.Bytes(), nil
}

const (
	packetBegin = "<?xpacket begin=\"\ufeff\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
	packetEnd   = "<?xpacket end=\"w\"?>"
)

// packetPadding lets other tools edit the packet in place later, as the
// XMP specification recommends.
var packetPadding = strings.Repeat(strings.Repeat(" ", 99)+"\n", 20)

func wrap(desc string) []byte {
	return []byte(packetBegin +
		`<x:xmpmeta xmlns:x="adobe:ns:meta/" x:xmptk="Belgi">` + "\n" +
		`<rdf:RDF xmlns:rdf="` + NSRDF + `">` + desc + "</rdf:RDF>\n</x:xmpmeta>\n" +
		packetPadding + packetEnd)
}

func description(m Mark) string {
	var b strings.Builder
	b.WriteString("\n<rdf:Description rdf:about=\"\"")
	fmt.Fprintf(&b, "\n  xmlns:Iptc4xmpExt=%q\n  xmlns:belgi=%q", NSIptcExt, NSBelgi)
	if m.TC260 {
		fmt.Fprintf(&b, "\n  xmlns:TC260=%q", NSTC260)
	}
	attr := func(name, val string) { fmt.Fprintf(&b, "\n  %s=\"%s\"", name, escape(val)) }
	attr("Iptc4xmpExt:DigitalSourceType", m.DigitalSourceType)
	attr("belgi:Tool", m.Tool)
	attr("belgi:Layers", strings.Join(m.Layers, ","))
	attr("belgi:Languages", strings.Join(m.Langs, ","))
	attr("belgi:Involvement", m.Involvement)
	attr("belgi:Profile", m.Profile)
	if m.RealPerson {
		attr("belgi:RealPerson", "True")
	}
	if !m.Time.IsZero() {
		attr("belgi:LabeledAt", m.Time.UTC().Format(time.RFC3339))
	}
	if m.TC260 {
		attr("TC260:AIGC", tc260JSON(m))
	}
	b.WriteString("/>\n")
	return b.String()
}

// tc260JSON is the AIGC implicit label of GB 45438-2025: Label "1" means
// AI-generated, "2" possibly generated.
func tc260JSON(m Mark) string {
	label := "1"
	if m.Involvement == "modified" {
		label = "2"
	}
	return fmt.Sprintf(`{"Label":"%s","ContentProducer":"%s","ProduceID":"","ContentPropagator":"","PropagateID":""}`, label, m.Tool)
}

func escape(s string) string {
	var b bytes.Buffer
	_ = xml.EscapeText(&b, []byte(s))
	return strings.ReplaceAll(b.String(), `"`, "&#34;")
}

var (
	reWrapperBegin = regexp.MustCompile(`^<\?xpacket begin=[^>]*\?>\s*`)
	reWrapperEnd   = regexp.MustCompile(`\s*<\?xpacket end=[^>]*\?>$`)
	// ourDescription matches the rdf:Description Belgi writes (self-closed).
	ourDescription = regexp.MustCompile(`(?s)\s*<rdf:Description rdf:about=""\s+xmlns:Iptc4xmpExt="[^"]*"\s+xmlns:belgi="` + regexp.QuoteMeta(NSBelgi) + `"[^>]*/>\s*`)
)

func stripPacketWrapper(b []byte) []byte {
	b = reWrapperBegin.ReplaceAll(b, nil)
	b = reWrapperEnd.ReplaceAll(b, nil)
	return bytes.TrimSpace(b)
}

// stripOurs removes a previous Belgi description and any other writer's
// DigitalSourceType or TC260 AIGC, whatever prefix they were bound to, so
// the merged packet states exactly one of each.
func stripOurs(b []byte) []byte {
	b = ourDescription.ReplaceAll(b, []byte("\n"))
	for _, p := range prefixesFor(b, NSIptcExt) {
		b = removeProperty(b, p, "DigitalSourceType")
	}
	for _, p := range prefixesFor(b, NSTC260) {
		b = removeProperty(b, p, "AIGC")
	}
	return b
}

// prefixesFor finds the prefixes a packet binds to a namespace URI.
func prefixesFor(b []byte, ns string) []string {
	re := regexp.MustCompile(`xmlns:([A-Za-z_][\w.-]*)\s*=\s*["']` + regexp.QuoteMeta(ns) + `["']`)
	var out []string
	for _, m := range re.FindAllSubmatch(b, -1) {
		out = append(out, string(m[1]))
	}
	return out
}

// removeProperty deletes prefix:local in attribute form and element forms.
func removeProperty(b []byte, prefix, local string) []byte {
	q := regexp.QuoteMeta(prefix + ":" + local)
	forms := []string{
		`\s+` + q + `\s*=\s*"[^"]*"`,
		`\s+` + q + `\s*=\s*'[^']*'`,
		`(?s)\s*<` + q + `(\s[^>]*)?>.*?</` + q + `>`,
		`\s*<` + q + `(\s[^>]*)?/>`,
	}
	for _, f := range forms {
		b = regexp.MustCompile(f).ReplaceAll(b, nil)
	}
	return b
}

func wellFormed(b []byte) error {
	d := xml.NewDecoder(bytes.NewReader(b))
	for {
		_, err := d.Token()
		if err != nil {
			if err.Error() == "EOF" {
				return nil
			}
			return err
		}
	}
}

// NSPhotoshop is Photoshop's XMP namespace.
const NSPhotoshop = "http://ns.adobe.com/photoshop/1.0/"

// Slim removes photoshop:DocumentAncestors, the list of every document
// ever pasted into a file, which can fill most of a JPEG's 64 KB XMP
// segment and carries nothing a reader of the picture needs. It is what
// to drop when a merged packet no longer fits.
func Slim(packet []byte) []byte {
	for _, p := range prefixesFor(packet, NSPhotoshop) {
		packet = removeProperty(packet, p, "DocumentAncestors")
	}
	return packet
}
