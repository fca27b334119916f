package ui

import (
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/belgi-kz/belgi/labeler"
)

// status is where a file stands in the list.
type status int

const (
	statusWaiting     status = iota // added, not exported yet
	statusWorking                   // being labeled now
	statusLabeled                   // labeled copy written and verified
	statusSkipped                   // left alone, with a reason
	statusFailed                    // an error, with a reason
	statusUnsupported               // no kind of Belgi's labels it
)

// fileItem is one row of the file list.
type fileItem struct {
	input     labeler.Input
	kind      labeler.Kind // nil when unsupported
	size      int64
	status    status
	reason    string        // why skipped, failed or unsupported
	stage     labeler.Stage // where a failure happened, "" if unknown
	output    string        // the labeled copy, once written
	fraction  float64       // progress while working
	remaining time.Duration // estimated time left while working, 0 unknown
	arrival   *arrival
}

// name is what the row shows: the path relative to the folder it was
// added with, or the base name.
func (f *fileItem) name() string {
	if f.input.Root != "" {
		if rel, err := filepath.Rel(filepath.Dir(f.input.Root), f.input.Path); err == nil {
			return rel
		}
	}
	return filepath.Base(f.input.Path)
}

// kindName is the kind's name, "" when unsupported.
func (f *fileItem) kindName() string {
	if f.kind == nil {
		return ""
	}
	return f.kind.Name()
}

// inspect builds the item for an input found by Registry.Expand: its size
// and kind, read off the UI goroutine because it touches the disk.
func inspect(reg *labeler.Registry, in labeler.Input) *fileItem {
	f := &fileItem{input: in}
	st, err := os.Stat(in.Path)
	if err != nil {
		f.status, f.reason = statusFailed, err.Error()
		return f
	}
	f.size = st.Size()
	if in.Skip != "" {
		f.status, f.reason = statusUnsupported, in.Skip
		return f
	}
	k, err := reg.Detect(in.Path)
	if err != nil {
		f.status = statusUnsupported
		_, f.reason = failure(err)
		f.input.Skip = f.reason
		return f
	}
	f.kind = k
	return f
}

// humanSize formats a byte count the way file managers do.
func humanSize(n int64) string {
	const unit = 1000
	if n < unit {
		return fmt.Sprintf("%d B", n)
	}
	div, exp := int64(unit), 0
	for m := n / unit; m >= unit; m /= unit {
		div *= unit
		exp++
	}
	return fmt.Sprintf("%.1f %cB", float64(n)/float64(div), "kMGTPE"[exp])
}
