package main

import (
	"crypto/x509/pkix"
	"flag"
	"fmt"
	"io"

	"github.com/belgi-kz/belgi/labeler/provenance/c2pa"
)

// runC2PA dispatches belgi-cli c2pa's own subcommands.
func runC2PA(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 || args[0] != "csr" {
		fmt.Fprintln(stderr, "Usage: belgi-cli c2pa csr -name NEWSROOM [-org ORG] [-country KZ] [-email ADDR] [-dir DIR]")
		fmt.Fprintln(stderr, "  csr  make a signing key and a certificate signing request for the newsroom's CA")
		return exitUsage
	}
	return runCSR(args[1:], stdout, stderr)
}

// runCSR writes a new ES256 key (mode 0600) and a signing request with
// the key usage and extended key usage C2PA requires.
func runCSR(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("c2pa csr", flag.ContinueOnError)
	fs.SetOutput(stderr)
	name := fs.String("name", "", "the signer's name, as readers will see it (e.g. the newsroom)")
	org := fs.String("org", "", "organization")
	country := fs.String("country", "", "two-letter country code, e.g. KZ")
	email := fs.String("email", "", "contact e-mail put in the request")
	dir := fs.String("dir", ".", "folder for "+c2pa.CSRKeyFile+" and "+c2pa.CSRFile)
	if err := fs.Parse(args); err != nil {
		return exitUsage
	}
	subject := pkix.Name{CommonName: *name}
	if *org != "" {
		subject.Organization = []string{*org}
	}
	if *country != "" {
		subject.Country = []string{*country}
	}
	key, csr, err := c2pa.WriteCSR(*dir, subject, *email)
	if err != nil {
		fmt.Fprintln(stderr, "belgi-cli:", err)
		return exitFail
	}
	fmt.Fprintf(stdout, "key     %s (keep it secret; it never leaves this computer)\nrequest %s (send it to your certificate authority)\n", key, csr)
	fmt.Fprintln(stdout, "When the CA answers, sign with -c2pa-key and the certificate chain it sends (leaf first).")
	return exitOK
}
