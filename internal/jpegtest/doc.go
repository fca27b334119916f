// Package jpegtest builds JPEG fixtures of every variant the JPEG
// packages must handle (subsampling layouts, restart intervals, 16-bit
// tables, gray, CMYK, YCCK, RGB, optimised tables, progressive and
// multi-scan files), for their tests and fuzz seeds. Fixtures are built
// on demand; one whose tool (libjpeg-turbo's cjpeg, ImageMagick) is
// missing returns nil, and the caller skips it.
package jpegtest
