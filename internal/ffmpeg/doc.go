// Package ffmpeg is the one place Belgi runs external media programs
// (ffmpeg, ffprobe, espeak-ng). Programs are found at run time; a missing
// one yields an error that names the command to install it. Every call
// goes through exec.CommandContext with no shell, so cancelling the
// context kills the program, and file names are made safe so that a name
// starting with "-" can never be read as an option.
package ffmpeg
