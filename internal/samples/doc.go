// Package samples makes sample media for tests and the demo: synthetic
// "photographs" (a mountain lake at dusk, drawn procedurally, so they are
// ours to ship and need no licence), in each format and orientation Belgi
// must handle. Everything is deterministic: the same call gives the same
// bytes.
package samples
