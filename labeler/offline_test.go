package labeler_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// Belgi works offline: the only code in the core and its internals that
// may open a network connection is the optional RFC 3161 time-stamp
// client of the C2PA layer (off unless a TSA URL is set).
var mayConnect = []string{
	"labeler/provenance/c2pa/tsa*.go",
}

// network packages a file may not import unless it is in mayConnect.
var networkImports = map[string]bool{
	"net": true, "net/http": true, "net/http/httptrace": true, "net/http/httputil": true, "net/rpc": true,
	"net/smtp": true, "crypto/tls": true, "golang.org/x/net/http2": true, "golang.org/x/net/websocket": true,
}

// offlineHTTP is what net/http offers that opens nothing: sniffing a
// content type from bytes.
var offlineHTTP = map[string]bool{"DetectContentType": true}

// TestOnlyTheTSAMayConnect parses every non-test Go file under labeler/
// and internal/ and fails on an import of a network package, except
// net/http used only for DetectContentType, or a file allowed above.
func TestOnlyTheTSAMayConnect(t *testing.T) {
	checked := 0
	for _, root := range []string{".", "../internal"} {
		filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") || strings.Contains(path, "node_modules") {
				return err
			}
			checked++
			checkOffline(t, path)
			return nil
		})
	}
	if checked < 100 {
		t.Fatalf("only %d files checked: the walk went wrong", checked)
	}
}

func checkOffline(t *testing.T, path string) {
	root, _ := filepath.Abs("..")
	abs, _ := filepath.Abs(path)
	rel, _ := filepath.Rel(root, abs)
	rel = filepath.ToSlash(rel)
	for _, pattern := range mayConnect {
		if ok, _ := filepath.Match(pattern, rel); ok {
			return
		}
	}
	f, err := parser.ParseFile(token.NewFileSet(), path, nil, parser.SkipObjectResolution)
	if err != nil {
		t.Errorf("%s: %v", rel, err)
		return
	}
	for _, imp := range f.Imports {
		pkg, _ := strconv.Unquote(imp.Path.Value)
		if !networkImports[pkg] {
			continue
		}
		if pkg != "net/http" {
			t.Errorf("%s imports %s: only the TSA client may use the network", rel, pkg)
			continue
		}
		for _, use := range selectors(f, localName(imp, "http")) {
			if !offlineHTTP[use] {
				t.Errorf("%s uses http.%s: only the TSA client may use the network", rel, use)
			}
		}
	}
}

func localName(imp *ast.ImportSpec, def string) string {
	if imp.Name != nil {
		return imp.Name.Name
	}
	return def
}

// selectors lists the names used as pkg.Name in a file.
func selectors(f *ast.File, pkg string) []string {
	var names []string
	ast.Inspect(f, func(n ast.Node) bool {
		if sel, ok := n.(*ast.SelectorExpr); ok {
			if id, ok := sel.X.(*ast.Ident); ok && id.Name == pkg {
				names = append(names, sel.Sel.Name)
			}
		}
		return true
	})
	return names
}
