// Package pcm holds decoded sound as interleaved float32 frames and the
// few transforms a spoken notice needs before it can sit beside someone's
// programme: resampling, channel mapping, gain, fades, a peak limiter,
// silence trimming and the Morse "AI" rhythm cue.
//
// Everything here is pure computation on slices: no I/O, no cgo, no
// goroutines. Samples are nominally within [-1, 1]; values outside are
// kept until an encoder clips them, so gain changes stay reversible.
package pcm
