package labeler

// AudioSpec holds knobs only audio (and a video's sound) has. The spoken
// notice always plays at the start; these add repeats, a rhythm cue, a
// custom recording and the spacing around the notice.
type AudioSpec struct {
	// AtEnd repeats the notice after the programme.
	AtEnd bool
	// EveryMinutes repeats the notice inside long recordings about every
	// so many minutes (0: never). Each repeat is placed at the quietest
	// moment within a few seconds of the mark, between whole samples.
	EveryMinutes float64
	// Cue plays the rhythm cue short-long-short-short (Morse "AI") before
	// the words.
	Cue bool
	// CustomClip is a recording (WAV, MP3, FLAC, OGG) to play instead of
	// the stock words; "" uses stock clips, or espeak-ng for Spec.Custom
	// wording.
	CustomClip string
	// GapSeconds of silence separate the notice from the programme.
	GapSeconds float64
	// FadeMillis is the fade at each edge of the notice.
	FadeMillis float64
	// TargetLUFS sets the notice's loudness; 0 matches the programme's
	// integrated loudness (EBU R128 -23 LUFS when it can't be measured).
	TargetLUFS float64
}

func defaultAudioSpec() AudioSpec {
	return AudioSpec{GapSeconds: 0.5, FadeMillis: 20}
}

// Custom recordings Belgi can decode without ffmpeg.
var audioClipExts = []string{".wav", ".mp3", ".flac", ".ogg", ".oga"}
