package player

import (
	"errors"
	"os"
	"path/filepath"
)

// ErrNoDevice means there is nothing to play sound on; the app shows
// "no audio output" and goes on.
var ErrNoDevice = errors.New("no audio output device")

// Probe reports ErrNoDevice when the system plainly has no audio output:
// on Linux, no ALSA playback device and no PulseAudio or PipeWire socket.
// Elsewhere it trusts the platform and lets Play's watchdog decide.
func Probe() error {
	if _, err := os.Stat("/proc/asound"); err != nil && !soundServer() {
		if _, err := os.Stat("/dev/snd"); err != nil {
			return probeOther()
		}
	}
	if devs, _ := filepath.Glob("/dev/snd/pcmC*D*p"); len(devs) > 0 || soundServer() {
		return nil
	}
	return probeOther()
}

// soundServer reports a PulseAudio or PipeWire socket for this user.
func soundServer() bool {
	if os.Getenv("PULSE_SERVER") != "" {
		return true
	}
	dir := os.Getenv("XDG_RUNTIME_DIR")
	if dir == "" {
		return false
	}
	for _, s := range []string{"pulse/native", "pipewire-0"} {
		if _, err := os.Stat(filepath.Join(dir, s)); err == nil {
			return true
		}
	}
	return false
}
