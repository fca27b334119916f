# Belgi — labels AI-made media for publication.
# `make demo` labels generated sample media headlessly; `make test` runs
# every check CI runs. Both install missing system packages first.

GO        ?= go
OUT       ?= out
BIN       := bin
CLI       := $(BIN)/belgi-cli

.PHONY: all deps-media deps-desktop deps-test cli demo test lint unit clean

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

test: deps-test lint cli unit

clean:
	rm -rf $(BIN) $(OUT)
