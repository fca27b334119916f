//go:build realworld

package realworld

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// checker reads one file with a foreign tool and says what is wrong with
// it, "" when it reads cleanly.
type checker func(path string) string

// checkers by output extension.
var checkers = map[string]checker{
	".jpg": djpeg, ".jpeg": djpeg, ".mpo": djpeg,
	".png": magick("png"), ".apng": magick("png"), ".gif": magick("gif"), ".webp": webpCheck,
	".tif": magick("tiff"), ".tiff": magick("tiff"), ".heic": magick("heic"), ".avif": magick("avif"),
	".pdf": pdf, ".docx": unzipTest, ".docm": unzipTest, ".dotx": unzipTest,
	".odt": unzipTest, ".ott": unzipTest,
}

// avExts are decoded in full by ffmpeg.
var avExts = []string{".mp4", ".m4v", ".mov", ".mkv", ".mka", ".webm", ".avi", ".3gp", ".ts", ".m2ts", ".mts",
	".mxf", ".flv", ".mpg", ".ps", ".wmv", ".asf", ".wma", ".mp3", ".wav", ".flac", ".ogg", ".oga", ".opus",
	".m4a", ".m4b", ".aac", ".amr", ".aiff", ".aif", ".wv", ".spx"}

// integrity holds the output to the input's standard: when a foreign
// reader accepts the original without complaint, it must accept the
// labeled copy too.
func integrity(in, out string) string {
	ext := strings.ToLower(filepath.Ext(out))
	check, ok := checkers[ext]
	for _, e := range avExts {
		if e == ext {
			check, ok = ffmpegDecode, true
		}
	}
	if !ok {
		return "" // text: its notice is checked with the marks
	}
	if msg := check(out); msg != "" && check(in) == "" {
		return filepath.Base(out) + ": " + msg
	}
	if ext == ".pdf" && !pdfShowsNotice(out) {
		return filepath.Base(out) + ": pdftotext finds no notice on the first page"
	}
	if (ext == ".odt" || ext == ".ott") && !odtShowsNotice(out) {
		return filepath.Base(out) + ": odt2txt finds no notice before the text"
	}
	return ""
}

// run returns the command's stderr (and exit failure) as one line.
func run(name string, args ...string) string {
	var stderr bytes.Buffer
	cmd := exec.Command(name, args...)
	cmd.Stderr = &stderr
	err := cmd.Run()
	msg := strings.TrimSpace(stderr.String())
	var exit *exec.ExitError
	if err != nil && !errors.As(err, &exit) {
		return name + ": " + err.Error()
	}
	if err != nil && msg == "" {
		msg = err.Error()
	}
	if msg != "" {
		return name + ": " + strings.Join(strings.Fields(msg), " ")
	}
	return ""
}

// djpeg (libjpeg-turbo) decodes every scan and warns on any corrupt data.
func djpeg(path string) string { return run("djpeg", "-outfile", "/dev/null", path) }

func magick(format string) checker {
	return func(path string) string {
		msg := run("identify", "-regard-warnings", format+":"+path)
		if strings.Contains(msg, "Unknown field with tag 52545 (0xcd41)") && !strings.Contains(msg, "error") {
			return "" // libtiff does not know the C2PA manifest tag and says so
		}
		return msg
	}
}

// webpCheck: libwebp's webpinfo must find the container sound, and
// ImageMagick must read it. ImageMagick 6.9.11 (Debian 12) warns
// "CorruptImageProfile (XMP)" on every WebP with an XMP chunk, cwebp's
// own included: its reader asks libwebpmux for a chunk "XMP" (not
// "XMP "), ignores the not-found result and validates an empty profile.
// There the packet gets the check ImageMagick meant: webpmux extracts it
// and libxml2 parses it.
func webpCheck(path string) string {
	if out, err := exec.Command("webpinfo", "-quiet", "-diag", path).CombinedOutput(); err != nil {
		return "webpinfo: " + lastLine(string(out))
	}
	msg := magick("webp")(path)
	if strings.Count(msg, "@ ") == 1 && strings.Contains(msg, "CorruptImageProfile") && strings.Contains(msg, "(XMP)") {
		return webpXMP(path)
	}
	return msg
}

// webpXMP extracts the XMP chunk with webpmux and parses it with xmllint.
func webpXMP(path string) string {
	xmp := path + ".xmp"
	defer os.Remove(xmp)
	if out, err := exec.Command("webpmux", "-get", "xmp", path, "-o", xmp).CombinedOutput(); err != nil {
		return "webpmux -get xmp: " + lastLine(string(out))
	}
	return run("xmllint", "--noout", xmp)
}

func ffmpegDecode(path string) string {
	return run("ffmpeg", "-nostdin", "-v", "error", "-i", path, "-f", "null", "-")
}

func unzipTest(path string) string { return run("unzip", "-tq", path) }

// pdf: poppler must read it, and qpdf must find its structure sound.
func pdf(path string) string {
	if msg := run("pdfinfo", path); msg != "" {
		return msg
	}
	out, err := exec.Command("qpdf", "--check", path).CombinedOutput()
	if err != nil {
		return "qpdf --check: " + lastLine(string(out))
	}
	return ""
}

func pdfShowsNotice(path string) bool {
	out, _ := exec.Command("pdftotext", "-l", "1", path, "-").Output()
	return hasNotice(string(out))
}

// odtShowsNotice: odt2txt's first lines hold the notice.
func odtShowsNotice(path string) bool {
	out, _ := exec.Command("odt2txt", "--encoding=UTF-8", "--width=-1", path).Output()
	lines := strings.SplitN(strings.TrimSpace(string(out)), "\n", 4)
	return hasNotice(strings.Join(lines[:min(len(lines), 3)], "\n"))
}

func lastLine(s string) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	return lines[len(lines)-1]
}
