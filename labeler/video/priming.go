package video

import (
	"context"
	"fmt"
	"strings"

	"github.com/belgi-kz/belgi/internal/ffmpeg"
)

// timeFromZero are the containers whose muxers store no time before zero:
// a re-encoded sound track that starts early by its encoder's priming
// makes them move every stream later by it.
var timeFromZero = map[string]bool{"matroska": true, "webm": true, "flv": true}

// primingTrim is how much of the mixed sound's start, in seconds, gives
// way to the encoder's priming in containers listed in timeFromZero. Left
// in, the priming moved the whole file by it: 5.8 ms for AC-3, which put
// a 600 fps picture off its 1/600 s grid, so its 1 ms ticks collided when
// read back ("non monotonically increasing dts"). With the priming in
// place of the first samples, the encoded sound starts where the source's
// did and no stream moves. Matroska states Opus's delay itself.
func (p *plan) primingTrim(ctx context.Context) float64 {
	if !timeFromZero[p.container] || audioCodec(p.audioEnc) == "libopus" {
		return 0
	}
	rate, _ := p.audioFormat()
	n := ffmpeg.Priming(ctx, p.audioEnc, rate, audioChannels(p.src))
	return float64(n) / float64(rate)
}

// trimmed drops the priming's length from the start of the sound track
// [a] the graph makes; it starts with the source's sound, or at zero.
func (p *plan) trimmed(graph []string) []string {
	if p.trim <= 0 || len(graph) == 0 {
		return graph
	}
	last := len(graph) - 1
	graph[last] = strings.TrimSuffix(graph[last], "[a]") + "[untrimmed]"
	return append(graph, fmt.Sprintf("[untrimmed]atrim=start=%.6f[a]", p.aStart()+p.trim))
}
