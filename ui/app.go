package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
	"github.com/belgi-kz/belgi/assets"
	"github.com/belgi-kz/belgi/internal/scratch"
	"github.com/belgi-kz/belgi/labeler"
	"github.com/belgi-kz/belgi/labeler/kinds"
	"github.com/belgi-kz/belgi/ui/player"
)

// App is Belgi's main window and the state behind it.
type App struct {
	fyne   fyne.App
	win    fyne.Window
	reg    *labeler.Registry
	bridge *bridge
	tr     *translator
	spec   labeler.Spec
	player *player.Player // one for the app: the speaker opens only once

	files   *fileList
	details *detailsPanel
	checks  *checker
	checkUI *throttle // repaints the list as files' provenance arrives
	// aiChosen: the user set the AI involvement in this session, which
	// then applies to every file over what each file's provenance says.
	aiChosen bool
	preview  *previewPane
	settings *settingsPanel
	hardware []string // hardware encoder families that work here, once probed
	bar      *statusBar
	addBtn   *widget.Button
	exptBtn  *widget.Button
	job      *exportJob // the export in progress, nil when idle
	quitting bool       // quit once the export has stopped
	summary  *summary   // the last export's summary
	dialogs  chooser

	history *historyView // the History window, nil when closed
}

// New builds the window for a (made by app.New in main, or by the test
// package) with paths already added. Show it with ShowAndRun.
func New(a fyne.App, paths []string) *App {
	a.SetIcon(fyne.NewStaticResource("icon.png", assets.Icon))
	p := a.Preferences()
	a.Settings().SetTheme(newTheme(p.String(prefAppearance)))
	u := &App{
		fyne:   a,
		win:    a.NewWindow("Belgi"),
		reg:    kinds.Default(),
		bridge: newBridge(),
		tr:     newTranslator(p.String(prefUILang)),
		spec:   loadSpec(p),
		player: player.New(),
	}
	u.dialogs = newChooser(u)
	u.checks = newChecker(u.bridge, u.reg, func() labeler.Spec { return u.spec }, u.arrived)
	u.checkUI = newThrottle(u.bridge)
	u.win.Resize(fyne.NewSize(1280, 800))
	u.win.SetOnDropped(u.dropped)
	u.win.SetMaster()
	u.win.SetCloseIntercept(u.quit)
	u.build()
	u.addPaths(paths)
	return u
}

// Window is the main window.
func (u *App) Window() fyne.Window { return u.win }

// ShowAndRun shows the window and runs the app until it is closed.
// The export's temporary files are gone by then (quitting cancels it
// and waits); the process gives up its claim on the temp folder.
//
// The hardware encoders are probed only now, in the background: a test
// encode takes a second or more, and tests build windows they never run.
func (u *App) ShowAndRun() {
	u.probeHardware()
	u.win.ShowAndRun()
	scratch.Release()
}

// build (re)creates every widget from the state; switching the interface
// language calls it again, keeping the files and settings.
func (u *App) build() {
	var items []*fileItem
	selected := -1
	if u.files != nil {
		items, selected = u.files.items, u.files.selected
	}
	u.files = newFileList(u.tr)
	u.files.items = items
	u.files.onSelect = u.selected
	u.files.onRemove = u.removed
	u.files.onKey = u.typedKey
	u.details = newDetailsPanel(u.tr)
	if u.preview != nil {
		u.preview.close()
	}
	u.preview = newPreviewPane(u.tr, u.bridge, u.player)
	u.preview.onStatus = u.notify
	u.settings = newSettingsPanel(u.tr)
	u.settings.onChange = u.specChanged
	u.settings.onChooseOut = u.chooseOutput
	u.settings.c2pa.onChoose = u.dialogs.pickFile
	u.settings.c2pa.onCSR = u.createCSR
	u.preview.onLayout = u.settings.planned
	u.bar = newStatusBar(u.tr, u.cancelExport)
	u.settings.recent = recentAISystems(u.fyne.Preferences())
	u.settings.set(u.spec)
	u.win.SetContent(u.layout())
	u.settings.media.enc.offer(u.hardware, u.spec.Video.Encoder)
	u.win.SetMainMenu(u.menu())
	u.addShortcuts()
	if selected >= 0 {
		u.files.Select(selected)
	} else {
		u.preview.show(nil, u.spec)
		u.details.show(nil)
	}
	u.updateActions()
}

// layout: toolbar on top, status bar at the bottom; files, preview and
// settings side by side.
func (u *App) layout() fyne.CanvasObject {
	right := container.NewHSplit(u.preview.object(), u.settings.object(u.appSection()))
	right.Offset = 0.66
	main := container.NewHSplit(u.filesPane(), right)
	main.Offset = 0.27
	return container.NewBorder(u.toolbar(), u.bar.object(), nil, nil, main)
}

// specChanged is every settings change: it is saved at once, and the
// preview follows within the frame.
func (u *App) specChanged(s labeler.Spec) {
	if s.AI != u.spec.AI {
		u.chooseAI()
	}
	recheck := s.C2PA.Trust != u.spec.C2PA.Trust
	u.spec = s
	if recheck {
		u.recheck()
	}
	saveSpec(u.fyne.Preferences(), s)
	u.preview.update(u.specFor(u.files.current()))
	u.updateActions()
}

// selected shows a file in the preview and its provenance (nil: none).
func (u *App) selected(f *fileItem) {
	u.preview.show(f, u.specFor(f))
	u.details.show(f)
}

// notify shows a sentence in the status bar, unless an export's progress
// is there.
func (u *App) notify(msg string) {
	if u.job == nil {
		u.bar.idle(msg)
	}
}

func (u *App) removed(f *fileItem) {
	u.preview.forget(f)
	u.updateActions()
}
