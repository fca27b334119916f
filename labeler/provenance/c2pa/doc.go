// Package c2pa writes and reads C2PA Content Credentials (a 2.x manifest
// store) in JPEG and PNG files: the second machine-readable layer next to
// the IPTC XMP packet.
//
// Embed* takes a finished file (XMP already spliced, because the manifest
// signs the bytes as they will be published), builds one manifest whose
// c2pa.actions.v2 assertion carries the IPTC digitalSourceType, binds it
// to the file with a c2pa.hash.data hard binding and signs the claim with
// COSE_Sign1 ES256 and the caller's X.509 chain. A manifest store already
// in the file is never silently dropped: its manifests are copied into the
// new store and the old active one becomes the parentOf ingredient.
//
// Read finds a manifest store, walks its JUMBF boxes and CBOR, and reports
// the active manifest's digitalSourceType and whether its data hash still
// matches the file. Read does not validate the signature or the chain;
// that is the reference implementation's job, which the tests run.
//
// JUMBF, the claim and the containers are built by hand; CBOR and COSE
// come from fxamacker/cbor and veraison/go-cose.
package c2pa
