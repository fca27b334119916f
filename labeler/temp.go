package labeler

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"sync"

	"github.com/belgi-kz/belgi/internal/scratch"
)

// tempBeside creates an empty, hidden file next to out with out's
// extension, so tools that pick a format by extension (ffmpeg) still can.
// Its name carries this process's PID, so a later run can remove it if
// this one is killed (scratch.Sweep).
func tempBeside(out string) (string, error) {
	tmp, err := scratch.File(filepath.Dir(out), filepath.Ext(out))
	if errors.Is(err, fs.ErrNotExist) {
		// Another worker's failed file removed the folder it had just
		// created; make it again.
		if err = os.MkdirAll(filepath.Dir(out), 0o755); err == nil {
			tmp, err = scratch.File(filepath.Dir(out), filepath.Ext(out))
		}
	}
	return tmp, err
}

// dirsMu keeps one worker's removeEmpty out of another's makeDirs: a
// failed file removing the empty parent it made, between another
// worker's finding that parent and making a folder in it, failed that
// worker's good file (TestFailingFileLeavesNoFolder, now and then).
var dirsMu sync.Mutex

// makeDirs creates dir and any missing parents, and returns the folders
// it created, deepest first, for removeEmpty: a file that fails before
// its output is written leaves no empty folder behind.
func makeDirs(dir string) ([]string, error) {
	dirsMu.Lock()
	defer dirsMu.Unlock()
	var created []string
	for d := filepath.Clean(dir); ; d = filepath.Dir(d) {
		if _, err := os.Stat(d); err == nil || d == filepath.Dir(d) {
			break
		}
		created = append(created, d)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	return created, nil
}

// removeEmpty removes the folders makeDirs created, deepest first, as
// long as they are empty (another file may have been written there since).
func removeEmpty(created []string) {
	dirsMu.Lock()
	defer dirsMu.Unlock()
	for _, d := range created {
		if os.Remove(d) != nil {
			return
		}
	}
}

// discard removes what a file that did not make it leaves: its temporary
// file (a no-op once renamed) and the folders made for it, if empty.
func discard(tmp string, created []string, res *Result) {
	os.Remove(tmp)
	if res.Status != StatusOK {
		removeEmpty(created)
	}
}

// sweepOutput removes stale temporary files a killed run left in an
// output folder, once per folder per process.
func sweepOutput(out string) { scratch.SweepOnce(filepath.Dir(out)) }
