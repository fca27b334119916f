package ui

import (
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/belgi-kz/belgi/labeler"
)

// fileList is the list of files to label. It extends widget.List so that
// Delete and Escape work while the list has keyboard focus.
type fileList struct {
	widget.List
	tr       *translator
	items    []*fileItem
	selected int             // -1 when nothing is selected
	hint     *fyne.Container // shown while the list is empty

	rows map[fyne.CanvasObject]*row // each row's widgets, by its container

	onSelect func(*fileItem) // nil item: selection cleared
	onRemove func(*fileItem)
	onKey    func(*fyne.KeyEvent) bool // true when handled
}

func newFileList(tr *translator) *fileList {
	l := &fileList{tr: tr, selected: -1, rows: map[fyne.CanvasObject]*row{}}
	l.Length = l.length
	l.CreateItem = l.createRow
	l.UpdateItem = l.updateRow
	l.OnSelected = l.selectRow
	l.OnUnselected = l.unselectRow
	l.ExtendBaseWidget(l)
	return l
}

// TypedKey lets the window's keys (Delete, Escape) through before the
// list's own navigation.
func (l *fileList) TypedKey(ev *fyne.KeyEvent) {
	if l.onKey != nil && l.onKey(ev) {
		return
	}
	l.List.TypedKey(ev)
}

func (l *fileList) length() int { return len(l.items) }

// row is one line's widgets, kept together so updateRow need not walk
// the container tree.
type row struct {
	icon   *widget.Icon
	name   *widget.Label
	size   *widget.Label
	state  *widget.Label
	remove *widget.Button
}

func (l *fileList) createRow() fyne.CanvasObject {
	r := &row{
		icon:   widget.NewIcon(theme.FileIcon()),
		name:   &widget.Label{Truncation: fyne.TextTruncateEllipsis, TextStyle: fyne.TextStyle{Bold: true}},
		size:   &widget.Label{Alignment: fyne.TextAlignTrailing},
		state:  &widget.Label{Truncation: fyne.TextTruncateEllipsis, SizeName: theme.SizeNameCaptionText},
		remove: &widget.Button{Icon: theme.ContentClearIcon(), Importance: widget.LowImportance},
	}
	top := container.NewBorder(nil, nil, nil, r.size, r.name)
	text := container.New(&tightVBox{}, top, r.state)
	obj := container.NewBorder(nil, nil, r.icon, r.remove, text)
	l.rows[obj] = r
	return obj
}

func (l *fileList) updateRow(id widget.ListItemID, o fyne.CanvasObject) {
	r := l.rows[o]
	f := l.items[id]
	r.icon.SetResource(kindIcon(f.kindName()))
	r.name.SetText(f.name())
	r.size.SetText(humanSize(f.size))
	r.state.Importance = statusImportance(f.status)
	if notes := f.arrival.notes(l.tr); f.status == statusWaiting && len(notes) > 0 {
		r.state.Importance = f.arrival.importance()
	}
	r.state.SetText(l.statusText(f))
	r.remove.OnTapped = func() { l.removeItem(f) }
}

func (l *fileList) selectRow(id widget.ListItemID) {
	l.selected = id
	if l.onSelect != nil && id < len(l.items) {
		l.onSelect(l.items[id])
	}
}

func (l *fileList) unselectRow(id widget.ListItemID) {
	if l.selected == id {
		l.selected = -1
	}
}

// current is the selected item, or nil.
func (l *fileList) current() *fileItem {
	if l.selected < 0 || l.selected >= len(l.items) {
		return nil
	}
	return l.items[l.selected]
}

// add appends items not in the list yet, and selects the first new one
// when nothing is selected. It returns how many were new.
func (l *fileList) add(items []*fileItem) int {
	have := make(map[string]bool, len(l.items))
	for _, f := range l.items {
		have[f.input.Path] = true
	}
	first := len(l.items)
	for _, f := range items {
		if !have[f.input.Path] {
			have[f.input.Path] = true
			l.items = append(l.items, f)
		}
	}
	l.Refresh()
	if l.selected < 0 && len(l.items) > first {
		l.Select(first)
	}
	return len(l.items) - first
}

// removeItem drops one file and moves the selection to its neighbour.
func (l *fileList) removeItem(f *fileItem) {
	i := l.indexOf(f)
	if i < 0 {
		return
	}
	l.items = append(l.items[:i], l.items[i+1:]...)
	wasSelected := i == l.selected
	l.UnselectAll()
	l.selected = -1
	l.Refresh()
	if l.onRemove != nil {
		l.onRemove(f)
	}
	switch {
	case wasSelected && len(l.items) > 0:
		l.Select(min(i, len(l.items)-1))
	case wasSelected && l.onSelect != nil:
		l.onSelect(nil)
	}
}

// clear removes every file.
func (l *fileList) clear() {
	l.items = nil
	l.UnselectAll()
	l.selected = -1
	l.Refresh()
	if l.onSelect != nil {
		l.onSelect(nil)
	}
}

func (l *fileList) indexOf(f *fileItem) int {
	for i, g := range l.items {
		if g == f {
			return i
		}
	}
	return -1
}

func kindIcon(kind string) fyne.Resource {
	switch kind {
	case labeler.KindImage:
		return theme.FileImageIcon()
	case labeler.KindAudio:
		return theme.FileAudioIcon()
	case labeler.KindVideo:
		return theme.FileVideoIcon()
	case labeler.KindText, labeler.KindDocument:
		return theme.FileTextIcon()
	case "":
		return theme.QuestionIcon()
	}
	return theme.FileIcon()
}

func statusImportance(s status) widget.Importance {
	switch s {
	case statusLabeled:
		return widget.SuccessImportance
	case statusSkipped:
		return widget.WarningImportance
	case statusFailed, statusUnsupported:
		return widget.DangerImportance
	case statusWorking:
		return widget.HighImportance
	}
	return widget.MediumImportance
}

func (l *fileList) statusText(f *fileItem) string {
	tr := l.tr
	switch f.status {
	case statusWorking:
		p := tr.L("Labeling… {{.P}} %", map[string]any{"P": int(f.fraction * 100)})
		if f.remaining > 0 {
			p += " · " + tr.L("{{.T}} left", map[string]any{"T": clock(f.remaining)})
		}
		return p
	case statusLabeled:
		return tr.L("Labeled")
	case statusSkipped:
		return tr.L("Skipped: {{.Reason}}", map[string]any{"Reason": f.reason})
	case statusFailed:
		return failureText(tr, f.stage, f.reason)
	case statusUnsupported:
		return tr.L("Not supported: {{.Reason}}", map[string]any{"Reason": f.reason})
	}
	if notes := f.arrival.notes(tr); len(notes) > 0 {
		return strings.Join(notes, " · ")
	}
	return tr.L("Waiting")
}

// clock writes a duration as a person reads a countdown: 0:42, 12:05,
// 1:02:09.
func clock(d time.Duration) string {
	s := int(d.Round(time.Second).Seconds())
	if s >= 3600 {
		return fmt.Sprintf("%d:%02d:%02d", s/3600, s/60%60, s%60)
	}
	return fmt.Sprintf("%d:%02d", s/60, s%60)
}
