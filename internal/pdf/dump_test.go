package pdf

import (
	"os"
	"testing"
)

func TestDumpFixtures(t *testing.T) {
	dir := os.Getenv("DUMP")
	if dir == "" {
		t.Skip()
	}
	for _, tc := range labelCases() {
		os.WriteFile(dir+"/"+tc.name+".pdf", tc.data, 0o644)
	}
}
