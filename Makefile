# Belgi — labels AI-made media for publication.
# `make demo` labels generated sample media headlessly; `make test` runs
# every check CI runs. Both install missing system packages first.

GO        ?= go
OUT       ?= out
BIN       := bin
CLI       := $(BIN)/belgi-cli

.PHONY: all deps-media deps-desktop deps-test cli demo test lint unit clean c2pa-verifier

all: cli

deps-media:
	@scripts/deps.sh media
deps-desktop:
	@scripts/deps.sh desktop
deps-test:
	@scripts/deps.sh test

# The CLI never needs cgo: it must build anywhere Go does.
cli:
	CGO_ENABLED=0 $(GO) build -o $(CLI) ./cmd/belgi-cli

demo: deps-media cli
	@scripts/demo.sh $(CLI) $(OUT)

lint:
	$(GO) vet ./...
	@test -z "$$(gofmt -l $$(git ls-files '*.go'))" || { gofmt -l $$(git ls-files '*.go'); echo "gofmt: the files above need formatting"; exit 1; }
	$(GO) tool staticcheck ./...

unit:
	$(GO) test -race -timeout 20m ./...

test: deps-test lint cli c2pa-verifier unit

# The reference C2PA implementation (c2pa-rs as WASM) for the c2pa tests.
C2PA_VERIFY := labeler/provenance/c2pa/verify
c2pa-verifier:
	cd $(C2PA_VERIFY) && npm install --no-audit --no-fund

clean:
	rm -rf $(BIN) $(OUT)
