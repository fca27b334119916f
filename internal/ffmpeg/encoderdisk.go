package ffmpeg

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
)

// What an ffmpeg can encode is also kept on disk, in the user's cache
// folder: a CLI run often labels one clip, and asking costs it two
// process starts (`-encoders`, `-h encoder=libx264`), about 0.2 s of a
// short clip's one or two seconds. An answer belongs to one binary, by
// its path, size and modification time, so an upgraded or another
// ffmpeg is asked again. Without a cache folder Belgi just asks.

// encoderFacts is what one ffmpeg binary said about its encoders.
type encoderFacts struct {
	Binary  string              `json:"binary"`
	List    []string            `json:"encoders"`
	PixFmts map[string][]string `json:"pix_fmts,omitempty"`
	Priming map[string]int      `json:"priming,omitempty"`
}

// keptBinaries bounds the file: a machine has an ffmpeg or two (tests
// swap in fakes).
const keptBinaries = 4

// encoderFile is where the facts are kept ("" when there is no cache
// folder). BELGI_CACHE_DIR overrides the folder, for tests.
func encoderFile() string {
	dir := os.Getenv("BELGI_CACHE_DIR")
	if dir == "" {
		base, err := os.UserCacheDir()
		if err != nil {
			return ""
		}
		dir = filepath.Join(base, "belgi")
	}
	return filepath.Join(dir, "ffmpeg-encoders.json")
}

// binaryID names the ffmpeg that would run now, as a version: its
// resolved path, size and modification time ("" if not found).
func binaryID() string {
	p, err := Find("ffmpeg")
	if err != nil {
		return ""
	}
	if r, err := filepath.EvalSymlinks(p); err == nil {
		p = r
	}
	st, err := os.Stat(p)
	if err != nil {
		return ""
	}
	return fmt.Sprintf("%s|%d|%d", p, st.Size(), st.ModTime().UnixNano())
}

// readFacts returns what the disk holds for the binary id, if anything.
func readFacts(id string) (encoderFacts, bool) {
	all := readAllFacts()
	i := slices.IndexFunc(all, func(f encoderFacts) bool { return f.Binary == id })
	if id == "" || i < 0 {
		return encoderFacts{}, false
	}
	return all[i], true
}

func readAllFacts() []encoderFacts {
	var all []encoderFacts
	if path := encoderFile(); path != "" {
		if b, err := os.ReadFile(path); err == nil {
			_ = json.Unmarshal(b, &all) // a damaged file is asked over again
		}
	}
	return all
}

// writeFacts records f first, keeping a few other binaries' facts. The
// file is replaced whole by a rename, so a reader never sees half of it;
// failing to write only costs the next run its questions.
func writeFacts(f encoderFacts) {
	path := encoderFile()
	if path == "" || f.Binary == "" {
		return
	}
	all := slices.DeleteFunc(readAllFacts(), func(o encoderFacts) bool { return o.Binary == f.Binary })
	all = append([]encoderFacts{f}, all...)
	b, err := json.Marshal(all[:min(len(all), keptBinaries)])
	if err != nil || os.MkdirAll(filepath.Dir(path), 0o755) != nil {
		return
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".ffmpeg-encoders-*.json")
	if err != nil {
		return
	}
	_, werr := tmp.Write(b)
	if cerr := tmp.Close(); werr != nil || cerr != nil || os.Rename(tmp.Name(), path) != nil {
		os.Remove(tmp.Name())
	}
}
