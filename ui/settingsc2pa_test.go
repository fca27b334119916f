package ui

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"math/big"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/belgi-kz/belgi/labeler"
)

// writeIdentity writes a P-256 key and a self-signed certificate named cn
// to dir as PEM files, as a newsroom would hand them over.
func writeIdentity(t *testing.T, dir, cn string) (key, chain string) {
	t.Helper()
	k, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tpl := &x509.Certificate{
		SerialNumber: big.NewInt(1),
		Subject:      pkix.Name{CommonName: cn, Organization: []string{"Test newsroom"}},
		NotBefore:    time.Now().Add(-time.Hour),
		NotAfter:     time.Now().Add(time.Hour),
		KeyUsage:     x509.KeyUsageDigitalSignature,
	}
	der, err := x509.CreateCertificate(rand.Reader, tpl, tpl, &k.PublicKey, k)
	if err != nil {
		t.Fatal(err)
	}
	kder, err := x509.MarshalPKCS8PrivateKey(k)
	if err != nil {
		t.Fatal(err)
	}
	key = writeFile(t, dir, "signer.key", string(pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: kder})))
	chain = writeFile(t, dir, "chain.pem", string(pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der})))
	return key, chain
}

func TestC2PASettingsMapOntoSpecAndBack(t *testing.T) {
	u, _ := newTestUI(t)
	c := u.settings.c2pa
	if !c.sign.Checked || !u.spec.C2PA.UsesDevIdentity() {
		t.Fatalf("a new window should sign with the development identity, spec %+v", u.spec.C2PA)
	}
	if !c.status.Visible() || c.status.Importance != widget.WarningImportance || !strings.Contains(c.status.Text, "not for publication") {
		t.Errorf("development identity status %q (visible %v)", c.status.Text, c.status.Visible())
	}
	for _, want := range []labeler.C2PASpec{
		{Off: true},
		{Key: "/n/signer.key", Chain: "/n/chain.pem"},
		{Off: true, Key: "/n/signer.key", Chain: "/n/chain.pem"},
	} {
		s := labeler.DefaultSpec()
		s.C2PA = want
		u.settings.set(s)
		if got := u.settings.read().C2PA; got != want {
			t.Errorf("widgets read back %+v, want %+v", got, want)
		}
		if c.sign.Checked == want.Off {
			t.Errorf("%+v: the check is %v", want, c.sign.Checked)
		}
	}
	c.sign.SetChecked(true)
	c.setKey("/n/signer.key")
	test.Tap(c.devBtn)
	if !u.spec.C2PA.UsesDevIdentity() {
		t.Errorf("Use development identity: spec %+v", u.spec.C2PA)
	}
	c.sign.SetChecked(false)
	if !u.spec.C2PA.Off || loadSpec(u.fyne.Preferences()).C2PA != u.spec.C2PA || c.status.Visible() {
		t.Errorf("signing off: spec %+v, status visible %v", u.spec.C2PA, c.status.Visible())
	}
}

func TestC2PAKeyWithoutChainDisablesExport(t *testing.T) {
	u, l := newTestUI(t)
	dir := t.TempDir()
	addAndWait(t, u, l, 1, writePhoto(t, dir, "a.jpg", 64, 48, 1))
	key, chain := writeIdentity(t, dir, "Example News Signer")
	u.settings.c2pa.setKey(key)
	if e := u.settings.errs["c2pa-chain"]; !e.Visible() || !strings.Contains(e.Text, "needed too") {
		t.Errorf("a key without chain: error under the chain %q (visible %v)", e.Text, e.Visible())
	}
	if !u.exptBtn.Disabled() {
		t.Error("Export should be disabled with a key but no chain")
	}
	if u.settings.c2pa.keyName.Text != "signer.key" {
		t.Errorf("key button shows %q", u.settings.c2pa.keyName.Text)
	}
	u.settings.c2pa.setChain(chain)
	if e := u.settings.errs["c2pa-chain"]; e.Visible() || u.exptBtn.Disabled() {
		t.Errorf("key and chain chosen: error %q visible %v, export disabled %v", e.Text, e.Visible(), u.exptBtn.Disabled())
	}
	if err := os.Remove(chain); err != nil {
		t.Fatal(err)
	}
	u.settings.c2pa.setChain(chain)
	if e := u.settings.errs["c2pa-chain"]; !e.Visible() || !strings.Contains(e.Text, "chain.pem") || !u.exptBtn.Disabled() {
		t.Errorf("a missing chain file: error %q (visible %v)", e.Text, e.Visible())
	}
	u.resetSettings()
	if !u.spec.C2PA.UsesDevIdentity() || u.settings.errs["c2pa-chain"].Visible() || u.settings.errs["c2pa-key"].Visible() {
		t.Errorf("reset should bring back the development identity, spec %+v", u.spec.C2PA)
	}
}

func TestC2PAStatusNamesSigner(t *testing.T) {
	u, _ := newTestUI(t)
	key, chain := writeIdentity(t, t.TempDir(), "Example News Signer")
	u.settings.c2pa.setKey(key)
	u.settings.c2pa.setChain(chain)
	st := u.settings.c2pa.status
	if !st.Visible() || st.Text != "Signing as Example News Signer" {
		t.Errorf("status %q (visible %v)", st.Text, st.Visible())
	}
	if stored := loadSpec(u.fyne.Preferences()).C2PA; stored.Key != key || stored.Chain != chain {
		t.Errorf("stored %+v", stored)
	}
	notPEM := writeFile(t, filepath.Dir(chain), "chain.txt", "not a certificate")
	u.settings.c2pa.setChain(notPEM)
	if e := u.settings.errs["c2pa-chain"]; !e.Visible() || !strings.Contains(e.Text, "no PEM certificate") {
		t.Errorf("a chain without certificates: error %q (visible %v)", e.Text, e.Visible())
	}
}
