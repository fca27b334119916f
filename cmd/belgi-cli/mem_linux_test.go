package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"syscall"
	"testing"

	"github.com/belgi-kz/belgi/internal/samples"
)

// BenchmarkPeakRSS100MP labels four 100-megapixel JPEGs with 1, 2 and 4
// workers in the real CLI and reports its peak resident memory, read
// from the kernel's rusage (ru_maxrss) when it exits. -max-memory can be
// given through BELGI_BENCH_MAX_MEMORY (MiB) to see the budget at work.
//
//	go test ./cmd/belgi-cli/ -run XXX -bench PeakRSS100MP -benchtime 1x
func BenchmarkPeakRSS100MP(b *testing.B) {
	dir := b.TempDir()
	photo := samples.JPEG(samples.Scene(12000, 8400, 7), 90, 1) // 100.8 MP, drawn once
	for i := range 4 {
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("big%d.jpg", i)), photo, 0o644); err != nil {
			b.Fatal(err)
		}
	}
	bin, err := cliBinary()
	if err != nil {
		b.Fatal(err)
	}
	for _, jobs := range []int{1, 2, 4} {
		b.Run(fmt.Sprintf("jobs=%d", jobs), func(b *testing.B) {
			var peak int64
			for b.Loop() {
				peak = max(peak, peakRSS(b, bin, dir, jobs))
			}
			b.ReportMetric(float64(peak)/(1<<20), "peak-MiB")
			b.ReportMetric(0, "ns/op")
		})
	}
}

// peakRSS runs one batch and returns the CLI's peak RSS in bytes.
func peakRSS(b *testing.B, bin, dir string, jobs int) int64 {
	args := []string{"label", "-jobs", strconv.Itoa(jobs), "-out", b.TempDir()}
	if mb := os.Getenv("BELGI_BENCH_MAX_MEMORY"); mb != "" {
		args = append(args, "-max-memory", mb)
	}
	cmd := exec.Command(bin, append(args, dir)...)
	if out, err := cmd.CombinedOutput(); err != nil {
		b.Fatalf("%v\n%s", err, out)
	}
	ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage)
	if !ok {
		b.Fatal("no rusage")
	}
	return ru.Maxrss << 10 // Linux reports KiB
}
