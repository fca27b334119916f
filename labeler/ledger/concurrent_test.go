package ledger

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"sync"
	"testing"
)

// appenderEnv makes the test binary append records to a ledger and exit,
// standing in for another Belgi window or CLI run.
const appenderEnv = "BELGI_LEDGER_TEST_APPEND"

func TestMain(m *testing.M) {
	if path := os.Getenv(appenderEnv); path != "" {
		os.Exit(appendMany(path, "process-"+strconv.Itoa(os.Getpid()), 40))
	}
	os.Exit(m.Run())
}

func appendMany(path, who string, n int) int {
	l, err := Open(path)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	defer l.Close()
	for i := range n {
		if _, err := l.Append(Record{Batch: who, Input: fmt.Sprintf("/%s/%d", who, i), Status: "ok"}); err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 1
		}
	}
	return 0
}

// TestConcurrentAppenders: two processes and three ledgers in this one
// append to one file at once, the first of them creating it; the chain
// holds every record.
func TestConcurrentAppenders(t *testing.T) {
	p := filepath.Join(t.TempDir(), "shared.jsonl")
	var procs []*exec.Cmd
	for range 2 {
		cmd := exec.Command(os.Args[0], "-test.run=^$")
		cmd.Env = append(os.Environ(), appenderEnv+"="+p)
		cmd.Stderr = os.Stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		procs = append(procs, cmd)
	}
	var wg sync.WaitGroup
	for g := range 3 {
		wg.Go(func() {
			if appendMany(p, "goroutine-"+strconv.Itoa(g), 40) != 0 {
				t.Error("append failed")
			}
		})
	}
	wg.Wait()
	for _, cmd := range procs {
		if err := cmd.Wait(); err != nil {
			t.Errorf("appender process: %v", err)
		}
	}
	v, err := Verify(p, Options{})
	if err != nil || !v.OK() || v.Records != 200 {
		t.Fatalf("%d records, problem %v, %v", v.Records, v.Problem, err)
	}
	if b := Batches(mustRead(t, p)); len(b) != 5 || b[0].Labeled != 40 {
		t.Errorf("%d batches", len(b))
	}
}

func mustRead(t *testing.T, p string) []Record {
	t.Helper()
	recs, err := Read(p)
	if err != nil {
		t.Fatal(err)
	}
	return recs
}
