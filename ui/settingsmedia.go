package ui

import (
	"math"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
	"github.com/belgi-kz/belgi/labeler"
)

// defaultEvery is the repeat interval offered when repeats are turned on
// with no interval typed yet.
const defaultEvery = 10

// mediaSettings are the few video and audio knobs worth a widget: how
// long the video badge shows, the opening slate, the encoder's quality,
// and where the spoken notice repeats. The rest of Spec.Video and
// Spec.Audio keep their values (read works on top of the current spec).
type mediaSettings struct {
	tr        *translator
	badge     *widget.Select
	modes     choices // the badge modes, from the table
	badgeSecs *widget.Entry
	slate     *widget.Check
	crf       *widget.Slider
	crfValue  *widget.Label
	atEnd     *widget.Check
	repeat    *widget.Check
	every     *widget.Entry
	cue       *widget.Check
	enc       *encoderSettings

	// Typed text that is not a number: the spec keeps its last good value
	// and the field says what is wrong.
	badSecs, badEvery bool
	onChange          func()
}

func newMediaSettings(tr *translator) *mediaSettings {
	m := &mediaSettings{
		tr:        tr,
		badgeSecs: &widget.Entry{PlaceHolder: setting("video-badge-seconds").Default()},
		slate:     widget.NewCheck(tr.L("Opening slate with the notice"), nil),
		crf:       slider("crf"),
		crfValue:  &widget.Label{},
		atEnd:     widget.NewCheck(tr.L("Notice also at the end"), nil),
		repeat:    widget.NewCheck(tr.L("Repeat every"), nil),
		every:     &widget.Entry{PlaceHolder: strconv.Itoa(defaultEvery)},
		cue:       widget.NewCheck(tr.L("Rhythm cue before the words"), nil),
		enc:       newEncoderSettings(tr),
	}
	m.modes = newChoices(setting("video-badge"), m.modeName)
	m.badge = widget.NewSelect(m.modes.names, nil)
	return m
}

// modeName names a badge mode in the interface.
func (m *mediaSettings) modeName(mode string) string {
	switch mode {
	case labeler.BadgeStart:
		return m.tr.L("Badge for the first")
	case labeler.BadgeSlate:
		return m.tr.L("No badge: the opening slate is the label")
	}
	return m.tr.L("Badge on every frame")
}

// starts reports whether the badge shows for the first seconds only.
func (m *mediaSettings) starts() bool { return m.modes.valueOf(m.badge.Selected) == labeler.BadgeStart }

// wire connects the widgets once they are filled.
func (m *mediaSettings) wire(changed func()) {
	m.onChange = changed
	m.badge.OnChanged = m.changedString
	m.badgeSecs.OnChanged = m.changedString
	m.slate.OnChanged = m.changedBool
	m.crf.OnChanged = m.changedFloat
	m.atEnd.OnChanged = m.changedBool
	m.repeat.OnChanged = m.repeatToggled
	m.every.OnChanged = m.changedString
	m.cue.OnChanged = m.changedBool
	m.enc.wire(changed)
}

func (m *mediaSettings) changedString(string) { m.onChange() }
func (m *mediaSettings) changedBool(bool)     { m.onChange() }
func (m *mediaSettings) changedFloat(float64) { m.onChange() }

// repeatToggled offers the usual interval when none is typed yet.
func (m *mediaSettings) repeatToggled(on bool) {
	if on && strings.TrimSpace(m.every.Text) == "" {
		m.every.SetText(strconv.Itoa(defaultEvery)) // fires onChange
		return
	}
	m.onChange()
}

// set fills the widgets from s; the caller keeps changes quiet.
func (m *mediaSettings) set(s labeler.Spec) {
	m.badSecs, m.badEvery = false, false
	m.badge.SetSelectedIndex(m.modes.index(s.Video.BadgeMode))
	m.badgeSecs.SetText(number(s.Video.BadgeSeconds))
	m.slate.SetChecked(s.Video.Slate)
	m.crf.SetValue(float64(s.Video.CRF))
	m.atEnd.SetChecked(s.Audio.AtEnd)
	m.repeat.SetChecked(s.Audio.EveryMinutes > 0)
	if s.Audio.EveryMinutes > 0 {
		m.every.SetText(number(s.Audio.EveryMinutes))
	}
	m.cue.SetChecked(s.Audio.Cue)
	m.enc.smart.SetChecked(s.Video.SmartRender)
	m.enc.set(s.Video.Encoder)
	m.show()
}

// read writes the widgets into s.
func (m *mediaSettings) read(s *labeler.Spec) {
	s.Video.BadgeMode = m.modes.valueOf(m.badge.Selected)
	var v float64
	if v, m.badSecs = parseNumber(m.badgeSecs.Text); !m.badSecs {
		s.Video.BadgeSeconds = v
	}
	s.Video.Slate = m.slate.Checked
	s.Video.CRF = int(math.Round(m.crf.Value))
	s.Audio.AtEnd = m.atEnd.Checked
	s.Audio.EveryMinutes, m.badEvery = 0, false
	if m.repeat.Checked {
		if v, m.badEvery = parseNumber(m.every.Text); !m.badEvery {
			s.Audio.EveryMinutes = v
		}
	}
	s.Audio.Cue = m.cue.Checked
	m.enc.read(s)
	m.show()
}

// show enables each entry only when its choice is on.
func (m *mediaSettings) show() {
	enable(m.badgeSecs, m.starts())
	enable(m.every, m.repeat.Checked)
	m.crfValue.SetText(m.tr.L("{{.CRF}} · lower is better", map[string]any{"CRF": int(math.Round(m.crf.Value))}))
}

// parseProblems explains typed text that is not a number; the spec
// keeps its last good value meanwhile, so the core's word on it is
// replaced.
func (m *mediaSettings) parseProblems(out map[string][]string) {
	if m.badSecs && m.starts() {
		out["video-badge-seconds"] = []string{m.tr.L("Type the badge time in seconds, for example 5.")}
	}
	if m.badEvery {
		out["notice-every"] = []string{m.tr.L("Type the interval in minutes, for example 10.")}
	}
}

// videoBox: the badge's duration, the slate and the quality, each with
// its problems under it.
func (m *mediaSettings) videoBox(errs map[string]*widget.Label, hint func(string) *widget.Button) fyne.CanvasObject {
	secs := container.NewHBox(container.NewGridWrap(fyne.NewSize(64, m.badgeSecs.MinSize().Height), m.badgeSecs),
		widget.NewLabel(m.tr.L("s")), hint("video-badge"))
	badge := container.NewBorder(nil, nil, nil, secs, m.badge)
	return container.NewVBox(badge, errs["video-badge"], withHint(m.slate, hint("slate")),
		withHint(labelled(m.tr.L("Quality (CRF)"), m.crfValue), hint("crf")), m.crf, errs["crf"], m.enc.box(hint))
}

// audioBox: where the spoken notice plays besides the start.
func (m *mediaSettings) audioBox(errs map[string]*widget.Label, hint func(string) *widget.Button) fyne.CanvasObject {
	every := container.NewHBox(m.repeat, container.NewGridWrap(fyne.NewSize(64, m.every.MinSize().Height), m.every),
		widget.NewLabel(m.tr.L("minutes")), hint("notice-every"))
	return container.NewVBox(withHint(m.atEnd, hint("notice-end")), every, errs["notice-every"], withHint(m.cue, hint("cue")))
}

func enable(w fyne.Disableable, on bool) {
	if on {
		w.Enable()
	} else {
		w.Disable()
	}
}

// number shows a value the way people type it: 5, 2.5.
func number(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

// parseNumber reads a typed number (a comma is a decimal point too);
// bad is true when the text is not one.
func parseNumber(s string) (v float64, bad bool) {
	v, err := strconv.ParseFloat(strings.ReplaceAll(strings.TrimSpace(s), ",", "."), 64)
	return v, err != nil || math.IsNaN(v) || math.IsInf(v, 0)
}
