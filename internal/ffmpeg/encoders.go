package ffmpeg

import (
	"context"
	"strings"
	"sync"
)

// encoderCache remembers what this ffmpeg can encode: asking costs a
// process start, and the answer does not change while Belgi runs.
var encoderCache struct {
	mu      sync.Mutex
	list    map[string]bool
	pixFmts map[string][]string
}

// HasEncoder reports whether ffmpeg was built with the named encoder
// ("libx265"). An ffmpeg that cannot be asked has none.
func HasEncoder(ctx context.Context, name string) bool {
	encoderCache.mu.Lock()
	defer encoderCache.mu.Unlock()
	if encoderCache.list == nil {
		out, err := Run(ctx, "ffmpeg", "-hide_banner", "-encoders")
		if err != nil {
			return false
		}
		encoderCache.list = parseEncoders(string(out))
	}
	return encoderCache.list[name]
}

// parseEncoders reads `ffmpeg -encoders`: after the "------" rule, each
// line is flags, name, description.
func parseEncoders(out string) map[string]bool {
	list := map[string]bool{}
	_, body, _ := strings.Cut(out, "------")
	for _, l := range strings.Split(body, "\n") {
		if f := strings.Fields(l); len(f) >= 2 {
			list[f[1]] = true
		}
	}
	return list
}

// EncoderPixFmts lists the pixel formats an encoder accepts, as
// `ffmpeg -h encoder=NAME` prints them; nil when unknown.
func EncoderPixFmts(ctx context.Context, name string) []string {
	encoderCache.mu.Lock()
	defer encoderCache.mu.Unlock()
	if f, ok := encoderCache.pixFmts[name]; ok {
		return f
	}
	out, err := Run(ctx, "ffmpeg", "-hide_banner", "-h", "encoder="+name)
	if err != nil {
		return nil
	}
	if encoderCache.pixFmts == nil {
		encoderCache.pixFmts = map[string][]string{}
	}
	f := parsePixFmts(string(out))
	encoderCache.pixFmts[name] = f
	return f
}

func parsePixFmts(help string) []string {
	for _, l := range strings.Split(help, "\n") {
		if _, list, ok := strings.Cut(l, "Supported pixel formats:"); ok {
			return strings.Fields(list)
		}
	}
	return nil
}
