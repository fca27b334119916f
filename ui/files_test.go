package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"
)

func TestDropAddsFilesAndFolders(t *testing.T) {
	u, l := newTestUI(t)
	dir, sub := t.TempDir(), t.TempDir()
	a := writePhoto(t, dir, "a.jpg", 320, 200, 1)
	writePhoto(t, sub, "b.jpg", 200, 320, 2)
	writeFile(t, sub, "notes.bin", "\x00\x01\x02 not media")

	u.dropped(fyne.NewPos(10, 10), []fyne.URI{storage.NewFileURI(a), storage.NewFileURI(sub)})
	l.until(t, "three files", func() bool { return len(u.files.items) == 3 })

	kinds := map[string]string{}
	for _, f := range u.files.items {
		kinds[f.name()] = f.kindName()
	}
	if kinds["a.jpg"] != "image" {
		t.Errorf("a.jpg kind = %q, want image (list: %v)", kinds["a.jpg"], kinds)
	}
	var unsupported *fileItem
	for _, f := range u.files.items {
		if strings.HasSuffix(f.name(), "notes.bin") {
			unsupported = f
		}
	}
	if unsupported == nil || unsupported.status != statusUnsupported || unsupported.reason == "" {
		t.Fatalf("notes.bin should be listed as not supported with a reason, got %+v", unsupported)
	}
	if got := rowText(u, unsupported); !strings.Contains(got, unsupported.reason) {
		t.Errorf("row shows %q, want the reason %q", got, unsupported.reason)
	}
	if u.files.current() == nil {
		t.Error("the first added file should be selected")
	}
}

func TestDropSameFileTwiceKeepsOneRow(t *testing.T) {
	u, l := newTestUI(t)
	a := writePhoto(t, t.TempDir(), "a.jpg", 64, 48, 1)
	addAndWait(t, u, l, 1, a)
	u.dropped(fyne.Position{}, []fyne.URI{storage.NewFileURI(a)})
	u.bridge.wait()
	l.until(t, "the second add", func() bool { return len(l.queue) == 0 })
	if n := len(u.files.items); n != 1 {
		t.Fatalf("%d rows after adding one file twice, want 1", n)
	}
}

func TestDeleteRemovesSelectedAndClearEmpties(t *testing.T) {
	u, l := newTestUI(t)
	dir := t.TempDir()
	addAndWait(t, u, l, 2, writePhoto(t, dir, "a.jpg", 64, 48, 1), writePhoto(t, dir, "b.jpg", 64, 48, 2))
	u.files.Select(0)
	first := u.files.current()
	u.win.Canvas().Unfocus()
	if !u.typedKey(&fyne.KeyEvent{Name: fyne.KeyDelete}) {
		t.Fatal("Delete was not handled")
	}
	if len(u.files.items) != 1 || u.files.items[0] == first {
		t.Fatalf("Delete should remove the selected file; left %d", len(u.files.items))
	}
	if u.files.current() == nil {
		t.Error("the neighbour should be selected after a delete")
	}
	u.clearFiles()
	if len(u.files.items) != 0 || !u.exptBtn.Disabled() {
		t.Error("Clear should empty the list and disable Export")
	}
}

// rowText renders f's row as the list would and returns its texts.
func rowText(u *App, f *fileItem) string {
	obj := u.files.createRow()
	u.files.updateRow(u.files.indexOf(f), obj)
	r := u.files.rows[obj]
	return r.name.Text + " | " + r.state.Text
}

func TestShortcutsAndLanguageSwitch(t *testing.T) {
	u, l := newTestUI(t)
	addAndWait(t, u, l, 1, writePhoto(t, t.TempDir(), "a.jpg", 64, 48, 1))
	u.win.Canvas().(fyne.Shortcutable).TypedShortcut(shortcut(fyne.KeyO))
	if len(u.win.Canvas().Overlays().List()) == 0 {
		t.Error("Ctrl+O should open a file dialog (Fyne's, with native dialogs off)")
	}
	u.setInterfaceLang("kk")
	if got := u.addBtn.Text; got != "Файлдар қосу…" {
		t.Errorf("after switching to Kazakh the button reads %q", got)
	}
	if len(u.files.items) != 1 || u.fyne.Preferences().String(prefUILang) != "kk" {
		t.Error("switching the language must keep the files and remember the choice")
	}
}
