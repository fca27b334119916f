package jpegcoef

import (
	"bytes"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"

	"github.com/belgi-kz/belgi/internal/jpegtest"
)

// corruptions are the kinds of damage TestVerifyCatchesDamage does to an
// output at a random place: a flipped bit, an overwritten byte, a byte
// dropped or added, the file cut short.
var corruptions = []struct {
	name string
	do   func(d []byte, at int, rng *rand.Rand) []byte
}{
	{"flip a bit", func(d []byte, at int, rng *rand.Rand) []byte { d[at] ^= 1 << rng.IntN(8); return d }},
	{"overwrite a byte", func(d []byte, at int, rng *rand.Rand) []byte { d[at] ^= byte(1 + rng.IntN(255)); return d }},
	{"drop a byte", func(d []byte, at int, _ *rand.Rand) []byte { return append(d[:at], d[at+1:]...) }},
	{"add a byte", func(d []byte, at int, rng *rand.Rand) []byte { return insert(d, at, byte(rng.IntN(256))) }},
	{"cut short", func(d []byte, at int, _ *rand.Rand) []byte { return d[:at] }},
}

// verifySources are sequential files of every layout, with and without
// restart intervals and with optimised tables, and real photographs
// from the corpus when it is there.
func verifySources(t *testing.T) map[string][]byte {
	out := map[string][]byte{}
	for _, fx := range jpegtest.Sequential {
		if data := fx.Make(t); data != nil {
			out[fx.Name] = data
		}
	}
	for _, name := range []string{"md-extractor-images_Olympus_PEN_E-P3.jpg", "md-extractor-images_Apple_iPhone_4.jpg",
		"md-extractor-images_Samsung_SM-J327T1.jpg"} { // the last: its optimised tables lack codes the label needs
		if data, err := os.ReadFile(filepath.Join("../../../shared/realworld/images", name)); err == nil {
			out[name] = data
		}
	}
	return out
}

// TestVerifyCatchesDamage corrupts spliced outputs at random places and
// shows that Verify refuses every corrupted file Check refuses, and
// also every bit flipped inside the entropy-coded data other than the
// padding before a marker (which decoders ignore): it sees damage Check
// cannot, since it knows what the bits must be. (Outputs recoded with new
// tables are Check's to prove, and only the first property holds.)
func TestVerifyCatchesDamage(t *testing.T) {
	rng := rand.New(rand.NewPCG(13, 15))
	for name, data := range verifySources(t) {
		p, err := Open(data)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		out, _, p := splice(t, data, labelRect(p.Bounds()))
		out = withApps(p.f, out)
		if err := p.Verify(out); err != nil {
			t.Fatalf("%s: Verify of the clean output: %v", name, err)
		}
		f, _ := Parse(out)
		scan := f.Scans[len(f.Scans)-1]
		checkRefused, verifyOnly := 0, 0
		for i := range 150 {
			c := corruptions[i%len(corruptions)]
			at := rng.IntN(len(out))
			if i%2 == 0 { // half of them in the last scan's data
				at = scan.Start + rng.IntN(scan.End-scan.Start)
			}
			bad := c.do(bytes.Clone(out), at, rng)
			cerr, verr := Check(bad), p.Verify(bad)
			if cerr != nil {
				checkRefused++
				if verr == nil {
					t.Fatalf("%s: %s at %d: Check refuses it (%v), Verify accepts it", name, c.name, at, cerr)
				}
			} else if verr != nil {
				verifyOnly++
			}
			if c.name == "flip a bit" && !p.recoded && at >= scan.Start && at < scan.End && !beforeMarker(out, at) && verr == nil {
				t.Fatalf("%s: a bit flipped at byte %d of the scan data passes Verify", name, at)
			}
		}
		t.Logf("%s: of 150 corruptions Check refused %d, Verify those and %d more", name, checkRefused, verifyOnly)
	}
}

// beforeMarker reports whether the byte at i is the last one before a
// marker, where an interval's padding lies.
func beforeMarker(d []byte, i int) bool {
	return i+2 < len(d) && d[i+1] == 0xFF && d[i+2] != 0
}

// TestSumBlockSeesEveryTerm: changing any one AC term of a block, or its
// DC difference, to any other value changes the checksum Verify compares
// a coded run's read-back with.
func TestSumBlockSeesEveryTerm(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	var blk [64]int16
	for i := range blk {
		blk[i] = int16(rng.IntN(2047) - 1023)
	}
	const seed, dc = 12345, -7
	want := sumBlock(seed, &blk, dc)
	for i := 1; i < 64; i++ {
		for _, v := range []int16{0, 1, -1, 1023, -1023, blk[i] + 1, blk[i] ^ 0x100} {
			if v == blk[i] {
				continue
			}
			b := blk
			b[i] = v
			if sumBlock(seed, &b, dc) == want {
				t.Fatalf("term %d changed from %d to %d: same checksum", i, blk[i], v)
			}
		}
	}
	for _, d := range []int32{dc + 1, -dc, 0, 2047} {
		if sumBlock(seed, &blk, d) == want {
			t.Fatalf("DC difference %d: same checksum as %d", d, dc)
		}
	}
}
