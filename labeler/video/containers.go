package video

// markStyle is how a container carries Belgi's machine-readable marks.
type markStyle int

const (
	marksNone      markStyle = iota // the container holds no metadata (MPEG-PS): written as another
	marksMP4                        // an XMP uuid box appended after ffmpeg, and the comment
	marksMatroska                   // DIGITAL_SOURCE_TYPE, BELGI and XMP tags, and the comment
	marksTags                       // the same tags where the muxer writes any tag (ASF)
	marksShortTags                  // DIGITAL_SOURCE_TYPE and BELGI only: FLV's reader refuses any string over 1 KiB
	marksComment                    // the record in the comment, all the container holds (AVI, RealMedia)
	marksService                    // the record as the transport stream's service name (SDT)
	marksMXF                        // the record and DigitalSourceType as MXF user comments
)

// container is how Belgi writes one container through ffmpeg.
type container struct {
	name  string   // for notes
	ext   string   // its usual extension
	muxer string   // ffmpeg's muxer
	args  []string // the muxer's options
	marks markStyle
	// into names the container written instead, when this one can carry
	// no marks (an MPEG program stream holds no metadata at all).
	into string
	// subtitles lists the subtitle codecs the muxer takes; nil takes any.
	subtitles []string
	// data: the muxer keeps data streams ffmpeg can read (timecode).
	data bool
}

// containers are the video containers Belgi labels, by sniffed name.
var containers = map[string]container{
	"mp4":      {name: "MP4", ext: ".mp4", muxer: "mp4", marks: marksMP4, subtitles: []string{"mov_text"}, data: true},
	"m4v":      {name: "M4V", ext: ".m4v", muxer: "mp4", marks: marksMP4, subtitles: []string{"mov_text"}, data: true},
	"mov":      {name: "QuickTime", ext: ".mov", muxer: "mov", marks: marksMP4, subtitles: []string{"mov_text"}, data: true},
	"3gp":      {name: "3GP", ext: ".3gp", muxer: "3gp", marks: marksMP4, subtitles: []string{"mov_text"}},
	"3g2":      {name: "3G2", ext: ".3g2", muxer: "3g2", marks: marksMP4, subtitles: []string{"mov_text"}},
	"matroska": {name: "Matroska", ext: ".mkv", muxer: "matroska", marks: marksMatroska, data: true},
	"webm":     {name: "WebM", ext: ".webm", muxer: "webm", marks: marksMatroska, subtitles: []string{"webvtt"}},
	"avi":      {name: "AVI", ext: ".avi", muxer: "avi", marks: marksComment, subtitles: []string{}},
	"mpegts": {name: "MPEG-TS", ext: ".ts", muxer: "mpegts", args: tsArgs, marks: marksService,
		subtitles: []string{"dvb_subtitle", "dvb_teletext"}},
	"m2ts": {name: "M2TS (AVCHD)", ext: ".m2ts", muxer: "mpegts", args: append([]string{"-mpegts_m2ts_mode", "1"}, tsArgs...),
		marks: marksService, subtitles: []string{"dvb_subtitle", "dvb_teletext"}},
	"mxf":  {name: "MXF", ext: ".mxf", muxer: "mxf", marks: marksMXF, subtitles: []string{}},
	"flv":  {name: "FLV", ext: ".flv", muxer: "flv", marks: marksShortTags, subtitles: []string{}},
	"asf":  {name: "ASF (WMV)", ext: ".wmv", muxer: "asf", marks: marksTags, subtitles: []string{}},
	"rm":   {name: "RealMedia", ext: ".rm", muxer: "rm", marks: marksComment, subtitles: []string{}},
	"mpeg": {name: "MPEG program stream", ext: ".mpg", muxer: "vob", into: "mp4"},
}

// tsArgs keep a transport stream's timestamps where they were: the muxer
// otherwise adds 1.4 s of delay to copied timestamps.
var tsArgs = []string{"-muxdelay", "0", "-muxpreload", "0"}

// extContainers names the container an extension usually holds, for
// files the sniffer does not recognise.
var extContainers = map[string]string{
	".mp4": "mp4", ".m4v": "m4v", ".mov": "mov", ".qt": "mov", ".3gp": "3gp", ".3g2": "3g2",
	".mkv": "matroska", ".webm": "webm", ".avi": "avi", ".ts": "mpegts", ".mts": "m2ts", ".m2ts": "m2ts",
	".mxf": "mxf", ".flv": "flv", ".wmv": "asf", ".asf": "asf", ".rm": "rm", ".rmvb": "rm",
	".mpg": "mpeg", ".mpeg": "mpeg", ".vob": "mpeg", ".ps": "mpeg",
}

// family groups containers by how marks are read back: "mp4" (boxes
// Belgi walks itself) or "tags" (what ffprobe reads).
func family(c string) string {
	if containers[c].marks == marksMP4 {
		return "mp4"
	}
	return "tags"
}

// matroska reports whether c is Matroska or WebM.
func matroska(c string) bool { return containers[c].marks == marksMatroska }

// outputOf is the container a source in c is written in.
func outputOf(c string) string {
	if into := containers[c].into; into != "" {
		return into
	}
	return c
}

// takesSubtitle reports whether the container's muxer writes the codec.
func (c container) takesSubtitle(codec string) bool {
	if c.subtitles == nil {
		return true
	}
	for _, s := range c.subtitles {
		if s == codec {
			return true
		}
	}
	return false
}
