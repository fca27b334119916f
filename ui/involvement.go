package ui

import "github.com/belgi-kz/belgi/labeler"

// arrived takes a file's provenance as the checker found it: the row and
// the details show it, and unless the user set the AI involvement
// themselves, the file is labeled with the involvement its own
// provenance states (an edit with generative AI is "modified").
func (u *App) arrived(f *fileItem) {
	if r := f.arrival.report; r != nil && !u.aiChosen && f.status == statusWaiting {
		f.input.AI = r.Involvement()
	}
	u.checkUI.update(u.files.Refresh)
	if f == u.files.current() {
		u.details.show(f)
		u.preview.update(u.specFor(f))
	}
}

// chooseAI records that the user set the involvement: it now applies to
// every file, whatever their provenance says.
func (u *App) chooseAI() {
	u.aiChosen = true
	for _, f := range u.files.items {
		f.input.AI = ""
	}
	u.details.show(u.files.current())
}

// specFor is the spec a file is labeled with: the settings, with the
// file's own involvement when it has one.
func (u *App) specFor(f *fileItem) labeler.Spec {
	s := u.spec
	if f != nil && f.input.AI != "" {
		s.AI = f.input.AI
	}
	return s
}

// recheck reads every file's provenance again: the trust anchors
// changed, and with them which credentials are trusted.
func (u *App) recheck() {
	for _, f := range u.files.items {
		f.arrival = nil
	}
	u.checks.add(u.files.items)
	u.files.Refresh()
	u.details.show(u.files.current())
}
