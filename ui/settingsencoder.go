package ui

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
	"github.com/belgi-kz/belgi/internal/ffmpeg"
	"github.com/belgi-kz/belgi/labeler"
)

// encoderSettings: smart render on or off, and the video encoder. The
// encoder choice stays hidden until ffmpeg has shown, by a one-frame
// test encode off the UI goroutine, that a hardware encoder works here;
// without one there is nothing to choose.
type encoderSettings struct {
	tr      *translator
	smart   *widget.Check
	encoder *widget.Select
	row     *fyne.Container
	values  []string // software, then the working hardware families
}

func newEncoderSettings(tr *translator) *encoderSettings {
	e := &encoderSettings{tr: tr, values: []string{labeler.EncoderSoftware},
		smart: widget.NewCheck(tr.L("Smart render: re-encode only the labeled start"), nil)}
	e.encoder = widget.NewSelect([]string{e.name(labeler.EncoderSoftware)}, nil)
	return e
}

// name is how the interface names an encoder.
func (e *encoderSettings) name(v string) string {
	switch v {
	case labeler.EncoderSoftware:
		return e.tr.L("Software (best quality per size)")
	case ffmpeg.HWNVENC:
		return "NVIDIA NVENC"
	case ffmpeg.HWQSV:
		return "Intel Quick Sync"
	case ffmpeg.HWVAAPI:
		return "VAAPI"
	case ffmpeg.HWVideoToolbox:
		return "Apple VideoToolbox"
	}
	return v
}

// offer shows the encoder choice with the working hardware families.
func (e *encoderSettings) offer(working []string, current string) {
	e.values = append([]string{labeler.EncoderSoftware}, working...)
	names := make([]string, len(e.values))
	for i, v := range e.values {
		names[i] = e.name(v)
	}
	e.encoder.SetOptions(names)
	e.set(current)
	if len(working) > 0 && e.row != nil {
		e.row.Show()
	}
}

func (e *encoderSettings) set(encoder string) {
	for i, v := range e.values {
		if v == encoder {
			e.encoder.SetSelectedIndex(i)
			return
		}
	}
	e.encoder.SetSelectedIndex(0)
}

// read writes the choice into s; while the choice is hidden the spec
// keeps what it had (a setting made on a computer with the hardware).
func (e *encoderSettings) read(s *labeler.Spec) {
	s.Video.SmartRender = e.smart.Checked
	if i := e.encoder.SelectedIndex(); e.row != nil && e.row.Visible() && i >= 0 && i < len(e.values) {
		s.Video.Encoder = e.values[i]
	}
}

func (e *encoderSettings) wire(changed func()) {
	e.smart.OnChanged = func(bool) { changed() }
	e.encoder.OnChanged = func(string) { changed() }
}

// box is the smart-render switch and the (hidden) encoder row.
func (e *encoderSettings) box(hint func(string) *widget.Button) fyne.CanvasObject {
	e.row = container.NewBorder(nil, nil, widget.NewLabel(e.tr.L("Encoder")), hint("video-encoder"), e.encoder)
	if len(e.values) < 2 {
		e.row.Hide()
	}
	return container.NewVBox(withHint(e.smart, hint("smart-render")), e.row)
}

// probeHardware asks ffmpeg, once and in the background, which hardware
// encoders work, and offers them.
func (u *App) probeHardware() {
	u.bridge.start(func() {
		working := ffmpeg.WorkingHardware(context.Background())
		u.bridge.post(func() {
			u.hardware = working
			u.settings.media.enc.offer(working, u.spec.Video.Encoder)
		})
	})
}
