package ffmpeg

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"math"
	"strconv"
	"strings"
)

// Priming is how many samples an audio encoder, set up by args ("-c:a",
// "ac3", "-b:a", ...), puts before the first sample it is given: ffmpeg
// stamps its first packet that far before the input's start (AAC 1024,
// AC-3 256, LAME 1105 at ffmpeg 5.1). A muxer that stores no negative
// time moves every stream by it; 0 when the encoder primes nothing or
// can't be asked. Asking costs an encode, and the answer belongs to the
// ffmpeg binary, so it is kept with the encoder list, on disk too: a
// CLI run that labels one clip would otherwise ask every time.
func Priming(ctx context.Context, args []string, rate, channels int) int {
	key := fmt.Sprint(args, rate, channels)
	encoderCache.mu.Lock()
	defer encoderCache.mu.Unlock()
	loadEncoders()
	if n, ok := encoderCache.priming[key]; ok {
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
	if !lasting(ctx, err) {
		return n // a cancelled run says nothing about the encoder
	}
	if encoderCache.priming == nil {
		encoderCache.priming = map[string]int{}
	}
	encoderCache.priming[key] = n
	if err == nil {
		saveEncoders()
	}
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
