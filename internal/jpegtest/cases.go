package jpegtest

import "image"

// Sequential are baseline and extended files in every layout, with odd
// sizes so partial MCUs occur at the right and bottom edges.
var Sequential = []Fixture{
	{"stdlib 420 q90", Std(203, 117, 90, false)},
	{"stdlib 420 q50", Std(64, 48, 50, false)},
	{"stdlib gray", Std(150, 97, 85, true)},
	{"stdlib 1x1", Std(1, 1, 75, false)},
	{"jpegenc 444", Enc(131, 77, image.YCbCrSubsampleRatio444, 90, 0)},
	{"jpegenc 422 restart 1", Enc(131, 77, image.YCbCrSubsampleRatio422, 85, 1)},
	{"jpegenc 420 restart 7", Enc(131, 77, image.YCbCrSubsampleRatio420, 95, 7)},
	{"jpegenc 440", Enc(99, 130, image.YCbCrSubsampleRatio440, 80, 0)},
	{"jpegenc 411 restart 3", Enc(150, 41, image.YCbCrSubsampleRatio411, 90, 3)},
	{"jpegenc 410", Enc(150, 41, image.YCbCrSubsampleRatio410, 90, 0)},
	{"jpegenc q100 restart 2", Enc(40, 40, image.YCbCrSubsampleRatio444, 100, 2)},
	{"jpegenc q5", Enc(40, 40, image.YCbCrSubsampleRatio420, 5, 0)},
	{"jpegenc SOF1 16-bit tables", Wide(57, 41)},
	{"jpegenc gray restart 5", Gray(77, 66, 90, 5)},
	{"jpegenc CMYK", CMYK(61, 43, 90, 0)},
	{"jpegenc CMYK restart 2", CMYK(61, 43, 90, 2)},
	{"YCCK", YCCK(61, 43, 92)},
	{"magick baseline 422", Magick(90, 70, "-sampling-factor", "2x1")},
	{"cjpeg optimized 420", Cjpeg(181, 133, "-quality", "92", "-optimize")},
	{"cjpeg optimized 444 restart", Cjpeg(181, 133, "-sample", "1x1", "-optimize", "-restart", "2B")},
	{"cjpeg 422 restart 1 row", Cjpeg(230, 101, "-sample", "2x1", "-restart", "1")},
	{"cjpeg 411", Cjpeg(230, 101, "-sample", "4x1")},
	{"cjpeg 440", Cjpeg(101, 230, "-sample", "1x2")},
	{"cjpeg rgb", Cjpeg(95, 77, "-rgb")},
	{"cjpeg gray optimized", Cjpeg(95, 77, "-grayscale", "-optimize")},
	{"cjpeg one scan per component", Cjpeg(150, 90, "-scans", "0;\n1;\n2;\n")},
	{"cjpeg q100", Cjpeg(97, 61, "-quality", "100")},
}

// Progressive are SOF2 files with various scan scripts.
var Progressive = []Fixture{
	{"magick progressive", Magick(173, 95, "-quality", "90", "-interlace", "Plane")},
	{"magick progressive gray", Magick(90, 70, "-colorspace", "Gray", "-interlace", "Plane")},
	{"magick progressive 444", Magick(90, 70, "-sampling-factor", "1x1", "-interlace", "Plane")},
	{"cjpeg progressive", Cjpeg(181, 133, "-progressive")},
	{"cjpeg progressive restart", Cjpeg(181, 133, "-progressive", "-restart", "3B")},
	{"cjpeg progressive 422 q98", Cjpeg(150, 111, "-progressive", "-sample", "2x1", "-quality", "98")},
	{"cjpeg progressive gray", Cjpeg(99, 67, "-progressive", "-grayscale")},
}

// Unsupported are valid files the coefficient path refuses.
var Unsupported = []Fixture{
	{"cjpeg arithmetic", Cjpeg(64, 48, "-arithmetic")},
	{"cjpeg progressive arithmetic", Cjpeg(64, 48, "-arithmetic", "-progressive")},
}
