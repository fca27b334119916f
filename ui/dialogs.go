package ui

import (
	"errors"
	"fmt"
	"runtime"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	native "github.com/sqweek/dialog"
)

// chooser opens file and folder pickers: the system's own (sqweek/dialog:
// GTK, Cocoa, Win32) where it works, Fyne's dialogs where it fails or is
// missing. Native pickers block, so they run off the UI goroutine and
// their answer comes back through the bridge.
type chooser struct {
	app *App
	mu  *sync.Mutex // one native dialog at a time: GTK is not thread-safe
	// nativeOff skips the system pickers (tests, or after one failed).
	nativeOff bool
}

func newChooser(u *App) chooser { return chooser{app: u, mu: &sync.Mutex{}} }

// pickFile asks for one file under title and calls done with its path
// on the UI goroutine; cancelling calls nothing.
func (c *chooser) pickFile(title string, done func(string)) {
	c.pick(func() (string, error) { return native.File().Title(title).Load() }, done, c.fyneFile)
}

// pickFolder asks for a folder, like pickFile.
func (c *chooser) pickFolder(done func(string)) {
	c.pickFolderTitled(c.app.tr.L("Add folder…"), done)
}

// pickFolderTitled is pickFolder under another title.
func (c *chooser) pickFolderTitled(title string, done func(string)) {
	c.pick(func() (string, error) { return native.Directory().Title(title).Browse() }, done, c.fyneFolder)
}

// pickSave asks where to save a file, suggesting name, with Fyne's
// dialog over win as the fallback; done gets the path.
func (c *chooser) pickSave(title, name string, win fyne.Window, done func(string)) {
	save := func() (string, error) {
		return native.File().Title(title).SetStartFile(name).Filter("HTML", "html").Filter("CSV", "csv").Save()
	}
	c.pick(save, done, func(done func(string)) {
		d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
			if err != nil || w == nil {
				return
			}
			w.Close()
			done(w.URI().Path())
		}, win)
		d.SetFileName(name)
		d.Resize(fyne.NewSize(900, 600))
		d.Show()
	})
}

func (c *chooser) pick(open func() (string, error), done func(string), fallback func(func(string))) {
	if c.nativeOff {
		fallback(done)
		return
	}
	u := c.app
	u.bridge.start(func() {
		path, err := c.runNative(open)
		u.bridge.post(func() {
			switch {
			case err == nil:
				done(path)
			case errors.Is(err, native.ErrCancelled):
			default:
				fyne.LogError("ui: native dialog failed; using Fyne's from now on", err)
				c.nativeOff = true
				fallback(done)
			}
		})
	})
}

// runNative runs a system picker on a locked thread, turning the panic
// sqweek/dialog raises when GTK could not start into an error.
func (c *chooser) runNative(open func() (string, error)) (path string, err error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("native dialog: %v", p)
		}
	}()
	return open()
}

func (c *chooser) fyneFile(done func(string)) {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			return
		}
		r.Close()
		done(r.URI().Path())
	}, c.app.win)
	d.Resize(fyne.NewSize(900, 600))
	d.Show()
}

func (c *chooser) fyneFolder(done func(string)) {
	d := dialog.NewFolderOpen(func(l fyne.ListableURI, err error) {
		if err != nil || l == nil {
			return
		}
		done(l.Path())
	}, c.app.win)
	d.Resize(fyne.NewSize(900, 600))
	d.Show()
}
