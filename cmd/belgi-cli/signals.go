package main

import (
	"context"
	"os"
	"os/signal"
	"sync"
	"syscall"
)

// stopSignals are handled like Ctrl-C: a terminal closing (SIGHUP) and a
// service manager stopping Belgi (SIGTERM) cancel the work, stop every
// child program and remove temporary files before Belgi exits.
var stopSignals = []os.Signal{os.Interrupt, syscall.SIGTERM, syscall.SIGHUP}

// interrupt cancels a context on the first stop signal and remembers it
// for the exit status; a second signal ends Belgi at once (its children
// die with it, and the next run sweeps what is left).
type interrupt struct {
	ctx    context.Context
	cancel context.CancelFunc
	ch     chan os.Signal
	mu     sync.Mutex
	sig    os.Signal
}

func onStopSignals() *interrupt {
	ctx, cancel := context.WithCancel(context.Background())
	in := &interrupt{ctx: ctx, cancel: cancel, ch: make(chan os.Signal, 2)}
	signal.Notify(in.ch, stopSignals...)
	go in.watch()
	return in
}

func (in *interrupt) watch() {
	first, ok := <-in.ch
	if !ok {
		return
	}
	in.mu.Lock()
	in.sig = first
	in.mu.Unlock()
	in.cancel()
	if _, ok := <-in.ch; ok {
		os.Exit(signalCode(first))
	}
}

// stop stops listening; signals then act as they would without Belgi.
func (in *interrupt) stop() {
	signal.Stop(in.ch)
	close(in.ch)
	in.cancel()
}

// code is the exit status for a run that would otherwise end with
// status: 128 + the signal's number when a stop signal came (130 for
// SIGINT, 143 for SIGTERM, 129 for SIGHUP), as shells report.
func (in *interrupt) code(status int) int {
	in.mu.Lock()
	defer in.mu.Unlock()
	if in.sig == nil {
		return status
	}
	return signalCode(in.sig)
}

// signalled names the signal that stopped the run, "" if none did.
func (in *interrupt) signalled() string {
	in.mu.Lock()
	defer in.mu.Unlock()
	if in.sig == nil {
		return ""
	}
	return in.sig.String()
}

func signalCode(s os.Signal) int {
	if n, ok := s.(syscall.Signal); ok {
		return 128 + int(n)
	}
	return 130
}
