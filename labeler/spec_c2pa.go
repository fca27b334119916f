package labeler

import (
	"errors"
	"fmt"
	"os"
)

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

func (c C2PASpec) validate() error {
	if c.Off || (c.Key == "" && c.Chain == "") {
		return nil
	}
	if c.Key == "" || c.Chain == "" {
		return errors.New("C2PA signing needs both a key file and a certificate chain file")
	}
	var errs []error
	for _, p := range []string{c.Key, c.Chain} {
		if _, err := os.Stat(p); err != nil {
			errs = append(errs, fmt.Errorf("C2PA file %s: %w", p, friendlyPathErr(err)))
		}
	}
	return errors.Join(errs...)
}
