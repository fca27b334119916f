package ffmpeg

import (
	"fmt"
	"sort"
	"strings"
)

// ChaptersMetadata returns an ffmetadata file (ffmpeg's own text format,
// read with "-f ffmetadata") holding chapters with their times moved by
// shift, so that chapters still point at the same words or scenes after
// Belgi put a notice or a slate before them. Times are in microseconds.
func ChaptersMetadata(chapters []Chapter, shift func(seconds float64) float64) string {
	var b strings.Builder
	b.WriteString(";FFMETADATA1\n")
	for _, c := range chapters {
		start, ok1 := Seconds(c.Start)
		end, ok2 := Seconds(c.End)
		if !ok1 || !ok2 || end < start {
			continue
		}
		s, e := start, shift(end)
		if start > 0 {
			s = shift(start)
		}
		fmt.Fprintf(&b, "[CHAPTER]\nTIMEBASE=1/1000000\nSTART=%d\nEND=%d\n", int64(s*1e6), int64(e*1e6))
		keys := make([]string, 0, len(c.Tags))
		for k := range c.Tags {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			fmt.Fprintf(&b, "%s=%s\n", escapeMeta(k), escapeMeta(c.Tags[k]))
		}
	}
	return b.String()
}

// escapeMeta escapes what ffmetadata treats specially: '=', ';', '#',
// '\' and newlines.
func escapeMeta(s string) string {
	r := strings.NewReplacer(`\`, `\\`, "=", `\=`, ";", `\;`, "#", `\#`, "\n", "\\\n")
	return r.Replace(s)
}
