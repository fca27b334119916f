// Package scratch names Belgi's temporary files and folders after the
// process that made them, and removes the ones whose owner is gone.
//
// Beside an output a temporary file is ".belgi-<pid>-<random><ext>" (a
// folder ".belgi-<pid>-<purpose>-<random>"); in the system's temp folder
// a working folder is "belgi-<pid>-<purpose>-<random>". While a process
// uses scratch it holds a lock on "belgi-<pid>.lock" in the temp folder,
// so a later run can tell a live owner from a dead one whose PID was
// reused. Sweep removes only names of exactly these shapes whose owner is
// gone: a batch killed with kill -9 leaves nothing the next run keeps.
package scratch
