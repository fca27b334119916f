//go:build (linux || darwin) && (amd64 || arm64)

package libheif

import (
	"errors"
	"fmt"
	"os/exec"
	"runtime"
	"syscall"
	"unsafe"

	"github.com/ebitengine/purego"
)

// ownGroup puts the child in a process group of its own, as Belgi does
// with ffmpeg: Ctrl-C in a terminal then reaches only Belgi, which cancels
// its work in order, rather than killing the decoder under a job that
// would fall back to the slow decoder on the way out.
func ownGroup(cmd *exec.Cmd) { cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true} }

// libheif's enums (heif.h), stable since 1.0.
const (
	colorspaceRGB      = 1
	chromaRGBA         = 11 // heif_chroma_interleaved_RGBA, 8 bits a sample
	channelInterleaved = 10
	compressionHEVC    = 1 // heif_compression_HEVC
)

// names are where each system keeps libheif 1.x: Debian and Ubuntu ship
// only the versioned name unless libheif-dev is installed; Homebrew's
// folders are not on macOS's default search path.
func names() []string {
	if runtime.GOOS == "darwin" {
		return []string{"libheif.1.dylib", "/opt/homebrew/lib/libheif.1.dylib", "/usr/local/lib/libheif.1.dylib"}
	}
	return []string{"libheif.so.1", "libheif.so"}
}

// library holds the functions Belgi calls. Those returning struct
// heif_error go through SyscallN, whose two result registers are exactly
// that 16-byte struct on amd64 and arm64 (code and subcode, then the
// message); purego's typed functions return structs only on macOS.
type library struct {
	readFromMemory, primaryHandle, decodeImage uintptr

	getVersion      func() string
	contextAlloc    func() uintptr
	contextFree     func(uintptr)
	handleRelease   func(uintptr)
	imageRelease    func(uintptr)
	hasAlpha        func(uintptr) int32
	isPremultiplied func(uintptr) int32 // nil before 1.12
	setThreads      func(uintptr, int32)
	imageWidth      func(uintptr, int32) int32
	imageHeight     func(uintptr, int32) int32
	planeReadonly   func(uintptr, int32, *int32) *byte
}

// load opens the first libheif found and resolves every function, so a
// library too old or half-installed is refused here, not mid-decode.
func load() (lib *library, err error) {
	defer func() {
		if r := recover(); r != nil { // purego panics on a missing symbol
			lib, err = nil, fmt.Errorf("%w: %v", ErrUnavailable, r)
		}
	}()
	var h uintptr
	for _, name := range names() {
		if h, err = purego.Dlopen(name, purego.RTLD_NOW|purego.RTLD_LOCAL); err == nil {
			break
		}
	}
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrUnavailable, err)
	}
	lib = &library{}
	for _, s := range []struct {
		fn   *uintptr
		name string
	}{
		{&lib.readFromMemory, "heif_context_read_from_memory_without_copy"},
		{&lib.primaryHandle, "heif_context_get_primary_image_handle"},
		{&lib.decodeImage, "heif_decode_image"},
	} {
		if *s.fn, err = purego.Dlsym(h, s.name); err != nil {
			return nil, fmt.Errorf("%w: %v", ErrUnavailable, err)
		}
	}
	purego.RegisterLibFunc(&lib.getVersion, h, "heif_get_version")
	purego.RegisterLibFunc(&lib.contextAlloc, h, "heif_context_alloc")
	purego.RegisterLibFunc(&lib.contextFree, h, "heif_context_free")
	purego.RegisterLibFunc(&lib.handleRelease, h, "heif_image_handle_release")
	purego.RegisterLibFunc(&lib.imageRelease, h, "heif_image_release")
	purego.RegisterLibFunc(&lib.hasAlpha, h, "heif_image_handle_has_alpha_channel")
	purego.RegisterLibFunc(&lib.imageWidth, h, "heif_image_get_width")
	purego.RegisterLibFunc(&lib.imageHeight, h, "heif_image_get_height")
	purego.RegisterLibFunc(&lib.planeReadonly, h, "heif_image_get_plane_readonly")
	purego.RegisterLibFunc(&lib.setThreads, h, "heif_context_set_max_decoding_threads")
	if _, err := purego.Dlsym(h, "heif_image_handle_is_premultiplied_alpha"); err == nil {
		purego.RegisterLibFunc(&lib.isPremultiplied, h, "heif_image_handle_is_premultiplied_alpha")
	}
	// From 1.14 codecs may be plugins, loaded by heif_init; older
	// libraries have them built in and no heif_init to call.
	if fn, err := purego.Dlsym(h, "heif_init"); err == nil {
		if err := heifError(purego.SyscallN(fn, 0)); err != nil {
			return nil, fmt.Errorf("%w: heif_init: %v", ErrUnavailable, err)
		}
	}
	var haveDecoder func(int32) int32
	purego.RegisterLibFunc(&haveDecoder, h, "heif_have_decoder_for_format")
	if haveDecoder(compressionHEVC) == 0 {
		return nil, fmt.Errorf("%w: libheif %s has no HEVC decoder (install libheif-plugin-libde265)", ErrUnavailable, lib.version())
	}
	return lib, nil
}

func (l *library) version() string { return l.getVersion() }

// decode decodes data's primary picture to RGBA and hands it to emit
// while the library still holds its pixels.
func (l *library) decode(data []byte, emit func(picture) error) error {
	if len(data) == 0 {
		return errors.New("the file is empty")
	}
	ctx := l.contextAlloc()
	if ctx == 0 {
		return errors.New("libheif could not allocate a context")
	}
	defer l.contextFree(ctx)
	l.setThreads(ctx, int32(runtime.NumCPU()))
	err := heifError(purego.SyscallN(l.readFromMemory, ctx, uintptr(unsafe.Pointer(&data[0])), uintptr(len(data)), 0))
	if err != nil {
		return err
	}
	var handle uintptr
	if err := heifError(purego.SyscallN(l.primaryHandle, ctx, uintptr(unsafe.Pointer(&handle)))); err != nil {
		return err
	}
	defer l.handleRelease(handle)
	p := picture{alpha: l.hasAlpha(handle) != 0}
	p.premultiplied = p.alpha && l.isPremultiplied != nil && l.isPremultiplied(handle) != 0
	var img uintptr
	// No decoding options: libheif applies the file's rotation, mirror and crop.
	if err := heifError(purego.SyscallN(l.decodeImage, handle, uintptr(unsafe.Pointer(&img)), colorspaceRGB, chromaRGBA, 0)); err != nil {
		return err
	}
	defer l.imageRelease(img)
	var stride int32
	plane := l.planeReadonly(img, channelInterleaved, &stride)
	p.width, p.height = int(l.imageWidth(img, channelInterleaved)), int(l.imageHeight(img, channelInterleaved))
	if plane == nil || p.width <= 0 || p.height <= 0 || int(stride) < 4*p.width {
		return fmt.Errorf("libheif gave no usable picture (%d×%d, stride %d)", p.width, p.height, stride)
	}
	pix := unsafe.Slice(plane, int(stride)*(p.height-1)+4*p.width)
	p.row = func(y int) []byte { return pix[y*int(stride) : y*int(stride)+4*p.width] }
	err = emit(p)
	runtime.KeepAlive(data) // the context reads data without copying it
	return err
}

// heifError turns SyscallN's result registers into struct heif_error's
// verdict: code 0 is success; otherwise the message names the problem.
func heifError(r1, r2, _ uintptr) error {
	code, sub := uint32(r1), uint32(r1>>32)
	if code == 0 {
		return nil
	}
	return fmt.Errorf("libheif: %s (error %d.%d)", cString(r2), code, sub)
}

// cString copies a C string that libheif owns (a static message).
func cString(p uintptr) string {
	if p == 0 {
		return "no message"
	}
	// C memory, not Go's: the collector neither moves nor frees it, which
	// is what vet's uintptr-to-pointer check is about.
	ptr := *(*unsafe.Pointer)(unsafe.Pointer(&p))
	b := unsafe.Slice((*byte)(ptr), 256)
	for i, c := range b {
		if c == 0 {
			return string(b[:i])
		}
	}
	return string(b)
}
