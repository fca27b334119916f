package provenance

import "encoding/xml"

// aiAttrs writes the content ID and the AI system's fields, those that
// are known.
func aiAttrs(m Mark, attr func(name, val string)) {
	if m.ContentID != "" {
		attr("xmpMM:InstanceID", "xmp.iid:"+m.ContentID)
	}
	for _, f := range []struct{ name, val string }{
		{"Iptc4xmpExt:AISystemUsed", m.AISystem},
		{"Iptc4xmpExt:AISystemVersionUsed", m.AISystemVersion},
		{"Iptc4xmpExt:AIPromptWriterName", m.PromptWriter},
		{"belgi:AIProvider", m.AIProvider},
	} {
		if f.val != "" {
			attr(f.name, f.val)
		}
	}
}

// replacedAI reports whether a property of an existing packet is one m
// replaces beside the source type: the instance ID (a labeled copy is a
// new instance) and the IPTC AI fields m gives, whoever wrote them (the
// spec's are the truth about this file; a source's are kept when m has
// none, unless they sit in an earlier Belgi record).
func replacedAI(n xml.Name, m Mark, belgiDesc bool) bool {
	switch {
	case n.Space == NSXMPMM && n.Local == "InstanceID":
		return m.ContentID != ""
	case n.Space != NSIptcExt:
		return false
	}
	given := map[string]string{"AISystemUsed": m.AISystem, "AISystemVersionUsed": m.AISystemVersion, "AIPromptWriterName": m.PromptWriter}
	v, ok := given[n.Local]
	return ok && (v != "" || belgiDesc)
}
