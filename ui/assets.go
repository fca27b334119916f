package ui

import (
	"context"

	"github.com/belgi-kz/belgi/labeler"
	"github.com/belgi-kz/belgi/labeler/audio"
	"github.com/belgi-kz/belgi/labeler/video"
)

// assetsFrame is the frame the assets are drawn for when no video is
// selected: full HD, what most timelines are.
const assetsFrameW, assetsFrameH = 1920, 1080

// exportAssets asks for a folder and writes the label assets for an edit
// timeline there: for the selected video when one is selected (its
// frame, frame rate, sound and footage), else for a full-HD frame.
func (u *App) exportAssets() {
	if u.job != nil || !u.settings.check() {
		return
	}
	u.dialogs.pickFolder(u.writeAssets)
}

// writeAssets writes the pack off the UI goroutine and says how it went.
func (u *App) writeAssets(dir string) {
	spec, src := u.spec, u.assetSource()
	u.bar.idle(u.tr.L("Writing label assets…"))
	u.bridge.start(func() {
		n, err := writeAssetPack(context.Background(), dir, spec, src)
		u.bridge.post(func() { u.assetsWritten(dir, n, err) })
	})
}

// assetSource is the selected video, "" when the selection is none.
func (u *App) assetSource() string {
	if f := u.files.current(); f != nil && f.kindName() == "video" {
		return f.input.Path
	}
	return ""
}

// writeAssetPack writes the pack with the video kind the app labels with.
func writeAssetPack(ctx context.Context, dir string, spec labeler.Spec, src string) (int, error) {
	opt := video.DefaultAssetOptions(assetsFrameW, assetsFrameH)
	if src != "" {
		var err error
		if opt, err = video.AssetOptionsFor(ctx, src, spec); err != nil {
			return 0, err
		}
	}
	written, err := video.New(video.WithNotice(audio.NoticeBeside)).WriteAssets(ctx, dir, spec, opt)
	return len(written), err
}

func (u *App) assetsWritten(dir string, n int, err error) {
	if err != nil {
		u.bar.idle(u.tr.L("Label assets could not be written: {{.Err}}", map[string]any{"Err": err.Error()}))
		return
	}
	u.bar.idle(u.tr.L("{{.N}} label assets written to {{.Dir}}; README.txt says where each goes", map[string]any{"N": n, "Dir": dir}))
}
