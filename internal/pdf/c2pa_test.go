package pdf

import (
	"bytes"
	"strings"
	"testing"
)

// TestReserveManifest: the update embeds n bytes where it says, lists
// the file in the catalog's /AF (replacing an older C2PA file, keeping
// other associated files), and ManifestStore reads back what is written
// there. qpdf finds nothing wrong with the result.
func TestReserveManifest(t *testing.T) {
	fx := textPage(1, "")
	fx.objs[1] = "<< /Type /Catalog /Pages 2 0 R /AF [30 0 R 31 0 R] >>"
	fx.objs[30] = "<< /Type /Filespec /F (data.csv) /AFRelationship /Data /EF << /F 32 0 R >> >>"
	fx.objs[31] = "<< /Type /Filespec /F (old) /AFRelationship /C2PA_Manifest /EF << /F 33 0 R >> >>"
	fx.objs[32] = stream("/Type /EmbeddedFile", "a,b\n1,2\n", false)
	fx.objs[33] = stream("/Type /EmbeddedFile /Subtype /application#2Fc2pa", "OLDSTORE", true)
	data := fx.bytes(classic)
	if old, err := ManifestStore(data); err != nil || string(old) != "OLDSTORE" {
		t.Fatalf("old store %q, %v", old, err)
	}
	out, at, err := ReserveManifest(data, 64)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(out, data) || !bytes.Equal(out[at:at+64], make([]byte, 64)) || !strings.HasPrefix(string(out[at+64:]), "\nendstream") {
		t.Fatalf("placeholder not at %d", at)
	}
	copy(out[at:], bytes.Repeat([]byte("S"), 64))
	store, err := ManifestStore(out)
	if err != nil || string(store) != strings.Repeat("S", 64) {
		t.Fatalf("store reads %q, %v", store, err)
	}
	f, _ := Open(out)
	af := f.Resolve(f.Catalog().Get("AF")).(Array)
	if len(af) != 2 || af[0] != (Ref{Num: 30}) {
		t.Errorf("/AF is %v: the data file must stay, the old manifest go", af)
	}
	path := t.TempDir() + "/r.pdf"
	writeFile(t, path, out)
	if so, se, code := tool(t, "qpdf", "--check", path); code != 0 {
		t.Errorf("qpdf --check: %s%s", so, se)
	}
}
