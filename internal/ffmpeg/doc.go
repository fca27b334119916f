// Package ffmpeg is the one place Belgi runs external media programs
// (ffmpeg, ffprobe, espeak-ng). Programs are found at run time; a missing
// one yields an error that names the command to install it. Every call
// goes through exec.CommandContext with no shell, and file names are made
// safe so that a name starting with "-" can never be read as an option.
//
// No program outlives Belgi: each runs in its own process group, which
// cancelling the context kills as a whole, and on Linux the kernel kills
// it if Belgi itself dies (even by kill -9).
package ffmpeg
