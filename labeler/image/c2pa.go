package image

import (
	"fmt"
	"os"
	"path/filepath"
	"sync"

	"github.com/belgi-kz/belgi/labeler"
	"github.com/belgi-kz/belgi/labeler/provenance/c2pa"
)

// signers loads each signing identity once per process: a batch signs
// hundreds of files with the same key, and the development identity must
// be created by one goroutine only.
type signers struct {
	mu   sync.Mutex
	byID map[[2]string]c2pa.Signer
}

func (s *signers) get(spec labeler.C2PASpec) (c2pa.Signer, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	id := [2]string{spec.Key, spec.Chain}
	if sg, ok := s.byID[id]; ok {
		return sg, nil
	}
	sg, err := loadSigner(spec)
	if err != nil {
		return sg, err
	}
	if s.byID == nil {
		s.byID = map[[2]string]c2pa.Signer{}
	}
	s.byID[id] = sg
	return sg, nil
}

func loadSigner(spec labeler.C2PASpec) (c2pa.Signer, error) {
	if spec.UsesDevIdentity() {
		dir, err := os.UserConfigDir()
		if err != nil {
			return c2pa.Signer{}, fmt.Errorf("c2pa: no config folder for the development identity: %w", err)
		}
		return c2pa.DevSigner(filepath.Join(dir, "belgi", "c2pa"))
	}
	key, err := os.ReadFile(spec.Key)
	if err != nil {
		return c2pa.Signer{}, fmt.Errorf("c2pa: %w", err)
	}
	chain, err := os.ReadFile(spec.Chain)
	if err != nil {
		return c2pa.Signer{}, fmt.Errorf("c2pa: %w", err)
	}
	return c2pa.LoadSigner(key, chain)
}

// embedC2PA signs a finished JPEG or PNG (XMP already in place, as C2PA
// wants the metadata it binds to be final). signed is false for formats
// Belgi does not sign yet and when C2PA is off.
func (k Kind) embedC2PA(out []byte, src *source, spec labeler.Spec, outName string) (_ []byte, signed bool, notes []string, err error) {
	f, _ := sniffFormat(out)
	if spec.C2PA.Off || (f != fmtJPEG && f != fmtPNG) {
		return out, false, nil, nil
	}
	sg, err := k.signers.get(spec.C2PA)
	if err != nil {
		return nil, false, nil, err
	}
	m := c2pa.ManifestFor(spec, outName, src.name, src.data)
	if f == fmtPNG {
		out, err = c2pa.EmbedPNG(out, m, sg)
	} else {
		out, err = c2pa.EmbedJPEG(out, m, sg)
	}
	if err != nil {
		return nil, false, nil, fmt.Errorf("c2pa: %w", err)
	}
	if spec.C2PA.UsesDevIdentity() {
		notes = append(notes, "C2PA signed with Belgi's development identity: sign with your newsroom's certificate (-c2pa-key, -c2pa-chain) before publishing")
	}
	return out, true, notes, nil
}
