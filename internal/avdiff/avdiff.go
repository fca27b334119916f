// Package avdiff compares a labeled audio or video file with its source
// the way a person checking Belgi's work would: with ffprobe
// (-show_format -show_streams) and exiftool (-a -G1). Tests hold every
// difference to a list of the ones Belgi means to make.
package avdiff

import (
	"context"
	"encoding/json"
	"fmt"
	"os/exec"
	"regexp"
	"sort"
	"strings"
)

// streamFields are the ffprobe stream fields that describe what a stream
// is; timing, sizes and bit rates change with any labeling and are
// checked by the kinds' read-back instead.
var streamFields = []string{"codec_type", "codec_name", "profile", "sample_rate", "channels", "channel_layout",
	"width", "height", "pix_fmt", "sample_aspect_ratio", "display_aspect_ratio", "color_space", "color_transfer",
	"color_primaries", "color_range", "field_order", "bits_per_raw_sample"}

// skippedExif are exiftool groups and tags that describe the file, not
// what it carries.
var skippedExif = regexp.MustCompile(`^(SourceFile|ExifTool:.*|System:.*|File:(FileSize|FileModifyDate|FileAccessDate|FileInodeChangeDate|FilePermissions)|Composite:.*)$`)

// Diff lists the differences between in and out as lines such as
// `stream 1 tag title: "A" -> "B"`, `format tag comment added`,
// `exif XMP-iptcExt:DigitalSourceType added`, sorted.
func Diff(ctx context.Context, in, out string) ([]string, error) {
	a, err := ffprobe(ctx, in)
	if err != nil {
		return nil, err
	}
	b, err := ffprobe(ctx, out)
	if err != nil {
		return nil, err
	}
	d := diffProbe(a, b)
	ea, err := exif(ctx, in)
	if err != nil {
		return nil, err
	}
	eb, err := exif(ctx, out)
	if err != nil {
		return nil, err
	}
	d = append(d, diffExif(ea, eb)...)
	sort.Strings(d)
	return d, nil
}

// Unexpected returns the differences no allowed pattern matches.
func Unexpected(diffs []string, allowed []*regexp.Regexp) []string {
	var out []string
	for _, d := range diffs {
		ok := false
		for _, re := range allowed {
			ok = ok || re.MatchString(d)
		}
		if !ok {
			out = append(out, d)
		}
	}
	return out
}

type probed struct {
	Streams []map[string]any `json:"streams"`
	Format  map[string]any   `json:"format"`
}

func ffprobe(ctx context.Context, path string) (probed, error) {
	out, err := exec.CommandContext(ctx, "ffprobe", "-v", "error", "-print_format", "json", "-show_format", "-show_streams", path).Output()
	var p probed
	if err == nil {
		err = json.Unmarshal(out, &p)
	}
	if err != nil {
		return p, fmt.Errorf("ffprobe %s: %w", path, err)
	}
	return p, nil
}

func exif(ctx context.Context, path string) (map[string][]string, error) {
	// Family 4 numbers duplicate tags (Copy1...), so a second TXXX frame
	// does not hide the first. A file type exiftool does not know still
	// gives JSON, with an Error entry, and a failing exit status.
	out, _ := exec.CommandContext(ctx, "exiftool", "-j", "-a", "-G1:4", path).Output()
	var list []map[string]any
	err := json.Unmarshal(out, &list)
	if err != nil || len(list) == 0 {
		return nil, fmt.Errorf("exiftool %s: %v", path, err)
	}
	return uncopied(list[0]), nil
}

var copyNumber = regexp.MustCompile(`:Copy\d+:`)

// uncopied groups a tag's values under its name without the copy number
// exiftool gives duplicates (which copy is "main" changes when a file
// gains one).
func uncopied(tags map[string]any) map[string][]string {
	m := map[string][]string{}
	for k, v := range tags {
		base := copyNumber.ReplaceAllString(k, ":")
		if !skippedExif.MatchString(base) {
			m[base] = append(m[base], fmt.Sprint(v))
		}
	}
	for _, vs := range m {
		sort.Strings(vs)
	}
	return m
}

// diffExif compares tags; a tag seen more than once on either side is
// compared value by value ("group:Tag = value added").
func diffExif(a, b map[string][]string) []string {
	single := func(m map[string][]string) map[string]string {
		out := map[string]string{}
		for k, vs := range m {
			if len(a[k]) > 1 || len(b[k]) > 1 {
				for _, v := range vs {
					out[k+" = "+short(v)] = ""
				}
				continue
			}
			out[k] = vs[0]
		}
		return out
	}
	return diffMaps("exif ", single(a), single(b))
}

func diffProbe(a, b probed) []string {
	var d []string
	if len(a.Streams) != len(b.Streams) {
		d = append(d, fmt.Sprintf("streams %d -> %d", len(a.Streams), len(b.Streams)))
	}
	for i := range min(len(a.Streams), len(b.Streams)) {
		sa, sb := a.Streams[i], b.Streams[i]
		for _, f := range streamFields {
			if va, vb := str(sa[f]), str(sb[f]); va != vb {
				d = append(d, fmt.Sprintf("stream %d %s: %q -> %q", i, f, va, vb))
			}
		}
		d = append(d, diffMaps(fmt.Sprintf("stream %d tag ", i), tags(sa), tags(sb))...)
	}
	if fa, fb := str(a.Format["format_name"]), str(b.Format["format_name"]); fa != fb {
		d = append(d, fmt.Sprintf("format_name: %q -> %q", fa, fb))
	}
	return append(d, diffMaps("format tag ", tags(a.Format), tags(b.Format))...)
}

func tags(m map[string]any) map[string]string {
	out := map[string]string{}
	if t, ok := m["tags"].(map[string]any); ok {
		for k, v := range t {
			out[k] = fmt.Sprint(v)
		}
	}
	return out
}

func str(v any) string {
	if v == nil {
		return ""
	}
	return fmt.Sprint(v)
}

// diffMaps reports keys added, lost or changed, with prefix.
func diffMaps(prefix string, a, b map[string]string) []string {
	var d []string
	for k, va := range a {
		vb, ok := b[k]
		switch {
		case !ok:
			d = append(d, prefix+k+" lost")
		case va != vb:
			d = append(d, fmt.Sprintf("%s%s: %q -> %q", prefix, k, short(va), short(vb)))
		}
	}
	for k := range b {
		if _, ok := a[k]; !ok {
			d = append(d, prefix+k+" added")
		}
	}
	return d
}

func short(s string) string {
	if len(s) > 60 {
		return s[:57] + "..."
	}
	return strings.ReplaceAll(s, "\n", " ")
}
