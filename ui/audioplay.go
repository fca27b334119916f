package ui

import (
	"context"
	"errors"
	"fmt"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/belgi-kz/belgi/internal/pcm"
	"github.com/belgi-kz/belgi/labeler/audio"
	"github.com/belgi-kz/belgi/ui/player"
)

// playSeconds is how much of the labeled result the preview draws and
// "Play labeled" plays: the notice and enough programme after it to hear
// how they join.
const playSeconds = 20

// clockTick is how often the elapsed time moves while playing.
const clockTick = 100 * time.Millisecond

// audioControls plays what the waveform shows: the labeled result's first
// seconds, or the notice alone. Playback runs off the UI goroutine and
// is bounded by the player, which reports a missing device instead of
// waiting on a silent speaker.
type audioControls struct {
	tr       *translator
	b        *bridge
	pl       *player.Player
	play     *widget.Button
	notice   *widget.Button
	stopBtn  *widget.Button
	clock    *widget.Label
	head     *playhead
	box      *fyne.Container
	onStatus func(string) // one plain sentence for the status bar

	sound  *audio.Rendered    // what the buttons play; nil while none
	run    int                // bumped per playback, so a stale end is ignored
	cancel context.CancelFunc // stops the playback in progress
}

func newAudioControls(tr *translator, b *bridge, pl *player.Player, head *playhead) *audioControls {
	a := &audioControls{
		tr:   tr,
		b:    b,
		pl:   pl,
		head: head,
		clock: &widget.Label{Alignment: fyne.TextAlignTrailing,
			TextStyle: fyne.TextStyle{Monospace: true}},
	}
	a.play = &widget.Button{Text: tr.L("Play labeled"), Icon: theme.MediaPlayIcon(),
		Importance: widget.HighImportance, OnTapped: a.playLabeled}
	a.notice = &widget.Button{Text: tr.L("Play notice"), Icon: theme.VolumeUpIcon(), OnTapped: a.playNotice}
	a.stopBtn = &widget.Button{Text: tr.L("Stop"), Icon: theme.MediaStopIcon(), OnTapped: a.stop}
	a.box = container.NewBorder(nil, nil, container.NewHBox(a.play, a.notice, a.stopBtn), nil, a.clock)
	a.set(nil)
	return a
}

// set gives the controls a new sound (nil: none yet), stopping the old.
func (a *audioControls) set(r *audio.Rendered) {
	a.stop()
	a.sound = r
	if r == nil {
		a.play.Disable()
		a.notice.Disable()
		a.clock.SetText("")
		return
	}
	a.play.Enable()
	a.notice.Enable()
	a.clock.SetText(clockText(0, r.PCM.Duration()))
}

func (a *audioControls) playLabeled() { a.start(a.sound.PCM) }
func (a *audioControls) playNotice()  { a.start(a.sound.Notice) }

// start plays p on its own goroutine; the clock and playhead follow it.
func (a *audioControls) start(p *pcm.PCM) {
	a.stop()
	ctx, cancel := context.WithCancel(context.Background())
	a.run++
	a.cancel = cancel
	a.stopBtn.Enable()
	run, total := a.run, p.Duration()
	a.b.start(func() {
		done := make(chan error, 1)
		a.b.start(func() { done <- a.pl.Play(ctx, p) })
		tick := time.NewTicker(clockTick)
		defer tick.Stop()
		began := time.Now()
		for {
			select {
			case err := <-done:
				a.b.post(func() { a.ended(run, err) })
				return
			case <-tick.C:
				el := time.Since(began)
				a.b.post(func() { a.progress(run, el, total) })
			}
		}
	})
}

// stop ends the playback in progress, if any; its end is then ignored.
func (a *audioControls) stop() {
	if a.cancel != nil {
		a.cancel()
		a.cancel = nil
	}
	a.run++
	a.stopBtn.Disable()
	a.head.set(-1)
	if a.sound != nil {
		a.clock.SetText(clockText(0, a.sound.PCM.Duration()))
	}
}

func (a *audioControls) progress(run int, el, total time.Duration) {
	if run != a.run {
		return
	}
	el = min(el, total)
	a.clock.SetText(clockText(el, total))
	if a.sound != nil {
		a.head.set(el.Seconds() / a.sound.PCM.Duration().Seconds())
	}
}

// ended is a playback's end: finished, stopped, or refused by the player.
func (a *audioControls) ended(run int, err error) {
	if run != a.run {
		return
	}
	a.stop()
	switch {
	case err == nil:
	case errors.Is(err, player.ErrNoDevice):
		fyne.LogError("ui: playback", err)
		a.onStatus(a.tr.L("No audio output device: playback is not available on this computer."))
	default:
		fyne.LogError("ui: playback", err)
		a.onStatus(a.tr.L("The sound could not be played: the audio output did not respond."))
	}
}

// clockText is "0:03.4 / 0:20.0".
func clockText(el, total time.Duration) string {
	return minSec(el) + " / " + minSec(total)
}

func minSec(d time.Duration) string {
	s := d.Seconds()
	m := int(s) / 60
	return fmt.Sprintf("%d:%04.1f", m, s-float64(m*60))
}

// playhead is a thin line over the waveform where playback is. It lays
// itself out over the picture as drawn (ImageFillContain centres it), so
// it stays on the waveform whatever the pane's shape.
type playhead struct {
	img  *canvas.Image
	line *canvas.Rectangle
	frac float64 // 0..1 across the waveform; < 0 hides the line
	obj  *fyne.Container
}

func newPlayhead(img *canvas.Image) *playhead {
	h := &playhead{img: img, line: canvas.NewRectangle(theme.Color(theme.ColorNamePrimary)), frac: -1}
	h.line.Hide()
	h.obj = container.New(h, h.line)
	return h
}

// set moves the line (frac < 0: hides it).
func (h *playhead) set(frac float64) {
	h.frac = frac
	if frac < 0 {
		h.line.Hide()
		return
	}
	h.line.Show()
	h.obj.Refresh()
}

// Layout implements fyne.Layout.
func (h *playhead) Layout(_ []fyne.CanvasObject, size fyne.Size) {
	pos, drawn := containRect(h.img, size)
	x := pos.X + float32(min(max(h.frac, 0), 1))*drawn.Width
	h.line.Move(fyne.NewPos(x-1, pos.Y))
	h.line.Resize(fyne.NewSize(2, drawn.Height))
}

// MinSize implements fyne.Layout: the line takes no room of its own.
func (h *playhead) MinSize([]fyne.CanvasObject) fyne.Size { return fyne.Size{} }

// containRect is where a contained picture is drawn inside size.
func containRect(img *canvas.Image, size fyne.Size) (fyne.Position, fyne.Size) {
	if img.Image == nil || img.Image.Bounds().Empty() {
		return fyne.Position{}, size
	}
	b := img.Image.Bounds()
	scale := min(size.Width/float32(b.Dx()), size.Height/float32(b.Dy()))
	drawn := fyne.NewSize(float32(b.Dx())*scale, float32(b.Dy())*scale)
	return fyne.NewPos((size.Width-drawn.Width)/2, (size.Height-drawn.Height)/2), drawn
}
