package video

import (
	"strings"

	"github.com/belgi-kz/belgi/internal/ffmpeg"
	"github.com/belgi-kz/belgi/labeler"
	"github.com/belgi-kz/belgi/labeler/provenance"
)

// Tag names Belgi writes in Matroska/WebM. Matroska keeps tag names as
// written; readers compare them without regard to case.
const (
	tagDST   = "DIGITAL_SOURCE_TYPE"
	tagBelgi = "BELGI"
	tagXMP   = "XMP"
)

// record is Belgi's mark as one line of text, for containers that hold
// only text tags: "Belgi 0.1.0; DigitalSourceType=URI; layers=visible,xmp;
// langs=kk,ru".
func record(m provenance.Mark) string {
	return m.Tool + "; DigitalSourceType=" + m.DigitalSourceType +
		"; layers=" + strings.Join(m.Layers, ",") + "; langs=" + strings.Join(m.Langs, ",")
}

// parsedRecord is what a record says.
type parsedRecord struct {
	dst    string
	layers []string
	ok     bool
}

// parseRecord finds a record anywhere in s (a comment may hold other
// text around it).
func parseRecord(s string) parsedRecord {
	var r parsedRecord
	i := strings.Index(s, "Belgi ")
	if i < 0 || !strings.Contains(s[i:], "DigitalSourceType=") {
		return r
	}
	for _, f := range strings.Split(s[i:], ";") {
		k, v, _ := strings.Cut(strings.TrimSpace(f), "=")
		switch k {
		case "DigitalSourceType":
			r.dst = strings.TrimSpace(strings.Fields(v + " ")[0])
		case "layers":
			r.layers = splitComma(strings.Fields(v + " ")[0])
		}
	}
	r.ok = r.dst != ""
	return r
}

func splitComma(s string) []string {
	var out []string
	for _, f := range strings.Split(s, ",") {
		if f = strings.TrimSpace(f); f != "" {
			out = append(out, f)
		}
	}
	return out
}

// comment is the human-readable comment tag: the notice, then the record.
// An existing comment is kept in front, minus lines of a previous Belgi
// record, so labeling twice leaves one.
func comment(existing string, spec labeler.Spec, m provenance.Mark) string {
	var kept []string
	for _, l := range strings.Split(existing, "\n") {
		if strings.TrimSpace(l) != "" && !parseRecord(l).ok {
			kept = append(kept, l)
		}
	}
	return strings.Join(append(kept, strings.Join(spec.Lines(), " / ")+" — "+record(m)), "\n")
}

// metaArgs are ffmpeg's -metadata arguments for the container: the
// comment everywhere it exists, and the record, DigitalSourceType and XMP
// where the container takes tags. MP4/MOV get the XMP box after ffmpeg
// finishes.
func metaArgs(style markStyle, info ffmpeg.Info, spec labeler.Spec, m provenance.Mark, packet []byte) []string {
	rec, dst, xmp := record(m), m.DigitalSourceType, string(provenance.Extract(packet))
	args := []string{"-metadata", "comment=" + comment(lookup(info.Format.Tags, "comment"), spec, m)}
	switch style {
	case marksMatroska, marksTags:
		args = append(args, "-metadata", tagDST+"="+dst, "-metadata", tagBelgi+"="+rec, "-metadata", tagXMP+"="+xmp)
	case marksShortTags:
		// ffmpeg's FLV reader drops the whole onMetaData object when one
		// string exceeds its 1 KiB buffer, as the XMP packet does.
		args = append(args, "-metadata", tagDST+"="+dst, "-metadata", tagBelgi+"="+rec)
	case marksMXF:
		args = append(args, "-metadata", "comment_"+tagBelgi+"="+rec, "-metadata", "comment_"+tagDST+"="+dst,
			"-metadata", "comment_"+tagXMP+"="+xmp)
	case marksService:
		name := "Service01"
		for _, pr := range info.Programs {
			if n := lookup(pr.Tags, "service_name"); n != "" {
				name = n
				break
			}
		}
		args = []string{"-metadata", "service_provider=" + rec, "-metadata", "service_name=" + name}
	}
	fam := "tags"
	if style == marksMP4 {
		fam = "mp4"
	}
	return append(args, aigcArgs(fam, m)...)
}

// aigcArgs put the TC260 AIGC record where TC260's practice guide for
// video files puts it (cn profile): an "AIGC" key in MP4's moov/udta/meta
// (ffmpeg writes metadata as such keys with use_metadata_tags) and an
// AIGC simple tag in Matroska.
func aigcArgs(fam string, m provenance.Mark) []string {
	if !m.TC260 {
		return nil
	}
	args := []string{"-metadata", "AIGC=" + provenance.AIGC(m)}
	if fam == "mp4" {
		args = append(args, "-movflags", "+use_metadata_tags")
	}
	return args
}

// tagSets are the tag sets a container's marks may be read from:
// container-wide, each stream's, and a transport stream's services.
func tagSets(info ffmpeg.Info) []map[string]string {
	sets := []map[string]string{info.Format.Tags}
	for _, p := range info.Programs {
		sets = append(sets, p.Tags)
	}
	return sets
}

// lookup finds a tag regardless of case.
func lookup(tags map[string]string, key string) string {
	for k, v := range tags {
		if strings.EqualFold(k, key) {
			return v
		}
	}
	return ""
}

// reportTags fills a report from tags (Matroska, FLV, ASF, MXF, AVI,
// MPEG-TS): the XMP tag when present, else the DigitalSourceType tag and
// the record.
func reportTags(sets []map[string]string, rep *labeler.Report) {
	tags := map[string]string{}
	for _, set := range sets {
		for k, v := range set {
			k = strings.TrimPrefix(strings.ToLower(k), "comment_")
			if k == "service_provider" {
				k = strings.ToLower(tagBelgi)
			}
			if _, dup := tags[k]; !dup || k == "comment" {
				tags[k] = v
			}
		}
	}
	if x := lookup(tags, tagXMP); x != "" {
		provenance.Read([]byte(x)).Report(rep)
		if rep.Labeled {
			return
		}
	}
	if dst := lookup(tags, tagDST); dst != "" && rep.DigitalSourceType == "" {
		rep.DigitalSourceType = dst
		rep.Provenance = append(rep.Provenance, "tags")
	}
	r := parseRecord(lookup(tags, tagBelgi))
	if !r.ok {
		r = parseRecord(lookup(tags, "comment"))
	}
	if r.ok {
		rep.Labeled = true
		rep.Layers = append(rep.Layers, r.layers...)
		if rep.DigitalSourceType == "" {
			rep.DigitalSourceType = r.dst
		}
		rep.Provenance = append(rep.Provenance, "belgi")
	}
}
