package ui

import (
	"fmt"
	"image/color"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/belgi-kz/belgi/labeler"
)

// detailsPanel shows what the selected file arrives with: Belgi's label
// and how it was confirmed, every statement of AI and where it was
// found, and the chain of Content Credentials, manifest by manifest
// (signer, time, generator, actions with their digital source types,
// the validation status codes).
type detailsPanel struct {
	tr     *translator
	title  *widget.Label
	body   *fyne.Container
	scroll *container.Scroll
}

func newDetailsPanel(tr *translator) *detailsPanel {
	d := &detailsPanel{
		tr:    tr,
		title: &widget.Label{Text: tr.L("What the file arrives with"), TextStyle: fyne.TextStyle{Bold: true}},
		body:  container.NewVBox(),
	}
	d.scroll = container.NewVScroll(d.body)
	return d
}

func (d *detailsPanel) object() fyne.CanvasObject {
	return container.NewBorder(container.NewVBox(widget.NewSeparator(), d.title), nil, nil, nil, d.scroll)
}

// show fills the panel for f (nil: nothing selected).
func (d *detailsPanel) show(f *fileItem) {
	d.body.RemoveAll()
	switch {
	case f == nil:
		d.line(d.tr.L("Select a file to see its provenance."), widget.MediumImportance)
	case f.kind == nil:
		d.line(d.tr.L("Belgi does not read this file."), widget.MediumImportance)
	case f.arrival == nil:
		d.line(d.tr.L("Reading the file's provenance…"), widget.MediumImportance)
	case f.arrival.report == nil:
		d.line(d.tr.L("Could not be read: {{.Err}}", map[string]any{"Err": f.arrival.err}), widget.DangerImportance)
	default:
		d.report(f, f.arrival.report)
	}
	d.scroll.ScrollToTop()
}

func (d *detailsPanel) report(f *fileItem, r *labeler.Report) {
	for _, n := range f.arrival.notes(d.tr) {
		d.line(n, f.arrival.importance())
	}
	d.labelLine(r)
	if f.input.AI != "" {
		d.line(d.tr.L("AI involvement taken from the file: {{.AI}}", map[string]any{"AI": d.involvement(f.input.AI)}), widget.MediumImportance)
	}
	for _, s := range r.Declarations {
		d.line(fmt.Sprintf("%s: %s", s.Where, labeler.SourceCode(s.Type)), aiImportance(s.AI))
	}
	if r.Credentials != nil {
		d.credentials(r.Credentials)
	}
	for _, w := range r.Warnings {
		d.line(w, widget.WarningImportance)
	}
	if len(d.body.Objects) == 0 {
		// An empty panel would read as "still loading".
		d.line(d.tr.L("Nothing: no AI statement, no Content Credentials, no Belgi label."), widget.MediumImportance)
	}
}

func (d *detailsPanel) involvement(ai labeler.Involvement) string {
	if ai == labeler.Modified {
		return d.tr.L("modified with AI")
	}
	return d.tr.L("generated with AI")
}

// labelLine says whether Belgi's label is there and how it was found.
func (d *detailsPanel) labelLine(r *labeler.Report) {
	switch r.Perceivable {
	case labeler.PerceivableContent:
		d.line(d.tr.L("Belgi's label: found in the content"), widget.MediumImportance)
	case labeler.PerceivableSigned:
		d.line(d.tr.L("Belgi's label: vouched for by Belgi's own signature"), widget.MediumImportance)
	case labeler.PerceivableMissing:
		d.line(d.tr.L("Belgi's label: recorded, but missing from the content"), widget.DangerImportance)
	case labeler.PerceivableUnchecked:
		d.line(d.tr.L("Belgi's label: recorded, not checked in the content"), widget.WarningImportance)
	default:
		if r.Labeled {
			d.line(d.tr.L("Belgi's label: recorded"), widget.MediumImportance)
		}
	}
}

// credentials lists the manifest chain, the active manifest first and
// each ingredient's indented under the one that uses it.
func (d *detailsPanel) credentials(c *labeler.Credentials) {
	state := map[string]string{
		labeler.StateTrusted: d.tr.L("Content Credentials: trusted"),
		labeler.StateValid:   d.tr.L("Content Credentials: valid, signer not on your trust list"),
		labeler.StateInvalid: d.tr.L("Content Credentials: invalid"),
	}[c.State]
	imp := widget.MediumImportance // light-theme green is hard to read
	if c.State == labeler.StateInvalid {
		imp = widget.DangerImportance
	}
	d.line(state, imp)
	if c.Remote != "" {
		d.line(d.tr.L("Kept on a server Belgi does not contact: {{.URL}}", map[string]any{"URL": c.Remote}), widget.WarningImportance)
	}
	for _, m := range c.Manifests {
		d.body.Add(d.manifestCard(m))
	}
}

// manifestCard is one manifest: who signed it and when, what it says
// happened, and its status codes.
func (d *detailsPanel) manifestCard(m labeler.Manifest) fyne.CanvasObject {
	who := m.Signer
	if who == "" {
		who = d.tr.L("signer unknown")
	}
	if !m.Time.IsZero() {
		who += " · " + m.Time.UTC().Format(time.DateTime) + " UTC"
	}
	lines := []fyne.CanvasObject{&widget.Label{Text: who, TextStyle: fyne.TextStyle{Bold: true}, Truncation: fyne.TextTruncateEllipsis}}
	if m.Relationship != "" {
		lines = append(lines, d.small(d.tr.L("Ingredient ({{.Rel}}): {{.Title}}", map[string]any{"Rel": m.Relationship, "Title": m.Title}), widget.MediumImportance))
	}
	if m.Generator != "" {
		lines = append(lines, d.small(d.tr.L("Made with {{.Tool}}", map[string]any{"Tool": m.Generator}), widget.MediumImportance))
	}
	for _, a := range m.Actions {
		text := strings.TrimPrefix(a.Action, "c2pa.")
		if a.DigitalSourceType != "" {
			text += " — " + labeler.SourceCode(a.DigitalSourceType)
		}
		lines = append(lines, d.small("• "+text, aiImportance(labeler.IsAI(a.DigitalSourceType))))
	}
	lines = append(lines, d.codes(m)...)
	indent := widget.NewIcon(theme.NavigateNextIcon())
	if m.Depth == 0 {
		indent = widget.NewIcon(theme.ConfirmIcon())
	}
	pad := float32(m.Depth) * theme.Padding() * 4
	return container.NewBorder(nil, nil, container.NewHBox(spacer(pad), indent), nil, container.New(&tightVBox{}, lines...))
}

// codes are the manifest's validation status codes: how many passed, and
// each failure by name.
func (d *detailsPanel) codes(m labeler.Manifest) []fyne.CanvasObject {
	out := []fyne.CanvasObject{d.small(d.tr.L("Checks passed: {{.N}}", map[string]any{"N": len(m.Success)}), widget.MediumImportance)}
	for _, f := range m.Failure {
		imp := widget.DangerImportance
		if f == "signingCredential.untrusted" {
			imp = widget.WarningImportance
		}
		out = append(out, d.small("✗ "+f, imp))
	}
	return out
}

func (d *detailsPanel) line(text string, imp widget.Importance) {
	d.body.Add(&widget.Label{Text: text, Wrapping: fyne.TextWrapWord, Importance: imp})
}

func (d *detailsPanel) small(text string, imp widget.Importance) *widget.Label {
	return &widget.Label{Text: text, Truncation: fyne.TextTruncateEllipsis, SizeName: theme.SizeNameCaptionText, Importance: imp}
}

func aiImportance(ai bool) widget.Importance {
	if ai {
		return widget.WarningImportance
	}
	return widget.MediumImportance
}

// spacer is an empty object w wide.
func spacer(w float32) fyne.CanvasObject {
	r := canvas.NewRectangle(color.Transparent)
	r.SetMinSize(fyne.NewSize(w, 1))
	return r
}
