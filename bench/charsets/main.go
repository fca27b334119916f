// Command charsets measures how Belgi tells legacy code pages apart, on a
// corpus laid out as chardet's test suite is: one folder per encoding,
// named by its label and perhaps a language ("windows-1251-russian",
// "KOI8-R"). For every file it prints nothing; for every folder, how many
// files Belgi read right, read wrong (another page, or the right page
// with other text) and refused. Folders of multi-byte or Unicode
// encodings are skipped: Belgi reads Unicode by its byte order mark or
// validity, and never guesses a multi-byte page.
//
//	go run ./bench/charsets /usr/lib/google-cloud-sdk/platform/gsutil/third_party/chardet/tests
package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/belgi-kz/belgi/labeler/text"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/htmlindex"
)

// languages are the suffixes chardet puts after an encoding's label.
var languages = []string{"russian", "bulgarian", "turkish", "croatian", "czech", "hungarian",
	"polish", "slovak", "slovene", "romanian", "hebrew", "arabic", "greek"}

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: charsets CORPUS")
		os.Exit(2)
	}
	dirs, err := os.ReadDir(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	var total [3]int
	for _, d := range dirs {
		if !d.IsDir() {
			continue
		}
		cm := singleByte(d.Name())
		if cm == nil {
			continue
		}
		files, _ := filepath.Glob(filepath.Join(os.Args[1], d.Name(), "*"))
		var n [3]int
		for _, f := range files {
			n[judge(f, cm)]++
		}
		fmt.Printf("%-26s right %3d  wrong %3d  refused %3d\n", d.Name(), n[0], n[1], n[2])
		for i := range n {
			total[i] += n[i]
		}
	}
	fmt.Printf("%-26s right %3d  wrong %3d  refused %3d\n", "all", total[0], total[1], total[2])
}

// singleByte is the code page a folder's name labels, or nil for a
// multi-byte, Unicode or unknown one.
func singleByte(dir string) *charmap.Charmap {
	label := strings.ToLower(dir)
	for _, l := range languages {
		label = strings.TrimSuffix(label, "-"+l)
	}
	if label == "maccyrillic" {
		label = "x-mac-cyrillic"
	}
	enc, err := htmlindex.Get(label)
	if err != nil {
		return nil
	}
	cm, _ := enc.(*charmap.Charmap)
	if cm == nil && label == "iso-8859-1" {
		cm = charmap.Windows1252 // what browsers, and Belgi, read Latin-1 as
	}
	return cm
}

// judge is 0 when Belgi reads the file as its page does, 1 when it reads
// other text, 2 when it refuses it.
func judge(path string, cm *charmap.Charmap) int {
	data, err := os.ReadFile(path)
	if err != nil {
		return 2
	}
	d, err := text.Decode(data)
	if err != nil {
		return 2
	}
	want, err := cm.NewDecoder().Bytes(data)
	if err == nil && d.Text == string(want) {
		return 0
	}
	return 1
}
