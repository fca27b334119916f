// Package ui is Belgi's desktop window: a file list, a live preview of the
// label exactly as it will be exported, the settings bound to one
// labeler.Spec, and an export that runs the core's batch off the UI
// goroutine.
//
// Threads: every widget is touched only on Fyne's UI goroutine. Work that
// may take longer than a frame (decoding a photo for its preview, walking a
// folder, labeling) runs on goroutines started in bridge.go, the one file
// where goroutines hand results back through fyne.Do, at most about once
// per frame. The package never calls app.New, so its tests run headless
// with fyne.io/fyne/v2/test.
package ui
