package labeler

import "os"

// C2PASpec says how Content Credentials (C2PA manifests) are signed.
// They are written into every output format that can carry them, beside
// the XMP layer.
type C2PASpec struct {
	// Off leaves the C2PA manifest out; the XMP layer is always written.
	Off bool
	// Key and Chain are PEM files: the newsroom's P-256 signing key and
	// its certificate chain, leaf first. PKCS12 is instead one .p12/.pfx
	// file holding both, as certificate authorities hand them out. None
	// set: Belgi's development identity, created once in the user's
	// config folder and named "NOT FOR PUBLICATION", so labeling works
	// with no setup.
	Key, Chain string
	PKCS12     string
	// PasswordEnv names the environment variable that holds the PKCS#12
	// password ("" means BELGI_C2PA_PASSWORD). Password, when not empty,
	// is used instead: it is filled in from a prompt and never saved.
	PasswordEnv string
	Password    string `json:"-" setting:"-"`
	// TSA is the URL of an RFC 3161 time-stamp authority that
	// countersigns every signature, so it stays valid after the
	// certificate expires. "" (the default) asks none: it is the only
	// network use Belgi has.
	TSA string
	// Trust is a PEM file of trust anchors: certificates (roots or
	// intermediates) whose chains make a C2PA signer trusted. It decides
	// whether `check` calls Content Credentials Trusted or only Valid,
	// and what Belgi records about a source's credentials. "" trusts
	// nobody, as the reference implementation does when given no list.
	Trust string
	// Sidecar writes the manifest beside outputs whose format cannot
	// carry one (text, subtitles, HTML, DOCX, ODT, Ogg, Matroska), as NAME.c2pa
	// bound to the output by a data hash. Off by default.
	Sidecar bool
}

// DefaultPasswordEnv holds the PKCS#12 password unless PasswordEnv says
// otherwise.
const DefaultPasswordEnv = "BELGI_C2PA_PASSWORD"

// UsesDevIdentity reports whether manifests are signed with the
// development identity rather than the newsroom's own.
func (c C2PASpec) UsesDevIdentity() bool {
	return !c.Off && c.Key == "" && c.Chain == "" && c.PKCS12 == ""
}

// PKCS12Password is the password for the PKCS#12 file: Password, else
// the environment variable PasswordEnv names.
func (c C2PASpec) PKCS12Password() string {
	if c.Password != "" {
		return c.Password
	}
	env := c.PasswordEnv
	if env == "" {
		env = DefaultPasswordEnv
	}
	return os.Getenv(env)
}
