// Command gen writes Belgi's sample media into a folder: the "demo" set
// (one picture of each kind Belgi handles, for `make demo` and the app's
// screenshot) or the "photos" set (20 photographs of 2.5 to 26
// megapixels, for bench/images.sh). Everything is generated, so it ships
// with no licence to worry about.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sync"

	"github.com/belgi-kz/belgi/internal/samples"
)

func main() {
	out := flag.String("out", "samples", "folder to write into")
	set := flag.String("set", "demo", "which set: demo or photos")
	flag.Parse()
	if err := os.MkdirAll(*out, 0o755); err != nil {
		fail(err)
	}
	var files map[string]func() []byte
	switch *set {
	case "demo":
		files = demo()
	case "photos":
		files = photos()
	default:
		fail(fmt.Errorf("unknown set %q (demo or photos)", *set))
	}
	write(*out, files)
}

func demo() map[string]func() []byte {
	return map[string]func() []byte{
		"lake-at-dusk.jpg": func() []byte { return samples.JPEG(samples.Scene(2400, 1600, 1), 90, 1) },
		// A phone portrait: stored landscape, shown upright (EXIF 6).
		"portrait-phone.jpg": func() []byte { return samples.JPEG(samples.Rotate90(samples.Scene(1200, 1800, 2)), 88, 6) },
		"poster.png":         func() []byte { return samples.PNG(samples.WithAlpha(samples.Scene(1000, 700, 3))) },
		"loop.gif":           func() []byte { return samples.AnimatedGIF(360, 240, 6, 12) },
		"article-kk.txt":     func() []byte { return []byte(articleKK) },
		"briefing.md":        func() []byte { return []byte(briefingMD) },
		"captions.srt":       func() []byte { return []byte(captionsSRT) },
		"page.html":          func() []byte { return []byte(pageHTML) },
		"report.pdf":         func() []byte { return samples.PDF([]string{"Quarterly report: illustrations", "Page 2: methods"}, "") },
		"memo.docx":          memo,
	}
}

func memo() []byte {
	b, err := samples.DOCX([]string{"Редакцияға хат", "Бұл мәтінді жасанды интеллект жазды."})
	if err != nil {
		fail(err)
	}
	return b
}

// Sample texts, written for Belgi: a short Kazakh news item, a Markdown
// briefing, subtitles and a web page.
const (
	articleKK   = "Алматы, 27 қараша. Көл жағасындағы күн батуы туралы сурет жасанды интеллект көмегімен салынды.\nРедакция оны мақаланы безендіру үшін пайдаланды.\n"
	briefingMD  = "# Таңғы шолу\n\nБүгінгі иллюстрациялар генеративтік модельмен жасалды.\n\n- Ауа райы: бұлтты\n- Көлік: кептеліс жоқ\n"
	captionsSRT = "1\n00:00:01,000 --> 00:00:03,500\nСәлеметсіз бе, құрметті көрермендер!\n\n2\n00:00:04,000 --> 00:00:06,000\nБүгін біз көл туралы айтамыз.\n"
	pageHTML    = "<!DOCTYPE html>\n<html lang=\"kk\">\n<head><meta charset=\"utf-8\"><title>Көл</title></head>\n<body>\n<h1>Көл жағасында</h1>\n<p>Суретті жасанды интеллект салды.</p>\n</body>\n</html>\n"
)

// photos are sized like the cameras and phones newsrooms use.
func photos() map[string]func() []byte {
	sizes := [][2]int{
		{1920, 1280}, {2048, 1536}, {2592, 1944}, {3000, 2000}, {3264, 2448},
		{3456, 2304}, {4000, 3000}, {4032, 3024}, {4288, 2848}, {4608, 3456},
		{5184, 3456}, {5472, 3648}, {6000, 4000}, {6016, 4016}, {6240, 4160},
		{4000, 6000}, {3024, 4032}, {2448, 3264}, {5760, 3840}, {6240, 4160},
	}
	files := map[string]func() []byte{}
	for i, s := range sizes {
		name := fmt.Sprintf("photo-%02d-%dx%d.jpg", i+1, s[0], s[1])
		seed, q := uint64(i+1), 85+i%3*5
		files[name] = func() []byte { return samples.JPEG(samples.Scene(s[0], s[1], seed), q, 1) }
	}
	return files
}

// write makes the files on all CPUs; each is written whole or not at all.
func write(dir string, files map[string]func() []byte) {
	var wg sync.WaitGroup
	sem := make(chan struct{}, 2)
	for name, make := range files {
		wg.Go(func() {
			sem <- struct{}{}
			defer func() { <-sem }()
			p := filepath.Join(dir, name)
			if _, err := os.Stat(p); err == nil {
				return
			}
			tmp := p + ".tmp"
			if err := os.WriteFile(tmp, make(), 0o644); err != nil {
				fail(err)
			}
			if err := os.Rename(tmp, p); err != nil {
				fail(err)
			}
			fmt.Println(p)
		})
	}
	wg.Wait()
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "gen:", err)
	os.Exit(1)
}
