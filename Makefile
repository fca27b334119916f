# Belgi — labels AI-made media for publication.
# `make run` builds and opens the desktop app (ARGS="photo.jpg folder/"
# adds files); `make demo` labels generated sample media headlessly;
# `make test` runs every check CI runs. All install missing system
# packages first.

GO        ?= go
OUT       ?= out
BIN       := bin
CLI       := $(BIN)/belgi-cli
APP       := $(BIN)/belgi
ARGS      ?=

.PHONY: all deps-media deps-desktop deps-test deps-docs cli app run package smoke screenshot screenshot-history gallery demo test lint unit realworld fuzz clean c2pa-verifier

all: cli

deps-media:
	@scripts/deps.sh media
deps-desktop:
	@scripts/deps.sh desktop
deps-test:
	@scripts/deps.sh test
deps-docs:
	@scripts/deps.sh docs

# The CLI never needs cgo: it must build anywhere Go does.
cli:
	CGO_ENABLED=0 $(GO) build -o $(CLI) ./cmd/belgi-cli

# The desktop app (cgo: GLFW/OpenGL and GTK for native file dialogs).
app: deps-desktop
	$(GO) build -o $(APP) .

run: app
	$(APP) $(ARGS)

# A Linux tarball (binary `belgi`, .desktop entry, icon) made by the fyne
# tool; scripts/package.sh keeps FyneApp.toml unchanged in the work tree.
package: deps-desktop
	@scripts/package.sh $(OUT)

# The real window under Xvfb: starts, shows a preview, quits cleanly.
smoke: deps-test app
	@scripts/smoke.sh $(APP)

# docs/screenshot.png for the README, from the real app under Xvfb.
screenshot: deps-test app
	@scripts/screenshot.sh $(APP) docs/screenshot.png

# docs/gallery.png for the README: the label in every style and profile on
# 3:2, 2:3, 1:1 and 16:9 frames cropped at run time from real photographs
# in $(REALWORLD)/images (never copied here; without them, sample scenes).
gallery:
	$(GO) run ./internal/gallery -o docs/gallery.png -photos "$(REALWORLD)/images"

# docs/history.png (the History window) and docs/report.png (its report).
screenshot-history: deps-docs app cli
	@scripts/screenshot-history.sh $(APP) $(CLI)

demo: deps-media cli
	@scripts/demo.sh $(CLI) $(OUT)

lint:
	$(GO) vet ./...
	@test -z "$$(gofmt -l $$(git ls-files '*.go'))" || { gofmt -l $$(git ls-files '*.go'); echo "gofmt: the files above need formatting"; exit 1; }
	$(GO) tool staticcheck ./...

unit:
	$(GO) test -race -timeout 20m ./...

# Every file of the real-world corpus (../shared/realworld, never copied
# here) labeled by the CLI and held to testdata/realworld.tsv; outputs are
# read back with exiftool, djpeg, ImageMagick, ffmpeg, poppler, qpdf, unzip.
REALWORLD ?= ../shared/realworld
realworld:
	@if [ -f "$(REALWORLD)/manifest.tsv" ]; then \
	  BELGI_REALWORLD="$$(cd "$(REALWORLD)" && pwd)" $(GO) test -tags realworld -count=1 -timeout 30m \
	    -run 'Corpus|RealWorld' ./internal/realworld/ ./labeler/image/; \
	else echo "realworld: $(REALWORLD) not found, so the real-world corpus was not checked"; fi

# Each fuzz target for a few seconds (FUZZTIME=3s).
fuzz:
	@scripts/fuzz.sh

test: deps-test lint cli c2pa-verifier unit realworld fuzz smoke

# The reference C2PA implementation (c2pa-rs as WASM) for the c2pa tests.
C2PA_VERIFY := labeler/provenance/c2pa/verify
c2pa-verifier:
	cd $(C2PA_VERIFY) && npm install --no-audit --no-fund

clean:
	rm -rf $(BIN) $(OUT)
