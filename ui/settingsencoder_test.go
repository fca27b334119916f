package ui

import (
	"testing"

	"github.com/belgi-kz/belgi/labeler"
)

// TestEncoderChoiceHiddenWithoutHardware: the encoder row shows only
// once a hardware encoder is offered, and while hidden it leaves the
// spec's choice alone.
func TestEncoderChoiceHiddenWithoutHardware(t *testing.T) {
	u, _ := newTestUI(t)
	e := u.settings.media.enc
	u.settings.media.enc.offer(nil, labeler.EncoderSoftware)
	if e.row.Visible() {
		t.Fatal("the encoder choice shows with no hardware")
	}
	s := labeler.DefaultSpec()
	s.Video.Encoder = "nvenc" // chosen on another computer
	e.read(&s)
	if s.Video.Encoder != "nvenc" || !s.Video.SmartRender {
		t.Errorf("hidden choice changed the spec: %q, smart %v", s.Video.Encoder, s.Video.SmartRender)
	}
	e.offer([]string{"nvenc"}, labeler.EncoderSoftware)
	if !e.row.Visible() || len(e.encoder.Options) != 2 {
		t.Fatalf("offered nvenc: visible %v, options %v", e.row.Visible(), e.encoder.Options)
	}
	e.encoder.SetSelectedIndex(1)
	e.smart.SetChecked(false)
	e.read(&s)
	if s.Video.Encoder != "nvenc" || s.Video.SmartRender {
		t.Errorf("read %q smart %v", s.Video.Encoder, s.Video.SmartRender)
	}
}
