package ledger

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// fill writes a ledger with n file records and returns its path.
func fill(t testing.TB, n int) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "ledger.jsonl")
	l, err := Open(p)
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	for i := range n {
		rec := Record{Batch: "b1", Operator: "aigerim", Tool: "Belgi test", Input: fmt.Sprintf("/in/%d.jpg", i),
			InputSize: int64(100 + i), InputSHA256: strings.Repeat("a", 64), Status: "ok", Kind: "image"}
		if _, err := l.Append(rec); err != nil {
			t.Fatal(err)
		}
	}
	return p
}

func readLines(t *testing.T, p string) []string {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return strings.SplitAfter(string(b), "\n")[:bytes.Count(b, []byte("\n"))]
}

func TestUntouchedLedgerVerifies(t *testing.T) {
	p := fill(t, 5)
	v, err := Verify(p, Options{})
	if err != nil || !v.OK() || v.Records != 5 || v.Lines != 6 || v.HeadLine != 6 || len(v.Head) != 64 {
		t.Fatalf("%+v, %v", v, err)
	}
	lines := readLines(t, p)
	if !strings.Contains(lines[0], `"format":"belgi-ledger","version":1`) {
		t.Errorf("first line names no format: %s", lines[0])
	}
	// What the package doc promises: prev is sha256sum of the line before.
	for i := 1; i < len(lines); i++ {
		h := sha256.Sum256([]byte(strings.TrimSuffix(lines[i-1], "\n")))
		if !strings.Contains(lines[i], `"prev":"`+hex.EncodeToString(h[:])+`"`) {
			t.Errorf("line %d does not carry the hash of line %d", i+1, i)
		}
	}
}

// TestVerifyNamesTheLine: each kind of tampering is found at the line
// where it happened.
func TestVerifyNamesTheLine(t *testing.T) {
	cases := []struct {
		name   string
		tamper func([]string) []string
		line   int
		says   string
	}{
		{"edited field", func(l []string) []string {
			l[3] = strings.Replace(l[3], `"operator":"aigerim"`, `"operator":"someone"`, 1)
			return l
		}, 4, "line 4 was edited"},
		{"edited size", func(l []string) []string {
			l[2] = strings.Replace(l[2], `"input_size":101`, `"input_size":999`, 1)
			return l
		}, 3, "line 3 was edited"},
		{"deleted line", func(l []string) []string { return append(l[:3:3], l[4:]...) }, 4, "line 4 was removed"},
		{"deleted two lines", func(l []string) []string { return append(l[:2:2], l[4:]...) }, 3, "records 2 to 3 are missing before line 3"},
		{"swapped pair", func(l []string) []string { l[2], l[3] = l[3], l[2]; return l }, 3, "lines 3 and 4 are out of order"},
		{"moved back", func(l []string) []string { return []string{l[0], l[1], l[2], l[4], l[5], l[3]} }, 4, "line 4 was removed"},
		{"duplicated line", func(l []string) []string { return append(l[:4:4], append([]string{l[3]}, l[4:]...)...) }, 5, "line 5 is out of order"},
		{"truncated last line", func(l []string) []string { l[5] = l[5][:len(l[5])/2]; return l }, 6, "line 6 is incomplete"},
		{"newline lost", func(l []string) []string { l[5] = strings.TrimSuffix(l[5], "\n"); return l }, 6, "line 6 is incomplete"},
		{"header removed", func(l []string) []string { return l[1:] }, 1, "line 1 is not the ledger header"},
		{"resealed edit", func(l []string) []string { l[2] = reseal(t, l[2], `"status":"ok"`, `"status":"skipped"`); return l }, 3, "line 3 was changed or replaced after line 4 was written"},
		{"garbage", func(l []string) []string { l[4] = "hello\n"; return l }, 5, "line 5 is not a sealed ledger record"},
		{"emptied", func([]string) []string { return nil }, 1, "the ledger is empty"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := fill(t, 5)
			os.WriteFile(p, []byte(strings.Join(c.tamper(readLines(t, p)), "")), 0o644)
			v, err := Verify(p, Options{})
			if err != nil || v.Problem == nil {
				t.Fatalf("not detected: %+v %v", v, err)
			}
			if v.Problem.Line != c.line || !strings.Contains(v.Problem.What, c.says) {
				t.Errorf("got line %d %q; want line %d %q", v.Problem.Line, v.Problem.What, c.line, c.says)
			}
		})
	}
}

// reseal edits a line and recomputes its own sum, as a forger who read
// the format would: the next line's prev still gives it away.
func reseal(t *testing.T, line, old, new string) string {
	t.Helper()
	rec, err := unseal([]byte(strings.TrimSuffix(line, "\n")))
	if err != nil {
		t.Fatal(err)
	}
	b, _ := seal(rec)
	edited, err := unseal(bytes.TrimSuffix([]byte(strings.Replace(string(b), old, new, 1)), []byte("\n")))
	if !errors.Is(err, errEdited) {
		t.Fatalf("edit not made: %v", err)
	}
	out, _ := seal(edited)
	return string(out)
}

// TestHeadCatchesARewrittenEnd: dropping the last line leaves a valid
// chain; the head written down earlier is what reveals it.
func TestHeadCatchesARewrittenEnd(t *testing.T) {
	p := fill(t, 4)
	v, _ := Verify(p, Options{})
	lines := readLines(t, p)
	os.WriteFile(p, []byte(strings.Join(lines[:len(lines)-1], "")), 0o644)
	if w, _ := Verify(p, Options{Head: v.Head[:16]}); w.Problem == nil || !strings.Contains(w.Problem.What, "rewritten") {
		t.Errorf("a dropped last line went unnoticed: %+v", w.Problem)
	}
	if w, _ := Verify(p, Options{Head: strings.TrimSpace(lines[2][len(lines[2])-67 : len(lines[2])-3])}); w.Problem != nil {
		t.Errorf("an older head still in the ledger: %v", w.Problem)
	}
}

func TestOpenRefuses(t *testing.T) {
	dir := t.TempDir()
	old := filepath.Join(dir, "audit.jsonl")
	os.WriteFile(old, []byte(`{"time":"2026-01-01T00:00:00Z","operator":"x","input":"a.jpg","status":"ok"}`+"\n"), 0o644)
	if _, err := Open(old); err == nil || !strings.Contains(err.Error(), "not a Belgi ledger") {
		t.Errorf("an old audit log: %v", err)
	}
	cut := fill(t, 2)
	b, _ := os.ReadFile(cut)
	os.WriteFile(cut, b[:len(b)-10], 0o644)
	if _, err := Open(cut); !errors.Is(err, ErrIncomplete) {
		t.Errorf("a cut-off ledger: %v", err)
	}
	if _, err := Open(filepath.Join(dir, "no", "such", "dir", "l.jsonl")); err == nil {
		t.Error("a ledger in a missing folder opened")
	}
}

// FuzzVerify: no input makes Verify panic, and an intact chain read
// from any ledger the fuzzer finds stays intact when read again.
func FuzzVerify(f *testing.F) {
	p := fill(f, 3)
	good, _ := os.ReadFile(p)
	f.Add(good)
	f.Add(good[:len(good)-5])
	f.Add([]byte("{}\n"))
	f.Add([]byte(`{"seq":0,"format":"belgi-ledger","version":1,"prev":"","sum":"00"}` + "\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		v, err := verify(bytes.NewReader(data), Options{})
		if err != nil {
			t.Fatal(err)
		}
		if v.Problem == nil && (v.Lines == 0 || v.Records != v.Lines-1) {
			t.Errorf("intact, but %d lines and %d records", v.Lines, v.Records)
		}
	})
}
