package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// shortcut is Ctrl+k, or Cmd+k on macOS.
func shortcut(k fyne.KeyName) fyne.Shortcut {
	return &desktop.CustomShortcut{KeyName: k, Modifier: fyne.KeyModifierShortcutDefault}
}

// toolbar holds the actions in the order of the work: add, then export.
func (u *App) toolbar() fyne.CanvasObject {
	u.addBtn = &widget.Button{Text: u.tr.L("Add files…"), Icon: theme.ContentAddIcon(), OnTapped: u.addFiles}
	folder := &widget.Button{Text: u.tr.L("Add folder…"), Icon: theme.FolderNewIcon(), OnTapped: u.addFolder}
	clear := &widget.Button{Text: u.tr.L("Clear list"), Icon: theme.DeleteIcon(), Importance: widget.LowImportance, OnTapped: u.clearFiles}
	u.exptBtn = &widget.Button{Text: u.tr.L("Export labeled copies"), Icon: theme.DocumentSaveIcon(),
		Importance: widget.HighImportance, OnTapped: u.export}
	history := &widget.Button{Text: u.tr.L("History"), Icon: theme.HistoryIcon(), Importance: widget.LowImportance, OnTapped: u.showHistory}
	left := container.NewHBox(u.addBtn, folder, clear)
	return container.NewPadded(container.NewBorder(nil, nil, left, container.NewHBox(history, u.exptBtn)))
}

// filesPane is the list with a hint while it is empty.
func (u *App) filesPane() fyne.CanvasObject {
	hint := &widget.Label{Text: u.tr.L("Drop photos, videos, audio or documents anywhere on this window, or use Add files…"),
		Wrapping: fyne.TextWrapWord, Alignment: fyne.TextAlignCenter}
	icon := canvas.NewImageFromResource(theme.UploadIcon())
	icon.SetMinSize(fyne.NewSquareSize(56))
	u.files.hint = container.NewPadded(container.NewVBox(layout.NewSpacer(), container.NewCenter(icon), hint, layout.NewSpacer()))
	split := container.NewVSplit(container.NewStack(u.files, u.files.hint), u.details.object())
	split.Offset = 0.4
	return split
}

// menu is the File and Help menus; their shortcuts work wherever the
// keyboard focus is.
func (u *App) menu() *fyne.MainMenu {
	file := fyne.NewMenu(u.tr.L("File"),
		&fyne.MenuItem{Label: u.tr.L("Add files…"), Shortcut: shortcut(fyne.KeyO), Action: u.addFiles},
		&fyne.MenuItem{Label: u.tr.L("Add folder…"), Action: u.addFolder},
		&fyne.MenuItem{Label: u.tr.L("Export labeled copies"), Shortcut: shortcut(fyne.KeyE), Action: u.export},
		&fyne.MenuItem{Label: u.tr.L("Export label assets…"), Action: u.exportAssets},
		&fyne.MenuItem{Label: u.tr.L("History…"), Shortcut: shortcut(fyne.KeyH), Action: u.showHistory},
		fyne.NewMenuItemSeparator(),
		&fyne.MenuItem{Label: u.tr.L("Clear list"), Action: u.clearFiles},
		fyne.NewMenuItemSeparator(),
		&fyne.MenuItem{Label: lang.L("Quit"), Shortcut: shortcut(fyne.KeyQ), IsQuit: true, Action: u.quit},
	)
	help := fyne.NewMenu(u.tr.L("Help"),
		&fyne.MenuItem{Label: u.tr.L("Keyboard shortcuts"), Action: u.showKeys},
	)
	return fyne.NewMainMenu(file, help)
}

// addShortcuts makes the menu's shortcuts work without a menu bar too
// (the test driver and some window managers have none).
func (u *App) addShortcuts() {
	c := u.win.Canvas()
	c.AddShortcut(shortcut(fyne.KeyO), func(fyne.Shortcut) { u.addFiles() })
	c.AddShortcut(shortcut(fyne.KeyE), func(fyne.Shortcut) { u.export() })
	c.AddShortcut(shortcut(fyne.KeyH), func(fyne.Shortcut) { u.showHistory() })
	c.AddShortcut(shortcut(fyne.KeyQ), func(fyne.Shortcut) { u.quit() })
	c.SetOnTypedKey(func(ev *fyne.KeyEvent) { u.typedKey(ev) })
}

// typedKey handles Delete and Escape; true when it did.
func (u *App) typedKey(ev *fyne.KeyEvent) bool {
	switch ev.Name {
	case fyne.KeyDelete:
		if f := u.files.current(); f != nil {
			u.files.removeItem(f)
			return true
		}
	case fyne.KeyEscape:
		if u.job != nil {
			u.cancelExport()
			return true
		}
	}
	return false
}

// updateActions enables what can be done now.
func (u *App) updateActions() {
	n := len(u.files.items)
	if n > 0 {
		u.files.hint.Hide()
	} else {
		u.files.hint.Show()
	}
	if u.job != nil || n == 0 || len(u.settings.problems(u.spec)) > 0 {
		u.exptBtn.Disable()
	} else {
		u.exptBtn.Enable()
	}
	if u.job == nil {
		u.bar.idle(u.countText())
	}
}

// quit closes the app; an export in progress is cancelled first and the
// app quits once it has stopped, so no temporary file is left behind.
func (u *App) quit() {
	u.checks.close()
	if u.job == nil {
		u.fyne.Quit()
		return
	}
	u.quitting = true
	u.cancelExport()
}
