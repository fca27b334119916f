package labeler

import "strings"

// Which digital source types mean AI. The IPTC NewsCodes vocabulary
// (http://cv.iptc.org/newscodes/digitalsourcetype/, release of
// 2024-10-23) and C2PA's two additions describe how content was made;
// Kazakhstan's law (art. 21) is about results "made or changed with
// artificial intelligence", i.e. generative models. So a type counts as
// AI when its definition says the content came from, or was edited with,
// a model trained on sampled content:
//
//   - trainedAlgorithmicMedia ("Created using Generative AI": "created
//     algorithmically using a model derived from sampled content");
//   - compositeWithTrainedAlgorithmicMedia ("Edited using Generative AI":
//     "augmentation, correction or enhancement using a Generative AI
//     model, such as with inpainting or outpainting");
//   - C2PA's trainedAlgorithmicData (the same as the first, for data that
//     is not media, e.g. generated text).
//
// Not AI, although machines took part:
//
//   - algorithmicMedia: "created purely by an algorithm not based on any
//     sampled training data", e.g. an image from a mathematical formula
//     (a fractal, a procedural texture): no trained model;
//   - compositeSynthetic ("a mix or composite of several elements, at
//     least one of which is synthetic"): synthetic here is CGI, games,
//     3D renders; when a generative model made an element, IPTC says to
//     use compositeWithTrainedAlgorithmicMedia;
//   - virtualRecording (a recording of a virtual event, e.g. a game
//     stream), dataDrivenMedia (a weather report rendered by code),
//     digitalCreation / digitalArt / softwareImage (made by a person with
//     digital tools), screenCapture;
//   - algorithmicallyEnhanced ("modification or correction by algorithm
//     without changing the main content", e.g. noise reduction) and
//     computationalCapture (multi-frame capture merged by signal
//     processing "and/or non-generative AI", phone HDR);
//   - captures, film and print scans, humanEdits/minorHumanEdits,
//     composite/compositeCapture, and C2PA's "empty".
//
// The codes are matched by their last path segment, so the https form,
// the QCode (digsrctype:trainedAlgorithmicMedia) and the bare code that
// some writers put in ID3 or Vorbis comments are all recognised.
var aiSourceTypes = map[string]bool{
	"trainedAlgorithmicMedia":              true,
	"compositeWithTrainedAlgorithmicMedia": true,
	"trainedAlgorithmicData":               true,
}

// IsAI reports whether a digital source type (an IPTC NewsCode or C2PA
// URI, a QCode or a bare code) says generative AI made or changed the
// content. See aiSourceTypes for which codes count and why.
func IsAI(dst string) bool {
	return aiSourceTypes[SourceCode(dst)]
}

// SourceCode is the bare code of a digital source type: the last
// segment of its URI or QCode, without surrounding space.
func SourceCode(dst string) string {
	s := strings.TrimSpace(dst)
	s = strings.TrimRight(s, "/")
	if i := strings.LastIndexAny(s, "/:"); i >= 0 {
		s = s[i+1:]
	}
	return s
}
