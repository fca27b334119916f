package ui

import (
	"context"
	"image"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
	"github.com/belgi-kz/belgi/labeler"
	"github.com/belgi-kz/belgi/labeler/video"
)

// scrubPause is how long the time slider must rest before a frame is
// asked for: long enough to skip the positions a drag passes, short
// enough to feel immediate.
const scrubPause = 80 * time.Millisecond

// videoControls picks the moment of a video the preview shows, or its
// opening slate. Frames come from ffmpeg, one at a time: a newer request
// cancels the one in flight (its ffmpeg is killed through the context)
// and is rendered as soon as that one has returned, so the latest slider
// value always wins and ffmpeg calls never pile up.
type videoControls struct {
	tr      *translator
	b       *bridge
	slider  *widget.Slider
	clock   *widget.Label
	slate   *widget.Check
	box     *fyne.Container
	delay   *debounce
	onFrame func(img image.Image, err error) // the requested picture, on the UI goroutine

	path   string // "" while no video is shown
	spec   labeler.Spec
	dur    time.Duration // 0 until known
	at     time.Duration
	seq    int  // bumped per request: only the latest is shown
	busy   bool // a frame is being made
	cancel context.CancelFunc
	quiet  bool // set while the slider is moved by code
}

func newVideoControls(tr *translator, b *bridge) *videoControls {
	v := &videoControls{
		tr:     tr,
		b:      b,
		slider: &widget.Slider{Min: 0, Max: 1, Step: 0.1},
		clock:  &widget.Label{TextStyle: fyne.TextStyle{Monospace: true}},
		slate:  widget.NewCheck(tr.L("Show the opening slate"), nil),
		delay:  newDebounce(b, scrubPause),
	}
	v.slider.OnChanged = v.slid
	v.slate.OnChanged = v.slateToggled
	v.box = container.NewBorder(nil, nil, nil, container.NewHBox(v.clock, v.slate), v.slider)
	return v
}

// open shows another video from its first frame.
func (v *videoControls) open(path string, spec labeler.Spec) {
	v.path, v.spec, v.dur, v.at = path, spec, 0, 0
	v.quiet = true
	v.slider.Max = 1
	v.slider.SetValue(0)
	v.slate.SetChecked(false)
	v.quiet = false
	v.slider.Disable()
	v.showClock()
	v.showSlateToggle()
	v.request()
}

// update redraws the current moment with new settings.
func (v *videoControls) update(spec labeler.Spec) {
	v.spec = spec
	v.showSlateToggle()
	v.request()
}

// close stops showing a video; a frame still in flight is dropped.
func (v *videoControls) close() {
	v.delay.stop()
	v.seq++
	if v.cancel != nil {
		v.cancel()
	}
	v.path = ""
}

func (v *videoControls) slid(val float64) {
	if v.quiet {
		return
	}
	v.at = time.Duration(val * float64(time.Second))
	v.showClock()
	v.delay.call(v.request)
}

func (v *videoControls) slateToggled(on bool) {
	if v.quiet {
		return
	}
	if on || v.dur == 0 {
		v.slider.Disable()
	} else {
		v.slider.Enable()
	}
	v.request()
}

// showSlateToggle offers the slate only when the settings ask for one.
func (v *videoControls) showSlateToggle() {
	if v.spec.Video.ShowsSlate() {
		v.slate.Show()
		return
	}
	v.quiet = true
	v.slate.SetChecked(false)
	v.quiet = false
	v.slate.Hide()
	if v.dur > 0 {
		v.slider.Enable()
	}
}

func (v *videoControls) showClock() { v.clock.SetText(clockText(v.at, v.dur)) }

// request asks for what the controls now show; the latest request wins.
func (v *videoControls) request() {
	if v.path == "" {
		return
	}
	v.seq++
	if v.busy {
		v.cancel() // stale: rendered starts the latest once it returns
		return
	}
	v.render()
}

// frameResult is what a render brings back to the UI goroutine.
type frameResult struct {
	img image.Image
	dur time.Duration
	err error
}

func (v *videoControls) render() {
	ctx, cancel := context.WithCancel(context.Background())
	v.busy, v.cancel = true, cancel
	seq, path, spec, at := v.seq, v.path, v.spec, v.at
	slate, needDur := v.slate.Checked && spec.Video.ShowsSlate(), v.dur == 0
	v.b.start(func() {
		defer cancel()
		var r frameResult
		if needDur {
			r.dur, r.err = video.Duration(ctx, path)
		}
		if r.err == nil {
			r.img, r.err = videoFrame(ctx, path, spec, at, slate)
		}
		v.b.post(func() { v.rendered(seq, r) })
	})
}

// videoFrame is the labeled frame at t, or the slate.
func videoFrame(ctx context.Context, path string, spec labeler.Spec, t time.Duration, slate bool) (image.Image, error) {
	if slate {
		return video.SlatePreview(ctx, path, spec, previewMax)
	}
	return video.PreviewAt(ctx, path, spec, t, previewMax)
}

func (v *videoControls) rendered(seq int, r frameResult) {
	v.busy, v.cancel = false, nil
	if v.path == "" {
		return
	}
	if seq != v.seq {
		v.render()
		return
	}
	if r.dur > 0 {
		v.setDuration(r.dur)
	}
	v.onFrame(r.img, r.err)
}

func (v *videoControls) setDuration(d time.Duration) {
	v.dur = d
	v.slider.Max = max(d.Seconds(), 0.1)
	v.slider.Step = max(0.04, d.Seconds()/1000)
	v.slider.Refresh()
	if !v.slate.Checked {
		v.slider.Enable()
	}
	v.showClock()
}
