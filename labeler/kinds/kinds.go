// Package kinds assembles the registry of every media kind Belgi labels.
// It is separate from package labeler because each kind imports labeler
// for its types; the list here is explicit, with no init() magic.
package kinds

import (
	"github.com/belgi-kz/belgi/labeler"
	"github.com/belgi-kz/belgi/labeler/audio"
	"github.com/belgi-kz/belgi/labeler/image"
	"github.com/belgi-kz/belgi/labeler/provenance/c2pa"
	"github.com/belgi-kz/belgi/labeler/provenance/tags"
	"github.com/belgi-kz/belgi/labeler/text"
	"github.com/belgi-kz/belgi/labeler/video"
)

// Default returns the registry the app and the CLI use; every output is
// signed with Content Credentials by the C2PA finisher (PDF through the
// document kind's own container), and Check validates any file's
// credentials with the C2PA examiner and reads AI statements in its
// tags. Order matters:
// kinds whose magic bytes are unmistakable come before kinds that sniff
// by content (text). Audio claims MP4 only for the M4A/M4B brands, so it
// goes before video, which takes every other MP4.
func Default() *labeler.Registry {
	return labeler.NewRegistry(
		image.New(),
		audio.New(),
		video.New(video.WithNotice(audio.NoticeBeside)),
		text.NewDocument(),
		text.New(),
	).WithFinisher(c2pa.NewFinisher(text.PDFCredentials())).
		WithExaminer(c2pa.NewExaminer(text.PDFCredentials())).WithExaminer(tags.Examiner{})
}
