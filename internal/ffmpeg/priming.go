package ffmpeg

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"math"
	"strconv"
	"strings"
	"sync"
)

// primingCache remembers each encoder set-up's priming: asking costs an
// encode, and the answer does not change while Belgi runs.
var primingCache struct {
	mu sync.Mutex
	m  map[string]int
}

// Priming is how many samples an audio encoder, set up by args ("-c:a",
// "ac3", "-b:a", ...), puts before the first sample it is given: ffmpeg
// stamps its first packet that far before the input's start (AAC 1024,
// AC-3 256, LAME 1105 at ffmpeg 5.1). A muxer that stores no negative
// time moves every stream by it; 0 when the encoder primes nothing or
// can't be asked.
func Priming(ctx context.Context, args []string, rate, channels int) int {
	key := fmt.Sprint(args, rate, channels)
	primingCache.mu.Lock()
	defer primingCache.mu.Unlock()
	if n, ok := primingCache.m[key]; ok {
		return n
	}
	full := []string{"-v", "error", "-f", "lavfi", "-i", "anullsrc=r=" + strconv.Itoa(rate), "-t", "0.2",
		"-ac", strconv.Itoa(channels)}
	full = append(append(full, args...), "-ar", strconv.Itoa(rate), "-f", "framecrc", "-")
	out, err := Run(ctx, "ffmpeg", full...)
	n := 0
	if err == nil {
		n = firstPacketLead(out, rate)
	}
	if primingCache.m == nil {
		primingCache.m = map[string]int{}
	}
	primingCache.m[key] = n
	return n
}

// firstPacketLead reads framecrc output ("#tb 0: 1/44100", then
// "stream, dts, pts, duration, size, crc" lines) and returns how many
// samples at rate the first packet starts before zero.
func firstPacketLead(out []byte, rate int) int {
	num, den := 0.0, 0.0
	s := bufio.NewScanner(bytes.NewReader(out))
	for s.Scan() {
		l := s.Text()
		if tb, ok := strings.CutPrefix(l, "#tb 0: "); ok {
			n, d, _ := strings.Cut(tb, "/")
			num, _ = strconv.ParseFloat(n, 64)
			den, _ = strconv.ParseFloat(d, 64)
			continue
		}
		f := strings.Split(l, ",")
		if strings.HasPrefix(l, "#") || len(f) < 3 || den == 0 {
			continue
		}
		pts, err := strconv.ParseFloat(strings.TrimSpace(f[2]), 64)
		if err != nil || pts >= 0 {
			return 0
		}
		return int(math.Round(-pts * num / den * float64(rate)))
	}
	return 0
}
