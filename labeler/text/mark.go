package text

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/belgi-kz/belgi/labeler"
)

// Mark is Belgi's machine-readable record as found in a text file.
type Mark struct {
	DigitalSourceType string
	Layers            []string
}

const dstPrefix = "http://cv.iptc.org/newscodes/digitalsourcetype/"

// Tag is the short machine-readable end of a plain-text or SRT notice:
// "[ЖИ/ИИ: trainedAlgorithmicMedia · Belgi]". It stays readable (the
// acronyms a reader knows, the IPTC code a machine knows) and has no
// invisible characters that an editor could strip or a reader distrust.
func Tag(spec labeler.Spec) string {
	return "[" + spec.Mark() + ": " + strings.TrimPrefix(spec.DigitalSourceType(), dstPrefix) + " · Belgi]"
}

var tagRE = regexp.MustCompile(`\[[^\[\]\n:]{1,40}: (trainedAlgorithmicMedia|compositeWithTrainedAlgorithmicMedia) · Belgi\]`)

// findTag returns the byte range of the first tag in s and the mark it
// states, or -1.
func findTag(s string) (start, end int, m Mark) {
	loc := tagRE.FindStringSubmatchIndex(s)
	if loc == nil {
		return -1, -1, m
	}
	m.DigitalSourceType = dstPrefix + s[loc[2]:loc[3]]
	m.Layers = []string{labeler.LayerNotice, labeler.LayerXMP}
	return loc[0], loc[1], m
}

// Record is Belgi's one-line record for places that hold hidden text (a
// Markdown comment, a WebVTT NOTE, an HTML meta element):
// "Belgi 0.1.0; DigitalSourceType=<uri>; layers=notice,xmp; langs=kk,ru;
// ai=generated; profile=kz". One line, so it can't break the host format.
func Record(spec labeler.Spec, layers []string) string {
	langs := make([]string, len(spec.Langs))
	for i, l := range spec.Langs {
		langs[i] = string(l)
	}
	return fmt.Sprintf("%s; DigitalSourceType=%s; layers=%s; langs=%s; ai=%s; profile=%s",
		labeler.Tool, spec.DigitalSourceType(), strings.Join(layers, ","), strings.Join(langs, ","), spec.AI, spec.Profile)
}

var recordRE = regexp.MustCompile(`Belgi [0-9][^;\n]*; DigitalSourceType=([^;\s]+); layers=([a-z0-9,]*)`)

// ParseRecord finds a Record in s.
func ParseRecord(s string) (Mark, bool) {
	sub := recordRE.FindStringSubmatch(s)
	if sub == nil {
		return Mark{}, false
	}
	return Mark{DigitalSourceType: sub[1], Layers: splitComma(sub[2])}, true
}

func splitComma(s string) []string {
	var out []string
	for _, f := range strings.Split(s, ",") {
		if f != "" {
			out = append(out, f)
		}
	}
	return out
}

// WarnContentLacks is the warning for a file whose machine-readable
// record says Belgi labeled it but whose content no longer shows the
// notice: the record alone is not a label.
const WarnContentLacks = "metadata claims a label the content lacks"

// report turns what Inspect found into a labeler.Report. Labeled needs
// both Belgi's record and the notice in the content, where Belgi put it.
func report(kind, format string, m Mark, found, notice bool) labeler.Report {
	r := labeler.Report{Kind: kind, Format: format}
	if notice {
		r.Layers = append(r.Layers, labeler.LayerNotice)
	}
	if !found {
		return r
	}
	r.Labeled = notice
	r.DigitalSourceType = m.DigitalSourceType
	r.Provenance = []string{"belgi"}
	r.Layers = append(r.Layers, labeler.LayerXMP)
	if !notice {
		r.Warnings = append(r.Warnings, WarnContentLacks)
	}
	return r
}

// layers is what every text format applies.
var layers = []string{labeler.LayerNotice, labeler.LayerXMP}
