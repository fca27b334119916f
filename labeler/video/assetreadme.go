package video

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/belgi-kz/belgi/labeler"
)

// readme writes README.txt: what each file is and where it goes on a
// timeline, in the terms of Premiere Pro, DaVinci Resolve, Final Cut Pro
// and Kdenlive.
func (p *assetPack) readme(context.Context) error {
	var b strings.Builder
	p.readmeHead(&b)
	p.readmeFiles(&b)
	p.readmePlaces(&b)
	b.WriteString(readmeEditors)
	b.WriteString(readmeAfter)
	b.WriteString(readmeRu)
	b.WriteString(readmeKk)
	if err := os.WriteFile(filepath.Join(p.work, assetReadme), []byte(b.String()), 0o644); err != nil {
		return err
	}
	p.add(assetReadme, "where each file goes on the timeline")
	return nil
}

func (p *assetPack) readmeHead(b *strings.Builder) {
	fmt.Fprintf(b, "Belgi label assets for a %d×%d programme at %s frames per second", p.o.Width, p.o.Height, p.o.FrameRate)
	if p.o.For != "" {
		fmt.Fprintf(b, " (made for %s)", filepath.Base(p.o.For))
	}
	fmt.Fprintf(b, ".\nProfile %s, %s. The label reads:\n", p.spec.Profile, p.spec.AI)
	for _, l := range p.spec.Lines() {
		fmt.Fprintf(b, "    %s\n", l)
	}
	b.WriteString("Placed as below, your export carries the label `belgi-cli label` would draw with the same settings.\n\n")
}

func (p *assetPack) readmeFiles(b *strings.Builder) {
	b.WriteString("FILES\n")
	for _, a := range p.assets {
		fmt.Fprintf(b, "  %-18s %s\n", a.Name, a.What)
	}
	fmt.Fprintf(b, "  %-18s %s\n\n", assetReadme, "this file")
}

// readmePlaces says where each file goes, with this pack's numbers.
func (p *assetPack) readmePlaces(b *strings.Builder) {
	b.WriteString("WHERE EACH GOES\n")
	start := "at the start of the programme"
	if p.spec.Video.ShowsSlate() {
		fmt.Fprintf(b, "- %s: first on the main video track (V1), from 00:00; move the programme %g s later, behind it.\n",
			assetSlate, p.spec.Video.SlateSeconds)
		start = "where the programme starts, right after the slate"
	}
	switch p.spec.Video.BadgeMode {
	case labeler.BadgeStart:
		fmt.Fprintf(b, "- %s: on a video track above all others (V2 or higher), %s, for %g s.\n", assetBadgeMOV, start, p.badgeSeconds())
	case labeler.BadgeAll:
		fmt.Fprintf(b, "- %s: on a video track above all others (V2 or higher), %s, stretched or repeated to the last frame.\n", assetBadgeMOV, start)
	}
	if p.spec.Video.BadgeMode != labeler.BadgeSlate {
		fmt.Fprintf(b, "  Keep it at position 0,0 and scale 100 %%, blend mode Normal, opacity 100 %%: the frame is full size and the\n"+
			"  badge already sits where Belgi puts it. %s is the same picture as a still.\n", assetBadgePNG)
	}
	if p.spec.Video.Spoken {
		fmt.Fprintf(b, "- %s: on an audio track of its own (A2), from 00:00 (over the slate, if any). While it plays, lower the\n"+
			"  programme's sound by %g dB and bring it back over half a second after it ends.\n", assetNotice, p.spec.Video.Duck)
	}
	b.WriteString("\n")
}

const readmeEditors = `IN YOUR EDITOR
- Premiere Pro: File > Import. Drag the badge clip to V2; Effect Controls > Motion stays at its defaults. Duck the
  programme with keyframes on its volume, or Essential Sound > Dialogue/Music > Ducking against the notice.
- DaVinci Resolve: Media Pool > Import Media. Drag the badge clip to V2; Inspector > Composite Mode Normal. If its
  transparency shows black, Clip Attributes > Video > Alpha Mode: Straight. Duck with Fairlight's volume keyframes.
- Final Cut Pro: File > Import > Media. Connect the badge clip above the primary storyline; put the slate at the
  start of the primary storyline; attach the notice below it and lower the programme with volume keyframes.
- Kdenlive: Project > Add Clip. Put the badge clip on the top video track (its alpha is kept; the track's
  compositing must be on); the notice on an audio track; lower the programme with a Volume (keyframable) effect.

`

const readmeAfter = `AFTER YOU EXPORT
Run "belgi-cli check YOUR-EXPORT.mp4". It reads the file back and reports the AI provenance it finds. The assets give
the export the label people perceive; the law also asks for machine-readable marks (IPTC XMP, C2PA), which editors
do not write, so keep Belgi's check in your publishing routine.

`

const readmeRu = `КРАТКО ПО-РУССКИ
Заставку ставьте первой на V1 и сдвиньте программу за неё; значок (belgi-badge.mov) — на дорожку выше всех, в
начале программы, положение 0,0 и масштаб 100 %; голосовое предупреждение (belgi-notice.wav) — на отдельную
аудиодорожку с 00:00, приглушив звук программы на время предупреждения. После экспорта: belgi-cli check ФАЙЛ.

`

const readmeKk = `ҚЫСҚАША ҚАЗАҚША
Заставканы V1-ге бірінші қойып, бағдарламаны оның артына жылжытыңыз; белгіні (belgi-badge.mov) барлық жолдан
жоғары, бағдарламаның басына қойыңыз, орны 0,0, масштабы 100 %; дыбыстық ескертуді (belgi-notice.wav) 00:00-ден
бөлек аудиожолға қойып, ол ойнағанда бағдарлама дыбысын бәсеңдетіңіз. Экспорттан кейін: belgi-cli check ФАЙЛ.
`
