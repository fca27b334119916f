// Package ledger keeps Belgi's tamper-evident record of what was
// labeled: one JSON line per labeled, skipped or failed file, saying
// when, by whom, with which tool and settings, what went in and what came
// out (sizes and SHA-256 hashes), which layers were applied and which
// C2PA manifest was signed.
//
// The first line names the format (belgi-ledger, version 1). Every line
// ends with "sum", the SHA-256 of the line without it, and records in
// "prev" the SHA-256 of the whole previous line as written, so the lines
// form a chain: an edited, removed, reordered or cut-off line breaks it,
// and Verify names the first line where it does. The chain can be
// checked with coreutils alone:
//
//	sed -n 3p ledger.jsonl | tr -d '\n' | sha256sum   # = "prev" of line 4
//
// Appends are serialised by a file lock (flock, LockFileEx) and synced
// to disk before Append returns, so app windows and CLI runs can share
// one ledger. Someone able to rewrite the whole file can rewrite the
// whole chain; Verify reports the head (the last line's sum) so it can
// be written down elsewhere and checked later.
//
// The package also reads a ledger back: batches for a history view,
// reports for people (CSV, self-contained HTML), and the records that
// let a re-run skip files already labeled (Resume).
package ledger
