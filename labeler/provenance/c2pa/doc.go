// Package c2pa writes, reads and validates C2PA Content Credentials (a
// 2.x manifest store) in every format the reference implementation reads
// and Belgi writes — JPEG, PNG, GIF, TIFF, WebP, WAV, AVI, MP3, FLAC,
// MP4/MOV/M4A — in NAME.c2pa sidecars, and in any format another package
// brings as a Format (the documents kind's PDF).
//
// Signing: the Finisher takes each kind's finished output (XMP already
// in, because the manifest signs the bytes as published), builds one
// manifest whose c2pa.actions.v2 assertion carries the IPTC
// digitalSourceType, binds it with c2pa.hash.data (c2pa.hash.bmff.v3 for
// BMFF) and signs the claim with COSE_Sign1 ES256, optionally
// time-stamped (RFC 3161). A source's manifest store is never silently
// dropped: its manifests travel along and its active one becomes the
// parentOf ingredient with its validation results, after their
// thumbnails of the unlabeled content are redacted as C2PA specifies.
//
// Validation (Validate, the Examiner that labeler's Check runs) follows
// the specification's "Validation" clause and reports its status codes:
// the claim's shape and signature, the signer's certificate profile and
// its trust against configured anchors, time-stamps (sigTst, sigTst2 and
// time-stamp assertions), every hashed URI, the hard binding over the
// asset (data, whole-file BMFF and JPEG box hashes), and each ingredient's
// manifest recursively, with deltas against what the ingredient recorded.
// States and codes follow the reference implementation (c2pa-rs as
// c2pa-wasm 0.15), which the tests compare file by file.
//
// JUMBF, the claim and the containers are built by hand; CBOR and COSE
// come from fxamacker/cbor and veraison/go-cose, CMS is read by hand.
package c2pa
