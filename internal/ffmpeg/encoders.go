package ffmpeg

import (
	"context"
	"slices"
	"strings"
	"sync"
)

// encoderCache remembers what this ffmpeg can encode: asking costs a
// process start, and the answer does not change while Belgi runs. It is
// filled from the disk (see encoderdisk.go) when the disk knows.
var encoderCache struct {
	mu      sync.Mutex
	loaded  bool   // the disk was read
	binary  string // which ffmpeg the facts are about
	list    map[string]bool
	pixFmts map[string][]string
	priming map[string]int // see Priming
}

// loadEncoders reads the disk's facts about this ffmpeg once; the
// caller holds the lock.
func loadEncoders() {
	if encoderCache.loaded {
		return
	}
	encoderCache.loaded = true
	encoderCache.binary = binaryID()
	f, ok := readFacts(encoderCache.binary)
	if !ok {
		return
	}
	if len(f.List) > 0 { // facts saved before the list was asked for have none
		encoderCache.list = map[string]bool{}
		for _, e := range f.List {
			encoderCache.list[e] = true
		}
	}
	encoderCache.pixFmts, encoderCache.priming = f.PixFmts, f.Priming
}

// saveEncoders writes what is known now; the caller holds the lock.
func saveEncoders() {
	f := encoderFacts{Binary: encoderCache.binary, PixFmts: encoderCache.pixFmts, Priming: encoderCache.priming}
	for e := range encoderCache.list {
		f.List = append(f.List, e)
	}
	slices.Sort(f.List)
	writeFacts(f)
}

// HasEncoder reports whether ffmpeg was built with the named encoder
// ("libx265"). An ffmpeg that cannot be asked has none.
func HasEncoder(ctx context.Context, name string) bool {
	encoderCache.mu.Lock()
	defer encoderCache.mu.Unlock()
	loadEncoders()
	if encoderCache.list == nil {
		out, err := Run(ctx, "ffmpeg", "-hide_banner", "-encoders")
		if err != nil {
			return false
		}
		encoderCache.list = parseEncoders(string(out))
		saveEncoders()
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
	loadEncoders()
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
	if encoderCache.list != nil { // saved with the list, which is asked first
		saveEncoders()
	}
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
