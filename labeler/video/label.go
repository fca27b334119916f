package video

import (
	"context"
	"fmt"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"sync"

	"github.com/belgi-kz/belgi/internal/ffmpeg"
	"github.com/belgi-kz/belgi/internal/scratch"
	"github.com/belgi-kz/belgi/labeler"
	"github.com/belgi-kz/belgi/labeler/provenance"
)

// Progress milestones: probing and drawing are quick, the encode is
// nearly all of the time, marks and the read-back are the rest.
const (
	encodeFrom = 0.05
	encodeTo   = 0.95
)

// Label implements labeler.Kind: probe and plan (prepare), run ffmpeg
// once, then add the marks ffmpeg can't write. The copy is read back
// (checkOutput) by the core through Outcome.Check, after the C2PA
// manifest is in: the core's own read-back then finds ffprobe's answer
// for that version of the file in the probe cache.
func (k Kind) Label(ctx context.Context, job labeler.Job) (labeler.Outcome, error) {
	src, err := probe(ctx, job.Input)
	if err != nil {
		return labeler.Outcome{}, err
	}
	dir, err := scratch.Dir("", "video")
	if err != nil {
		return labeler.Outcome{}, fmt.Errorf("video: %w", err)
	}
	defer os.RemoveAll(dir)
	p, out, err := k.prepare(ctx, job, src, dir)
	if err != nil {
		return out, err
	}
	job.Progress(encodeFrom)
	notes, err := encodeVideo(ctx, p, dir, job.Progress)
	out.Notes = append(out.Notes, notes...)
	if err != nil {
		return out, fmt.Errorf("video: %w", err)
	}
	if family(p.container) == "mp4" {
		if err := finishMP4(p); err != nil {
			return out, fmt.Errorf("video: writing the MP4 metadata: %w", err)
		}
	}
	out.Check = func(ctx context.Context) error {
		if err := checkOutput(ctx, p); err != nil {
			return fmt.Errorf("video: %w", err)
		}
		return nil
	}
	return out, nil
}

// prepare draws the badge and slate, obtains the notice, plans the
// sound's mix and the ffmpeg run; the outcome lists what will be
// applied. The sound (loudness, notice) needs nothing from the badge,
// and the badge's background sampling nothing from the sound: each is
// a chain of process starts, so they run side by side.
func (k Kind) prepare(ctx context.Context, job labeler.Job, src *source, dir string) (_ *plan, out labeler.Outcome, err error) {
	container := outputOf(src.container)
	p := &plan{src: src, input: job.Input, output: job.Temp, container: container, spec: job.Spec}
	// The slate comes first: it sets the programme's timing the sound
	// follows.
	if job.Spec.Video.ShowsSlate() {
		if p.slatePNG, err = writeSlate(dir, src, job.Spec); err != nil {
			return nil, out, err
		}
		if p.chapters, err = p.movedChapters(dir); err != nil {
			return nil, out, err
		}
	}
	soundCtx, stopSound := context.WithCancel(ctx)
	defer stopSound()
	var wg sync.WaitGroup
	var snd sound
	wg.Go(func() { p.enc = chooseVideo(ctx, src, container, job.Spec.Video) })
	wg.Go(func() { snd = k.makeSound(soundCtx, p, dir) })
	b, err := planBadge(ctx, src, job.Input, job.Spec)
	if err != nil {
		stopSound()
	}
	wg.Wait()
	if err != nil {
		return nil, out, err
	}
	b = alignBadge(b, src.video.PixFmt)
	var pic image.Image = b.patch
	if hdr := hdrRecode(b.patch, src.video); hdr != nil {
		pic, b.patch = hdr, to8(hdr) // the record describes the codes the frames carry
	}
	if p.badgePNG, err = writePNG(dir, "badge.png", pic); err != nil {
		return nil, out, err
	}
	p.badgeAt = b.at
	p.region = badgeRegion(b, src, job.Spec)
	out.Layers = []string{labeler.LayerVisible}
	out.Notes = append(p.containerNotes(), p.enc.notes...)
	out.Notes = append(out.Notes, b.layout.Notes()...)
	out.Notes = append(out.Notes, hdrNotes(src.video)...)
	out.LabelArea = b.layout.Area()
	if note := zoneNote(job.Spec, src); note != "" {
		out.Notes = append(out.Notes, note)
	}
	if snd.note != "" {
		out.Notes = append(out.Notes, snd.note)
	}
	if p.noticeWAV != "" {
		out.Layers = append(out.Layers, labeler.LayerSpoken)
	}
	out.Notes = append(out.Notes, p.planStreams(snd.filtered)...)
	out.Layers = append(out.Layers, labeler.LayerXMP)
	return p, out, p.marks(out.Layers)
}

// sound is what makeSound did: a note for the person about the notice,
// and whether the sound track is made anew (filtered).
type sound struct {
	note     string
	filtered bool
}

// makeSound obtains the notice, as loud as the programme, and plans the
// run that mixes it (and the slate's delay) into a lossless sound track
// while the main run encodes it (see mixArgs).
func (k Kind) makeSound(ctx context.Context, p *plan, dir string) sound {
	var s sound
	s.note = k.addNotice(ctx, p, dir)
	s.filtered = p.noticeWAV != "" || (p.slatePNG != "" && p.src.audio != nil)
	if !s.filtered {
		return s
	}
	p.audioEnc = audioEncoder(ctx, p.src.audio, p.container)
	p.trim = p.primingTrim(ctx)
	p.mix = p.mixArgs()
	return s
}

// containerNotes say when the copy is written in another container.
func (p *plan) containerNotes() []string {
	if p.container == p.src.container {
		return nil
	}
	from, to := containers[p.src.container], containers[p.container]
	return []string{fmt.Sprintf("%s holds no metadata, so the labeled copy is %s (%s)", from.name, to.name, to.ext)}
}

// movedChapters writes the source's chapters moved by the slate, "" when
// it has none.
func (p *plan) movedChapters(dir string) (string, error) {
	if len(p.src.info.Chapters) == 0 {
		return "", nil
	}
	shift := p.slateSeconds()
	text := ffmpeg.ChaptersMetadata(p.src.info.Chapters, func(t float64) float64 { return t + shift })
	path := filepath.Join(dir, "chapters.txt")
	if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
		return "", fmt.Errorf("video: %w", err)
	}
	return path, nil
}

// marks prepares the machine-readable layer: the XMP packet (merged with
// the source's) and the container's tags.
func (p *plan) marks(layers []string) error {
	m := provenance.MarkFor(p.spec, layers)
	m.Region = p.region
	existing := sourceXMP(p.input)
	if existing == nil {
		existing = []byte(lookup(p.src.info.Format.Tags, tagXMP))
	}
	packet, err := provenance.Packet(existing, m)
	if err != nil {
		return fmt.Errorf("video: %w", err)
	}
	p.packet, p.aigc = packet, m.TC260
	p.meta = metaArgs(containers[p.container].marks, p.src.info, p.spec, m, packet)
	return nil
}

// writePNG stores a picture ffmpeg reads as an input. PNG keeps the
// badge's alpha exactly; it is written fast, since it is read once.
func writePNG(dir, name string, img image.Image) (string, error) {
	path := filepath.Join(dir, name)
	f, err := os.Create(path)
	if err != nil {
		return "", fmt.Errorf("video: %w", err)
	}
	enc := png.Encoder{CompressionLevel: png.BestSpeed}
	if err := enc.Encode(f, img); err != nil {
		f.Close()
		return "", fmt.Errorf("video: %w", err)
	}
	return path, f.Close()
}
