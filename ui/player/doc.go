// Package player plays a labeled result's first seconds and the notice
// alone for the desktop app, through beep's speaker (ALSA via cgo on
// Linux). Only the app imports it: the core and the CLI stay cgo-free.
//
// beep v2's speaker.Init succeeds silently on a machine with no sound
// card and then never plays, so a naive PlayAndWait hangs forever. Play
// therefore probes for an output device first, watches that the device
// actually pulls samples within a second and a half, and bounds every
// playback by its length plus a margin; each failure is ErrNoDevice or a
// timeout error, never a hang. Built without cgo, Play reports that the
// build has no audio output.
package player
