package ui

import (
	"context"
	"fmt"
	"image"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/belgi-kz/belgi/internal/libheif"
	"github.com/belgi-kz/belgi/labeler"
	imagekind "github.com/belgi-kz/belgi/labeler/image"
	"github.com/belgi-kz/belgi/labeler/render"
	"github.com/belgi-kz/belgi/ui/player"
)

// previewMax is the longer side of a cached preview: as large as the
// preview pane of a full-HD window, and small enough that relabeling it
// on every change costs about a millisecond (the core's render benchmark
// uses the same size). The label is planned on the original's size, so
// its line breaks are the export's.
const previewMax = 1024

// previewPane shows the selected file as it will be exported. Pictures
// are decoded once, off the UI goroutine, into a downscaled copy; every
// change of a setting then only redraws the label on that copy, on the UI
// goroutine, in a few milliseconds. Other kinds plug in through the
// core's optional labeler.Previewer.
type previewPane struct {
	tr      *translator
	b       *bridge
	image   *canvas.Image
	icon    *canvas.Image
	note    *widget.Label
	caption *widget.Label
	body    *fyne.Container
	cache   *previewCache
	audio   *audioControls // under the waveform of an audio file
	video   *videoControls // under the frame of a video

	item     *fileItem
	pictured *fileItem // whose picture is on show, nil for a placeholder
	spec     labeler.Spec
	gen      int                // bumped per request: stale answers are dropped
	cancel   context.CancelFunc // stops a kind's preview in flight
	// onLayout reports the label as planned on the original (Cap in
	// original pixels), or ok=false when there is none to report.
	onLayout func(l render.Layout, ok bool)
	onStatus func(string) // a sentence for the status bar
}

func newPreviewPane(tr *translator, b *bridge, pl *player.Player) *previewPane {
	p := &previewPane{
		tr:      tr,
		b:       b,
		image:   &canvas.Image{FillMode: canvas.ImageFillContain, ScaleMode: canvas.ImageScaleSmooth},
		icon:    canvas.NewImageFromResource(theme.FileImageIcon()),
		note:    &widget.Label{Alignment: fyne.TextAlignCenter, Wrapping: fyne.TextWrapWord},
		caption: &widget.Label{Alignment: fyne.TextAlignCenter, Wrapping: fyne.TextWrapWord},
		cache:   newPreviewCache(6),
	}
	p.icon.SetMinSize(fyne.NewSquareSize(72))
	p.icon.FillMode = canvas.ImageFillContain
	placeholder := container.NewVBox(layout.NewSpacer(), container.NewCenter(p.icon), p.note, layout.NewSpacer())
	head := newPlayhead(p.image)
	p.body = container.NewStack(p.image, head.obj, placeholder)
	p.audio = newAudioControls(tr, b, pl, head)
	p.audio.onStatus = p.status
	p.video = newVideoControls(tr, b)
	p.video.onFrame = p.videoFrame
	p.audio.box.Hide()
	p.video.box.Hide()
	return p
}

// object is the pane's widget tree.
func (p *previewPane) object() fyne.CanvasObject {
	return container.NewBorder(nil, container.NewVBox(p.audio.box, p.video.box, p.caption), nil, nil, p.body)
}

// status passes a sentence to the status bar, if anyone listens.
func (p *previewPane) status(msg string) {
	if p.onStatus != nil {
		p.onStatus(msg)
	}
}

// close stops playback and frames in flight: the pane is going away.
func (p *previewPane) close() {
	p.audio.set(nil)
	p.video.close()
	if p.cancel != nil {
		p.cancel()
	}
}

// show switches to another file (nil: none).
func (p *previewPane) show(f *fileItem, spec labeler.Spec) {
	p.item, p.spec = f, spec
	p.refresh()
}

// update redraws the current file with new settings.
func (p *previewPane) update(spec labeler.Spec) {
	p.spec = spec
	p.refresh()
}

func (p *previewPane) refresh() {
	p.gen++
	if p.cancel != nil {
		p.cancel()
		p.cancel = nil
	}
	f := p.item
	p.audio.set(nil) // a new file or new settings: what played is stale
	p.showControls(f)
	switch {
	case f == nil:
		p.placeholder(theme.VisibilityIcon(), p.tr.L("Select a file to see its label as it will be exported."), "")
	case f.kind == nil:
		p.placeholder(theme.QuestionIcon(), p.tr.L("Belgi does not label this kind of file."), f.reason)
	case f.kind.Name() == labeler.KindImage:
		p.showImage(f)
	case f.kind.Name() == labeler.KindAudio:
		p.showAudio(f)
	case f.kind.Name() == labeler.KindVideo:
		p.showVideo(f)
	default:
		p.showKind(f)
	}
}

// placeholder hides the picture and explains why there is none.
func (p *previewPane) placeholder(icon fyne.Resource, note, caption string) {
	p.pictured = nil
	p.image.Image = nil
	p.image.Hide()
	p.icon.Resource = icon
	p.icon.Refresh()
	p.note.SetText(note)
	p.note.Show()
	p.icon.Show()
	p.caption.SetText(caption)
	p.report(render.Layout{}, false)
}

// picture shows img in place of the placeholder.
func (p *previewPane) picture(img image.Image, caption string) {
	p.pictured = p.item
	p.note.Hide()
	p.icon.Hide()
	p.image.Image = img
	p.image.Show()
	p.image.Refresh()
	p.caption.SetText(caption)
}

func (p *previewPane) report(l render.Layout, ok bool) {
	if p.onLayout != nil {
		p.onLayout(l, ok)
	}
}

// showImage relabels the cached copy, or starts decoding it.
func (p *previewPane) showImage(f *fileItem) {
	e, ok := p.cache.get(f.input.Path)
	if !ok {
		p.placeholder(theme.FileImageIcon(), p.tr.L("Opening {{.Name}}…", map[string]any{"Name": f.name()}), p.slowNote(f.input.Path))
		p.loadImage(f, p.gen)
		return
	}
	if e.err != nil {
		p.placeholder(theme.ErrorIcon(), p.tr.L("This picture cannot be opened."), e.err.Error())
		return
	}
	img, l, err := e.pv.Render(p.spec)
	if err != nil {
		p.placeholder(theme.ErrorIcon(), p.tr.L("The label does not fit this picture."), err.Error())
		return
	}
	p.picture(img, p.imageCaption(f, e.pv.Size(), l))
	p.report(l, true)
}

func (p *previewPane) imageCaption(f *fileItem, size image.Point, l render.Layout) string {
	return p.tr.L("{{.Name}} · {{.W}} × {{.H}} px · label {{.Cap}} px high, {{.Area}} % of the picture", map[string]any{
		"Name": f.name(), "W": size.X, "H": size.Y, "Cap": int(l.Cap + 0.5), "Area": fmt.Sprintf("%.1f", l.Area())})
}

// slowNote says, under "Opening…", when a picture takes seconds rather
// than a blink: without the system's libheif, HEIC and AVIF are decoded by
// libheif and libavif compiled to WebAssembly, 2–3 s for a 12 MP phone
// photo on a 2-core laptop (0.4–0.6 s with it).
func (p *previewPane) slowNote(path string) string {
	if _, native := libheif.Available(); native {
		return ""
	}
	switch strings.ToLower(filepath.Ext(path)) {
	case ".heic", ".heif", ".hif", ".avif", ".avifs":
		return p.tr.L("HEIC and AVIF pictures take a few seconds to open.")
	}
	return ""
}

// loadImage decodes a picture off the UI goroutine.
func (p *previewPane) loadImage(f *fileItem, gen int) {
	path, maxMP := f.input.Path, p.spec.Image.MaxMegapixels
	p.b.start(func() {
		pv, err := imagekind.LoadPreview(path, previewMax, maxMP)
		p.b.post(func() { p.imageLoaded(f, gen, pv, err) })
	})
}

func (p *previewPane) imageLoaded(f *fileItem, gen int, pv *imagekind.Preview, err error) {
	p.cache.put(f.input.Path, cached{pv: pv, err: err})
	if gen == p.gen && p.item == f {
		p.refresh()
	}
}

// showKind asks a kind that can preview itself; others get a clear
// placeholder until their kind learns to.
func (p *previewPane) showKind(f *fileItem) {
	pk, ok := f.kind.(labeler.Previewer)
	if !ok {
		p.placeholder(kindIcon(f.kind.Name()), p.tr.L("No preview for this kind of file yet: the label is added when you export."), f.name())
		return
	}
	p.placeholder(kindIcon(f.kind.Name()), p.tr.L("Opening {{.Name}}…", map[string]any{"Name": f.name()}), "")
	ctx, cancel := context.WithCancel(context.Background())
	p.cancel = cancel
	gen, spec, path := p.gen, p.spec, f.input.Path
	p.b.start(func() {
		img, err := pk.Preview(ctx, path, spec, previewMax)
		p.b.post(func() { p.kindPreviewed(f, gen, img, err) })
	})
}

func (p *previewPane) kindPreviewed(f *fileItem, gen int, img image.Image, err error) {
	if gen != p.gen || p.item != f {
		return
	}
	if err != nil {
		p.placeholder(theme.ErrorIcon(), p.tr.L("No preview could be made for this file."), err.Error())
		return
	}
	p.picture(img, f.name())
}

// forget drops a removed file's cached preview.
func (p *previewPane) forget(f *fileItem) { p.cache.drop(f.input.Path) }
