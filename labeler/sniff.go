package labeler

// ContentSniffer is an optional ability of a Kind: it recognises files by
// looking inside them, not only at their first bytes. MP4, Matroska, Ogg,
// ASF and MPEG transport streams hold sound, pictures or both, so only
// their streams say whether a file is audio or video. The registry asks
// content sniffers first, in order, before any kind's Sniff.
type ContentSniffer interface {
	// SniffFile reports whether the file at path, whose first bytes are
	// head, is this kind's. It may run a prober; it must not be slow on
	// files it plainly does not claim.
	SniffFile(path string, head []byte) bool
}

// sniffContent returns the first content sniffer that claims the file.
func (r *Registry) sniffContent(path string, head []byte) (Kind, bool) {
	for _, k := range r.kinds {
		if cs, ok := k.(ContentSniffer); ok && cs.SniffFile(path, head) {
			return k, true
		}
	}
	return nil, false
}
