package ui

import (
	"crypto/x509"
	"encoding/pem"
	"errors"
	"os"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/belgi-kz/belgi/labeler"
)

// c2paSettings chooses who signs the Content Credentials: the newsroom's
// own key and certificate chain, or (with neither chosen) Belgi's
// development identity, which is not for publication.
type c2paSettings struct {
	tr       *translator
	sign     *widget.Check
	keyBtn   *widget.Button
	chainBtn *widget.Button
	keyName  *widget.Label
	chainNm  *widget.Label
	devBtn   *widget.Button
	csrBtn   *widget.Button
	trustBtn *widget.Button
	trustNm  *widget.Label
	trustClr *widget.Button
	status   *widget.Label

	key, chain string // the chosen PEM files, "" for none
	trust      string // the trust anchors file, "" for none
	id         c2paIdentity

	onChange func()
	// onChoose asks for a file titled title; the answer comes to done.
	onChoose func(title string, done func(string))
	// onCSR starts making a key and a signing request for the newsroom.
	onCSR func()
}

// c2paIdentity is what the chosen files say, read once per choice so
// each settings change does not read the disk again.
type c2paIdentity struct {
	key, chain string // the paths it was read from
	unreadable string // the first file that cannot be read
	signer     string // the leaf certificate's subject; "" if none parses
}

func newC2PASettings(tr *translator) *c2paSettings {
	c := &c2paSettings{
		tr:      tr,
		sign:    widget.NewCheck(tr.L("Sign JPEG and PNG with Content Credentials"), nil),
		keyName: &widget.Label{Truncation: fyne.TextTruncateEllipsis},
		chainNm: &widget.Label{Truncation: fyne.TextTruncateEllipsis},
		status:  &widget.Label{Wrapping: fyne.TextWrapWord},
	}
	c.keyBtn = &widget.Button{Text: tr.L("Signing key (PEM)…"), Icon: theme.FileIcon(), OnTapped: c.chooseKey}
	c.chainBtn = &widget.Button{Text: tr.L("Certificate chain (PEM)…"), Icon: theme.FileIcon(), OnTapped: c.chooseChain}
	c.devBtn = &widget.Button{Text: tr.L("Use development identity"), Icon: theme.HistoryIcon(),
		Importance: widget.LowImportance, OnTapped: c.useDev}
	c.csrBtn = &widget.Button{Text: tr.L("Create signing request…"), Icon: theme.DocumentCreateIcon(),
		Importance: widget.LowImportance, OnTapped: c.createCSR}
	c.trustBtn = &widget.Button{Text: tr.L("Trust anchors (PEM)…"), Icon: theme.FileIcon(), OnTapped: c.chooseTrust}
	c.trustNm = &widget.Label{Truncation: fyne.TextTruncateEllipsis}
	c.trustClr = &widget.Button{Icon: theme.ContentClearIcon(), Importance: widget.LowImportance, OnTapped: c.clearTrust}
	return c
}

// chooseTrust picks the PEM file of certificates whose signers check
// calls trusted (the C2PA trust list, the newsroom's CA).
func (c *c2paSettings) chooseTrust() {
	c.onChoose(c.tr.L("Trust anchors (PEM)…"), func(p string) { c.trust = p; c.onChange() })
}

func (c *c2paSettings) clearTrust() {
	c.trust = ""
	c.onChange()
}

func (c *c2paSettings) createCSR() {
	if c.onCSR != nil {
		c.onCSR()
	}
}

// wire connects the widgets once they are filled.
func (c *c2paSettings) wire(changed func()) {
	c.onChange = changed
	c.sign.OnChanged = c.changedBool
}

func (c *c2paSettings) changedBool(bool) { c.onChange() }

func (c *c2paSettings) chooseKey() {
	c.onChoose(c.tr.L("Signing key (PEM)…"), c.setKey)
}

func (c *c2paSettings) chooseChain() {
	c.onChoose(c.tr.L("Certificate chain (PEM)…"), c.setChain)
}

// setKey and setChain take a chosen file; choosing the same one again
// reads it again (it may have been fixed meanwhile).
func (c *c2paSettings) setKey(path string) {
	c.key, c.id = path, c2paIdentity{}
	c.onChange()
}

func (c *c2paSettings) setChain(path string) {
	c.chain, c.id = path, c2paIdentity{}
	c.onChange()
}

func (c *c2paSettings) useDev() {
	c.key, c.chain = "", ""
	c.onChange()
}

// set fills the widgets from s; the caller keeps changes quiet.
func (c *c2paSettings) set(s labeler.Spec) {
	c.sign.SetChecked(!s.C2PA.Off)
	c.key, c.chain, c.trust = s.C2PA.Key, s.C2PA.Chain, s.C2PA.Trust
	c.id = readIdentity(c.key, c.chain) // the files may have changed since
	c.show()
}

// read writes the widgets into s.
func (c *c2paSettings) read(s *labeler.Spec) {
	s.C2PA.Off = !c.sign.Checked
	s.C2PA.Key, s.C2PA.Chain, s.C2PA.Trust = c.key, c.chain, c.trust
	c.show()
}

// identity reads the chosen files when they changed since last time.
func (c *c2paSettings) identity() c2paIdentity {
	if c.id.key != c.key || c.id.chain != c.chain {
		c.id = readIdentity(c.key, c.chain)
	}
	return c.id
}

func readIdentity(key, chain string) c2paIdentity {
	id := c2paIdentity{key: key, chain: chain}
	for _, p := range []string{key, chain} {
		if p == "" {
			continue
		}
		f, err := os.Open(p)
		if err != nil {
			id.unreadable = p
			return id
		}
		f.Close()
	}
	if chain != "" {
		id.signer, _ = leafSubject(chain)
	}
	return id
}

// leafSubject names the first certificate in a PEM chain: its common
// name, or the whole subject when it has none.
func leafSubject(path string) (string, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return "", err
	}
	for {
		var b *pem.Block
		if b, data = pem.Decode(data); b == nil {
			return "", errors.New("no PEM certificate")
		}
		if b.Type != "CERTIFICATE" {
			continue
		}
		cert, err := x509.ParseCertificate(b.Bytes)
		if err != nil {
			return "", err
		}
		if cert.Subject.CommonName != "" {
			return cert.Subject.CommonName, nil
		}
		return cert.Subject.String(), nil
	}
}

// show updates the file names, the buttons and the status line.
func (c *c2paSettings) show() {
	on := c.sign.Checked
	c.keyName.SetText(filepath.Base(c.key))
	c.chainNm.SetText(filepath.Base(c.chain))
	if c.key == "" {
		c.keyName.SetText("")
	}
	if c.chain == "" {
		c.chainNm.SetText("")
	}
	c.trustNm.SetText(filepath.Base(c.trust))
	if c.trust == "" {
		c.trustNm.SetText(c.tr.L("none: credentials are at best valid"))
		c.trustClr.Hide()
	} else {
		c.trustClr.Show()
	}
	enable(c.keyBtn, on)
	enable(c.chainBtn, on)
	// The way back is offered only when there is somewhere to go back from.
	if on && (c.key != "" || c.chain != "") {
		c.devBtn.Show()
	} else {
		c.devBtn.Hide()
	}
	switch id := c.identity(); {
	case !on:
		c.status.Hide()
		return
	case c.key == "" && c.chain == "":
		c.status.Importance = widget.WarningImportance
		c.status.SetText(c.tr.L("Development identity: not for publication"))
	case c.key != "" && c.chain != "" && id.unreadable == "" && id.signer != "":
		c.status.Importance = widget.MediumImportance // light-theme green is hard to read
		c.status.SetText(c.tr.L("Signing as {{.Name}}", map[string]any{"Name": id.signer}))
	default: // explained under the section
		c.status.Hide()
		return
	}
	c.status.Show()
}

// problems adds what only the window checks: a chain file that opens but
// holds no certificate (the core checks that both files are there), and
// a file that exists but cannot be opened, worded by the core's rule.
func (c *c2paSettings) problems(s labeler.Spec, out map[string][]string) {
	k, ch := s.C2PA.Key, s.C2PA.Chain
	if s.C2PA.Off || k == "" || ch == "" || len(out["c2pa-key"])+len(out["c2pa-chain"]) > 0 {
		return
	}
	switch id := c.identity(); {
	case id.unreadable != "":
		name := map[string]string{k: "c2pa-key", ch: "c2pa-chain"}[id.unreadable]
		p := labeler.Problem{Setting: name, Rule: labeler.RuleUnreadable, Value: id.unreadable}
		out[name] = []string{p.Sentence(c.tr.lang())}
	case id.signer == "":
		out["c2pa-chain"] = []string{c.tr.L("{{.File}} holds no PEM certificate.", map[string]any{"File": filepath.Base(ch)})}
	}
}

// box: the switch, the two files (each with its problems under it), the
// status and the way back. The status gets the whole width: beside a
// button it wrapped mid-word.
func (c *c2paSettings) box(errs map[string]*widget.Label) fyne.CanvasObject {
	return container.NewVBox(
		c.sign,
		container.NewBorder(nil, nil, c.keyBtn, nil, c.keyName), errs["c2pa-key"],
		container.NewBorder(nil, nil, c.chainBtn, nil, c.chainNm), errs["c2pa-chain"],
		c.status,
		container.NewHBox(c.devBtn),
		container.NewHBox(c.csrBtn),
		container.NewBorder(nil, nil, c.trustBtn, c.trustClr, c.trustNm), errs["c2pa-trust"],
	)
}
