package provenance

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"strings"
	"time"

	"github.com/belgi-kz/belgi/internal/xmltree"
)

// XMP namespaces Belgi writes or reads.
const (
	NSIptcExt = "http://iptc.org/std/Iptc4xmpExt/2008-02-29/"
	NSBelgi   = "https://belgi.kz/ns/1.0/"
	NSTC260   = "http://www.tc260.org.cn/ns/AIGC/1.0/"
	NSRDF     = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
	NSXMPMM   = "http://ns.adobe.com/xap/1.0/mm/"
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
	// Notice is the perceivable notice as placed, line by line, where
	// the content can be checked for it (the PDF band).
	Notice []string
	// TC260 adds China's AIGC JSON field (profile cn).
	TC260 bool
	// ContentID is this file's unique ID (a UUID), written as
	// xmpMM:InstanceID "xmp.iid:<uuid>": a labeled copy is a new instance.
	ContentID string
	// The AI system, as IPTC 2025.1 names it (Iptc4xmpExt:AISystemUsed,
	// AISystemVersionUsed, AIPromptWriterName); the provider has no IPTC
	// field and goes into Belgi's record.
	AISystem, AISystemVersion, PromptWriter, AIProvider string
	// Region is where the perceivable label was drawn in a picture or
	// frame and what it looks like, for `check` (nil: none drawn).
	Region *Region
	// CustomNotice: the spoken notice is the user's own wording or
	// recording, which `check` cannot recognise the way it does the
	// stock clips.
	CustomNotice bool
}

// Found is what Read saw in a packet.
type Found struct {
	DigitalSourceType string
	Belgi             bool // a Belgi record is present
	Layers            []string
	Langs             []string
	Tool              string
	TC260             string // the raw AIGC JSON, if any
	Notice            []string
	// Region is the label region recorded, nil if none (or unreadable).
	Region *Region
	// RealPerson and CustomNotice are as recorded (see Mark).
	RealPerson, CustomNotice bool
}

// Packet returns a complete XMP packet carrying m, merged into existing
// (which may be nil). The existing packet is parsed with an XML
// tokenizer and edited in place: every element, attribute, namespace
// declaration and byte it holds stays, except Belgi's own record, any
// DigitalSourceType (the new one replaces it), a TC260 AIGC field when a
// new one is written, and xmp:Thumbnails (a preview of the unlabeled
// content). The old packet wrapper and padding are replaced by fresh
// ones. The result is well-formed or an error is returned.
func Packet(existing []byte, m Mark) ([]byte, error) {
	desc := description(m)
	at := locate(existing)
	if at < 0 {
		return wrap(desc), nil
	}
	t, err := xmltree.Parse(existing, at, true)
	if err != nil {
		return nil, fmt.Errorf("xmp: existing packet can't be merged: %w", err)
	}
	rdf := t.Root.Find(NSRDF, "RDF")
	if rdf == nil {
		return wrap(desc), nil
	}
	var ed xmltree.Edits
	for _, d := range rdf.Kids {
		stripOurs(t.Src, d, m, &ed)
	}
	if c := rdf.CloseAt; rdf.SelfClosed() || c > 0 && !isSpace(t.Src[c-1]) {
		desc = "\n" + desc // so that relabeling leaves the packet as it was
	}
	xmltree.Open(t.Src, rdf, []byte(desc), false, &ed)
	body := ed.Apply(t.Src[:t.Root.End])[at:]
	out := append([]byte(packetBegin), body...)
	out = append(out, "\n"+packetPadding+packetEnd...)
	if err := wellFormed(out); err != nil {
		return nil, fmt.Errorf("xmp: existing packet can't be merged: %w", err)
	}
	return out, nil
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
		`<rdf:RDF xmlns:rdf="` + NSRDF + `">` + "\n" + desc + "</rdf:RDF>\n</x:xmpmeta>\n" +
		packetPadding + packetEnd)
}

func description(m Mark) string {
	var b strings.Builder
	b.WriteString("<rdf:Description rdf:about=\"\"")
	// rdf is declared here too: a packet being merged into may bind the
	// RDF namespace to another prefix.
	fmt.Fprintf(&b, "\n  xmlns:rdf=%q\n  xmlns:Iptc4xmpExt=%q\n  xmlns:belgi=%q\n  xmlns:xmpMM=%q", NSRDF, NSIptcExt, NSBelgi, NSXMPMM)
	if m.TC260 {
		fmt.Fprintf(&b, "\n  xmlns:TC260=%q", NSTC260)
	}
	attr := func(name, val string) { fmt.Fprintf(&b, "\n  %s=\"%s\"", name, escape(val)) }
	attr("Iptc4xmpExt:DigitalSourceType", m.DigitalSourceType)
	aiAttrs(m, attr)
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
	if len(m.Notice) > 0 {
		attr("belgi:Notice", strings.Join(m.Notice, "\n"))
	}
	if m.CustomNotice {
		attr("belgi:CustomNotice", "True")
	}
	if m.Region != nil {
		attr("belgi:LabelRegion", m.Region.String())
		attr("belgi:LabelCells", m.Region.Cells())
	}
	if m.TC260 {
		attr("TC260:AIGC", AIGC(m))
	}
	b.WriteString("/>\n")
	return b.String()
}

func escape(s string) string {
	var b bytes.Buffer
	_ = xml.EscapeText(&b, []byte(s))
	return strings.ReplaceAll(b.String(), `"`, "&#34;")
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
// to drop when a merged packet no longer fits. Everything else, the
// packet wrapper included, stays byte for byte.
func Slim(packet []byte) []byte {
	at := locate(packet)
	if at < 0 {
		return packet
	}
	t, err := xmltree.Parse(packet, at, true)
	if err != nil {
		return packet
	}
	var ed xmltree.Edits
	if rdf := t.Root.Find(NSRDF, "RDF"); rdf != nil {
		for _, d := range rdf.Kids {
			for _, k := range d.Kids {
				if k.Name.Space == NSPhotoshop && k.Name.Local == "DocumentAncestors" {
					ed.Remove(xmltree.WithSpace(packet, k.Start, k.End))
				}
			}
		}
	}
	return ed.Apply(packet)
}
