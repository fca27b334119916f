package labeler

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// DefaultOutDir is the folder created beside each input when no output
// folder is given. Folder walks never descend into it.
const DefaultOutDir = "labeled"

// Input is one file found from what the user gave.
type Input struct {
	Path string // absolute path of the file
	// Root is the folder the user gave that led to this file, "" when the
	// file was named directly. Outputs keep paths relative to it.
	Root string
	// Skip, when set, says why a file found in a folder is left alone.
	Skip string
	// AI, when set, is this file's AI involvement in place of the spec's
	// (the app fills it in from the source's own provenance).
	AI Involvement
}

// Expand turns files and folders into inputs. Folders are walked
// recursively, skipping hidden entries and Belgi's own output folders;
// files no kind knows are reported as skipped, not silently dropped.
// Paths that cannot be read at all become *FileErrors naming them as
// given, at StageDecode.
func (r *Registry) Expand(paths []string, out Output) ([]Input, []error) {
	outAbs, _ := absOrEmpty(out.Dir)
	return r.expand(paths, func(dir string) bool {
		return filepath.Base(dir) == DefaultOutDir || dir == outAbs
	})
}

// ExpandAll is Expand for reading only (check): it walks into output
// folders too, since checking labeled copies is the point.
func (r *Registry) ExpandAll(paths []string) ([]Input, []error) {
	return r.expand(paths, func(string) bool { return false })
}

func (r *Registry) expand(paths []string, skipDir func(string) bool) ([]Input, []error) {
	var ins []Input
	var errs []error
	for _, p := range paths {
		abs, err := filepath.Abs(p)
		if err != nil {
			errs = append(errs, &FileError{Name: p, Stage: StageDecode, Err: err})
			continue
		}
		st, err := os.Stat(abs)
		if err != nil {
			errs = append(errs, &FileError{Name: p, Stage: StageDecode, Err: friendlyPathErr(err)})
			continue
		}
		if !st.IsDir() {
			ins = append(ins, Input{Path: abs})
			continue
		}
		found, werrs := r.walk(abs, skipDir)
		ins = append(ins, found...)
		errs = append(errs, werrs...)
	}
	return ins, errs
}

func (r *Registry) walk(root string, skip func(dir string) bool) ([]Input, []error) {
	var ins []Input
	var errs []error
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			errs = append(errs, &FileError{Name: path, Stage: StageDecode, Err: friendlyPathErr(err)})
			return nil
		}
		name := d.Name()
		if path != root && strings.HasPrefix(name, ".") {
			return skipHidden(d)
		}
		if d.IsDir() {
			if path != root && skip(path) {
				return filepath.SkipDir
			}
			return nil
		}
		if !d.Type().IsRegular() {
			return nil
		}
		in := Input{Path: path, Root: root}
		if strings.HasPrefix(name, "~$") {
			// Word, Excel and PowerPoint keep an owner file "~$name.docx"
			// beside a document while it is open; it is not a document.
			in.Skip = "Microsoft Office's lock file, there while the document is open"
		} else if !r.Supported(filepath.Ext(name)) {
			if _, err := r.Detect(path); err != nil {
				in.Skip = "not a media file Belgi labels"
			}
		}
		ins = append(ins, in)
		return nil
	})
	if err != nil {
		errs = append(errs, &FileError{Name: root, Stage: StageDecode, Err: friendlyPathErr(err)})
	}
	return ins, errs
}

func skipHidden(d fs.DirEntry) error {
	if d.IsDir() {
		return filepath.SkipDir
	}
	return nil
}

func absOrEmpty(p string) (string, error) {
	if p == "" {
		return "", nil
	}
	return filepath.Abs(p)
}

// OutputPath is where the labeled copy of in goes.
func OutputPath(in Input, out Output) (string, error) {
	var dst string
	switch {
	case out.Dir == "":
		dst = filepath.Join(filepath.Dir(in.Path), DefaultOutDir, filepath.Base(in.Path))
	case in.Root != "":
		rel, err := filepath.Rel(in.Root, in.Path)
		if err != nil {
			return "", err
		}
		dst = filepath.Join(out.Dir, rel)
	default:
		dst = filepath.Join(out.Dir, filepath.Base(in.Path))
	}
	dst, err := filepath.Abs(dst)
	if err != nil {
		return "", err
	}
	if dst == in.Path {
		return "", errors.New("the output would replace the original: choose another output folder")
	}
	return dst, nil
}
