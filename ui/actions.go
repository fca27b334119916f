package ui

import (
	"runtime"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

// dropped adds what was dropped on the window.
func (u *App) dropped(_ fyne.Position, uris []fyne.URI) {
	var paths []string
	for _, uri := range uris {
		if uri.Scheme() == "file" {
			paths = append(paths, uri.Path())
		}
	}
	u.addPaths(paths)
}

func (u *App) addFiles()  { u.dialogs.pickFile(u.tr.L("Add files…"), u.addPath) }
func (u *App) addFolder() { u.dialogs.pickFolder(u.addPath) }

func (u *App) addPath(p string) { u.addPaths([]string{p}) }

// chooseOutput asks for the output folder.
func (u *App) chooseOutput() { u.dialogs.pickFolder(u.settings.setOutDir) }

// addPaths expands files and folders and inspects each file (size, kind)
// off the UI goroutine: a folder may hold thousands.
func (u *App) addPaths(paths []string) {
	if len(paths) == 0 {
		return
	}
	out := u.spec.Out
	u.bar.idle(u.tr.L("Adding files…"))
	u.bridge.start(func() {
		inputs, errs := u.reg.Expand(paths, out)
		items := make([]*fileItem, len(inputs))
		for i, in := range inputs {
			items[i] = inspect(u.reg, in)
		}
		u.bridge.post(func() { u.added(items, errs) })
	})
}

func (u *App) added(items []*fileItem, errs []error) {
	u.files.add(items)
	u.checks.add(items)
	u.updateActions()
	if len(errs) > 0 {
		u.bar.idle(u.tr.L("Some paths could not be read: {{.Err}}", map[string]any{"Err": errs[0].Error()}))
	}
}

func (u *App) clearFiles() {
	if u.job != nil {
		return
	}
	u.files.clear()
	u.updateActions()
}

// countText sums the list up for the status bar.
func (u *App) countText() string {
	n, bad := len(u.files.items), 0
	for _, f := range u.files.items {
		if f.status == statusUnsupported {
			bad++
		}
	}
	switch {
	case n == 0:
		return u.tr.L("No files yet.")
	case bad > 0:
		return u.tr.L("Files: {{.N}} · not supported: {{.Bad}}", map[string]any{"N": n, "Bad": bad})
	}
	return u.tr.L("Files: {{.N}}", map[string]any{"N": n})
}

// showKeys lists the keyboard shortcuts.
func (u *App) showKeys() {
	mod := "Ctrl"
	if runtime.GOOS == "darwin" {
		mod = "⌘"
	}
	rows := [][2]string{
		{mod + "+O", u.tr.L("Add files…")},
		{mod + "+E", u.tr.L("Export labeled copies")},
		{mod + "+H", u.tr.L("History…")},
		{"Delete", u.tr.L("Remove the selected file")},
		{"Esc", u.tr.L("Cancel the export")},
		{mod + "+Q", u.tr.L("Quit")},
	}
	form := widget.NewForm()
	for _, r := range rows {
		form.Append(r[0], widget.NewLabel(r[1]))
	}
	dialog.ShowCustom(u.tr.L("Keyboard shortcuts"), u.tr.L("Close"), form, u.win)
}
