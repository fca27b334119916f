package labeler

// C2PASpec says how Content Credentials (C2PA manifests) are signed.
// They are written into JPEG and PNG outputs beside the XMP layer.
type C2PASpec struct {
	// Off leaves the C2PA manifest out; the XMP layer is always written.
	Off bool
	// Key and Chain are PEM files: the newsroom's P-256 signing key and
	// its certificate chain, leaf first. Both empty: Belgi's development
	// identity, created once in the user's config folder and named
	// "NOT FOR PUBLICATION", so labeling works with no setup.
	Key, Chain string
}

// UsesDevIdentity reports whether manifests are signed with the
// development identity rather than the newsroom's own.
func (c C2PASpec) UsesDevIdentity() bool { return !c.Off && c.Key == "" && c.Chain == "" }
