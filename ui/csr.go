package ui

import (
	"crypto/x509/pkix"
	"errors"
	"path/filepath"
	"regexp"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
	"github.com/belgi-kz/belgi/labeler/provenance/c2pa"
)

// csrForm is the "Create signing request" form: who the newsroom is, as
// readers of its Content Credentials will see it.
type csrForm struct {
	name, org, country, email *widget.Entry
}

var countryCode = regexp.MustCompile(`^[A-Za-z]{2}$`)

func newCSRForm(tr *translator) *csrForm {
	f := &csrForm{name: widget.NewEntry(), org: widget.NewEntry(), country: widget.NewEntry(), email: widget.NewEntry()}
	f.name.Validator = func(s string) error {
		if strings.TrimSpace(s) == "" {
			return errors.New(tr.L("Enter the newsroom's name."))
		}
		return nil
	}
	f.country.Validator = func(s string) error {
		if s != "" && !countryCode.MatchString(s) {
			return errors.New(tr.L("Two letters, e.g. KZ."))
		}
		return nil
	}
	f.country.SetPlaceHolder("KZ")
	return f
}

func (f *csrForm) items(tr *translator) []*widget.FormItem {
	return []*widget.FormItem{
		{Text: tr.L("Name"), Widget: f.name, HintText: tr.L("As readers will see the signer, e.g. the newsroom.")},
		{Text: tr.L("Organisation"), Widget: f.org},
		{Text: tr.L("Country"), Widget: f.country},
		{Text: tr.L("E-mail"), Widget: f.email},
	}
}

// subject is the certificate subject the form describes.
func (f *csrForm) subject() pkix.Name {
	s := pkix.Name{CommonName: strings.TrimSpace(f.name.Text)}
	if o := strings.TrimSpace(f.org.Text); o != "" {
		s.Organization = []string{o}
	}
	if c := strings.TrimSpace(f.country.Text); c != "" {
		s.Country = []string{strings.ToUpper(c)}
	}
	return s
}

// createCSR asks who the newsroom is, then a folder, and writes a new
// signing key (readable by its owner only) and a certificate signing
// request with the key usages C2PA requires, to send to the newsroom's
// certificate authority.
func (u *App) createCSR() {
	f := newCSRForm(u.tr)
	d := dialog.NewForm(u.tr.L("Create signing request"), u.tr.L("Choose folder…"), u.tr.L("Cancel"), f.items(u.tr), func(ok bool) {
		if ok {
			u.dialogs.pickFolderTitled(u.tr.L("Folder for the key and the request"), func(dir string) {
				u.writeCSR(dir, f.subject(), strings.TrimSpace(f.email.Text))
			})
		}
	}, u.win)
	d.Resize(fyne.NewSize(520, 0))
	d.Show()
}

// writeCSR makes the key and request off the UI goroutine (key
// generation takes a moment) and says where they went.
func (u *App) writeCSR(dir string, subject pkix.Name, email string) {
	u.bridge.start(func() {
		key, csr, err := c2pa.WriteCSR(dir, subject, email)
		u.bridge.post(func() { u.csrWritten(key, csr, err) })
	})
}

func (u *App) csrWritten(key, csr string, err error) {
	if err != nil {
		dialog.ShowError(errors.New(u.tr.L("The signing request was not written: {{.Err}}", map[string]any{"Err": err.Error()})), u.win)
		return
	}
	msg := u.tr.L("Key: {{.Key}}\nKeep it secret: it never leaves this computer.\n\nRequest: {{.CSR}}\nSend it to your certificate authority. When it answers, choose this key and the certificate chain it sends above.",
		map[string]any{"Key": key, "CSR": csr})
	dialog.ShowInformation(u.tr.L("Signing request written"), msg, u.win)
	u.bar.idle(u.tr.L("Signing request written to {{.Dir}}", map[string]any{"Dir": filepath.Dir(csr)}))
}
