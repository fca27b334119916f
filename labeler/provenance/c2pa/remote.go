package c2pa

import (
	"io"
	"os"
	"regexp"
)

// remoteRef finds a remote manifest's address in a file's XMP: C2PA
// points at a manifest kept on a server with dcterms:provenance.
var remoteRef = regexp.MustCompile(`dcterms:provenance(?:="|>)\s*(https?://[^"<\s]+)`)

// remoteSpan is how much of a file is searched for the reference: XMP
// sits in the first segments of the formats that use one.
const remoteSpan = 4 << 20

// RemoteManifest returns the URL of a remote manifest store the file
// names in its XMP, "" when none. Belgi never fetches it.
func RemoteManifest(path string) string {
	f, err := os.Open(path)
	if err != nil {
		return ""
	}
	defer f.Close()
	b, _ := io.ReadAll(io.LimitReader(f, remoteSpan))
	if m := remoteRef.FindSubmatch(b); m != nil {
		return string(m[1])
	}
	return ""
}
