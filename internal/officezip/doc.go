// Package officezip reads and rewrites office documents that are zip
// archives of XML parts: Word's DOCX (Office Open XML) and OpenDocument's
// ODT. Both formats label the same way — a few parts are edited by
// inserting text, every other entry is copied with its compressed bytes —
// and both are zips of XML written by someone else, so reading is bounded:
// entry count, per-entry and total uncompressed size and compression ratio
// are limited, names that could escape a folder (zip-slip) are refused,
// and XML parts with a DOCTYPE or ENTITY declaration are refused before
// any parser sees them.
package officezip
