package video

import (
	"context"
	"fmt"
	"image"
	"image/png"
	"os"
	"path/filepath"

	"github.com/belgi-kz/belgi/labeler"
	"github.com/belgi-kz/belgi/labeler/provenance"
)

// Progress milestones: probing and drawing are quick, the encode is
// nearly all of the time, marks and the read-back are the rest.
const (
	encodeFrom = 0.05
	encodeTo   = 0.95
)

// Label implements labeler.Kind.
func (k Kind) Label(ctx context.Context, job labeler.Job) (labeler.Outcome, error) {
	src, err := probe(ctx, job.Input)
	if err != nil {
		return labeler.Outcome{}, err
	}
	dir, err := os.MkdirTemp("", "belgi-video-")
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
	if err := finish(ctx, p); err != nil {
		return out, fmt.Errorf("video: %w", err)
	}
	return out, nil
}

// prepare draws the badge and slate, obtains the notice and plans the
// ffmpeg run; the outcome lists what will be applied.
func (k Kind) prepare(ctx context.Context, job labeler.Job, src *source, dir string) (*plan, labeler.Outcome, error) {
	var out labeler.Outcome
	container := containerOf(nil, job.Temp)
	p := &plan{src: src, input: job.Input, output: job.Temp, container: container, spec: job.Spec}
	p.enc = chooseVideo(ctx, src, container, job.Spec.Video)
	b, err := planBadge(ctx, src, job.Input, job.Spec)
	if err != nil {
		return nil, out, err
	}
	b = alignBadge(b, src.video.PixFmt)
	if p.badgePNG, err = writePNG(dir, "badge.png", b.patch); err != nil {
		return nil, out, err
	}
	p.badgeAt = b.at
	out.Layers = []string{labeler.LayerVisible}
	out.Notes = append(p.enc.notes, b.layout.Notes()...)
	out.LabelArea = b.layout.Area()
	if note := zoneNote(job.Spec, src); note != "" {
		out.Notes = append(out.Notes, note)
	}
	if job.Spec.Video.ShowsSlate() {
		if p.slatePNG, err = writeSlate(dir, src, job.Spec); err != nil {
			return nil, out, err
		}
	}
	if note := k.addNotice(ctx, p, dir); note != "" {
		out.Notes = append(out.Notes, note)
	}
	if p.noticeWAV != "" {
		out.Layers = append(out.Layers, labeler.LayerSpoken)
	}
	if p.noticeWAV != "" || (p.slatePNG != "" && src.audio != nil) {
		p.audioEnc = audioEncoder(ctx, src.audio, container)
	}
	out.Layers = append(out.Layers, labeler.LayerXMP)
	return p, out, p.marks(out.Layers)
}

// marks prepares the machine-readable layer: the XMP packet (merged with
// the source's) and the container's tags.
func (p *plan) marks(layers []string) error {
	m := provenance.MarkFor(p.spec, layers)
	existing := sourceXMP(p.input)
	if existing == nil {
		existing = []byte(lookup(p.src.info.Format.Tags, tagXMP))
	}
	packet, err := provenance.Packet(existing, m)
	if err != nil {
		return fmt.Errorf("video: %w", err)
	}
	p.packet = packet
	p.meta = metaArgs(family(p.container), p.src.info.Format.Tags, p.spec, m, packet)
	return nil
}

// finish writes the XMP box into MP4/MOV outputs and checks that ffmpeg
// wrote what was asked.
func finish(ctx context.Context, p *plan) error {
	if family(p.container) == "mp4" {
		if p.src.rotation != 0 {
			if err := copyMatrix(p.input, p.src.vIndex, p.output); err != nil {
				return fmt.Errorf("keeping the rotation: %w", err)
			}
		}
		if err := appendXMPBox(p.output, p.packet); err != nil {
			return fmt.Errorf("writing the XMP box: %w", err)
		}
	}
	return checkOutput(ctx, p)
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
