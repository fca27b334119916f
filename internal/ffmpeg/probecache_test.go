package ffmpeg

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"
)

// fakeProbe stands in for ffprobe: it counts its runs and prints the
// file it is asked about (its last argument), or fails on "fail".
func fakeProbe(t *testing.T) (runs func() int) {
	t.Helper()
	if runtime.GOOS == "windows" {
		t.Skip("the stand-in ffprobe is a shell script")
	}
	dir := t.TempDir()
	count := filepath.Join(dir, "runs")
	script := filepath.Join(dir, "ffprobe")
	body := fmt.Sprintf("#!/bin/sh\necho x >> %q\nfor last; do :; done\ngrep -q fail \"$last\" && exit 1\ncat \"$last\"\n", count)
	if err := os.WriteFile(script, []byte(body), 0o755); err != nil {
		t.Fatal(err)
	}
	old := Paths["ffprobe"]
	Paths["ffprobe"] = script
	t.Cleanup(func() { Paths["ffprobe"] = old; probes.clear() })
	probes.clear()
	return func() int {
		b, _ := os.ReadFile(count)
		return strings.Count(string(b), "x")
	}
}

func (c *probeCache) clear() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.order.Init()
	clear(c.m)
}

// settledFile writes content and dates it an hour back, as a file that
// is not being written.
func settledFile(t *testing.T, path, content string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	old := time.Now().Add(-time.Hour).Truncate(time.Millisecond).Add(123456)
	if err := os.Chtimes(path, old, old); err != nil {
		t.Fatal(err)
	}
}

func TestProbeCacheAsksOncePerVersion(t *testing.T) {
	runs := fakeProbe(t)
	path := filepath.Join(t.TempDir(), "a.mp4")
	settledFile(t, path, "one")
	ctx := context.Background()
	for range 3 {
		if out, err := cachedProbe(ctx, path, "-x"); err != nil || string(out) != "one" {
			t.Fatalf("got %q, %v", out, err)
		}
	}
	if _, err := cachedProbe(ctx, path, "-y"); err != nil {
		t.Fatal(err)
	}
	if n := runs(); n != 2 {
		t.Errorf("ffprobe ran %d times for two questions about one file, want 2", n)
	}
	settledFile(t, path, "two!") // a new version: new size and time
	if out, _ := cachedProbe(ctx, path, "-x"); string(out) != "two!" {
		t.Errorf("after a rewrite got %q, want the new content", out)
	}
}

// TestProbeCacheNotStaleAfterQuickRewrite: a file rewritten in place
// right after it was asked about, to the same size and possibly within
// the same clock tick, as smart render does to its segments, is asked
// about again.
func TestProbeCacheNotStaleAfterQuickRewrite(t *testing.T) {
	fakeProbe(t)
	path := filepath.Join(t.TempDir(), "seg.mp4")
	ctx := context.Background()
	for _, content := range []string{"aaaa", "bbbb", "cccc"} {
		f, err := os.OpenFile(path, os.O_CREATE|os.O_WRONLY, 0o644)
		if err != nil {
			t.Fatal(err)
		}
		f.WriteAt([]byte(content), 0)
		f.Close()
		if out, _ := cachedProbe(ctx, path, "-x"); string(out) != content {
			t.Fatalf("got %q after writing %q", out, content)
		}
	}
}

func TestProbeCacheErrors(t *testing.T) {
	runs := fakeProbe(t)
	path := filepath.Join(t.TempDir(), "bad.mp4")
	settledFile(t, path, "fail")
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := cachedProbe(ctx, path, "-x"); err == nil {
		t.Fatal("a cancelled probe succeeded")
	}
	for range 2 {
		if _, err := cachedProbe(context.Background(), path, "-x"); err == nil {
			t.Fatal("ffprobe's refusal was lost")
		}
	}
	// The cancelled run may not have started; the refusal is asked once.
	if n := runs(); n < 1 || n > 2 {
		t.Errorf("ffprobe ran %d times, want the refusal remembered and the cancelled run not", n)
	}
	if _, ok := probes.get(path+"\x00-x", mustStat(t, path)); !ok {
		t.Error("ffprobe's refusal of the file was not remembered")
	}
}

func TestProbeCacheBoundedAndConcurrent(t *testing.T) {
	fakeProbe(t)
	dir := t.TempDir()
	var wg sync.WaitGroup
	for i := range probeCacheSize + 10 {
		path := filepath.Join(dir, fmt.Sprintf("%d.mp4", i))
		settledFile(t, path, fmt.Sprint(i))
		wg.Go(func() {
			if out, err := cachedProbe(context.Background(), path, "-x"); err != nil || string(out) != fmt.Sprint(i) {
				t.Errorf("%d: got %q, %v", i, out, err)
			}
		})
	}
	wg.Wait()
	if n := probes.order.Len(); n != probeCacheSize || len(probes.m) != n {
		t.Errorf("the cache holds %d answers (%d keys), want %d", n, len(probes.m), probeCacheSize)
	}
}

func mustStat(t *testing.T, path string) os.FileInfo {
	t.Helper()
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	return fi
}
