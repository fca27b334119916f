package ui

import (
	"context"
	"image"

	"fyne.io/fyne/v2/theme"
	"github.com/belgi-kz/belgi/labeler"
	"github.com/belgi-kz/belgi/labeler/audio"
)

// showControls puts the player under audio and the time slider under
// video, and neither under anything else.
func (p *previewPane) showControls(f *fileItem) {
	kind := ""
	if f != nil {
		kind = f.kindName()
	}
	if kind == labeler.KindAudio {
		p.audio.box.Show()
	} else {
		p.audio.box.Hide()
	}
	if kind == labeler.KindVideo {
		p.video.box.Show()
	} else {
		p.video.close()
		p.video.box.Hide()
	}
}

// showAudio renders the labeled result's first seconds off the UI
// goroutine; the waveform and the player both use that one rendering, so
// what plays is what is drawn.
func (p *previewPane) showAudio(f *fileItem) {
	if p.pictured != f {
		p.placeholder(kindIcon(labeler.KindAudio), p.tr.L("Opening {{.Name}}…", map[string]any{"Name": f.name()}), "")
	}
	ctx, cancel := context.WithCancel(context.Background())
	p.cancel = cancel
	gen, spec, path := p.gen, p.spec, f.input.Path
	p.b.start(func() {
		defer cancel()
		r, err := audio.Render(ctx, path, spec, playSeconds)
		var img image.Image
		if err == nil {
			img = audio.Waveform(r, previewMax, previewMax/4)
		}
		p.b.post(func() { p.audioRendered(f, gen, r, img, err) })
	})
}

func (p *previewPane) audioRendered(f *fileItem, gen int, r *audio.Rendered, img image.Image, err error) {
	if gen != p.gen || p.item != f {
		return
	}
	if err != nil {
		p.placeholder(theme.ErrorIcon(), p.tr.L("No preview could be made for this file."), err.Error())
		return
	}
	p.picture(img, p.tr.L("{{.Name}} · the first {{.S}} s as labeled · notice {{.From}}–{{.To}}", map[string]any{
		"Name": f.name(), "S": playSeconds, "From": minSec(r.NoticeStart), "To": minSec(r.NoticeEnd)}))
	p.audio.set(r)
}

// showVideo opens a newly selected video at its first frame, or redraws
// the chosen moment of the same one with new settings.
func (p *previewPane) showVideo(f *fileItem) {
	if p.video.path == f.input.Path {
		p.video.update(p.spec)
		return
	}
	p.placeholder(kindIcon(labeler.KindVideo), p.tr.L("Opening {{.Name}}…", map[string]any{"Name": f.name()}), "")
	p.video.open(f.input.Path, p.spec)
}

// videoFrame shows the frame (or slate) the time slider asked for.
func (p *previewPane) videoFrame(img image.Image, err error) {
	f := p.item
	if f == nil || f.kindName() != labeler.KindVideo {
		return
	}
	if img == nil {
		p.placeholder(theme.ErrorIcon(), p.tr.L("No preview could be made for this file."), errText(err))
		return
	}
	caption := p.tr.L("{{.Name}} · frame at {{.T}}", map[string]any{"Name": f.name(), "T": minSec(p.video.at)})
	if p.video.slate.Checked {
		caption = p.tr.L("{{.Name}} · opening slate, {{.S}} s", map[string]any{"Name": f.name(), "S": number(p.spec.Video.SlateSeconds)})
	}
	if err != nil { // the frame came, but the label could not be drawn on it
		caption += " · " + err.Error()
	}
	p.picture(img, caption)
}

func errText(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}
