// Command belgi is the Belgi desktop app: it labels AI-made media with a
// label people perceive and machine-readable marks. `belgi [PATH...]`
// opens the window with those files and folders already added.
package main

import (
	"os"

	"fyne.io/fyne/v2/app"
	"github.com/belgi-kz/belgi/ui"
)

func main() {
	a := app.NewWithID("kz.belgi.app")
	ui.New(a, os.Args[1:]).ShowAndRun()
}
