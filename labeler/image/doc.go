// Package image is the media kind for raster pictures: JPEG, PNG, GIF
// (every frame of an animation), WebP, TIFF and BMP.
//
// A picture is decoded with a size check first (decompression bombs are
// refused from the header), the label from package render is composited
// only where it lies, and the picture is written back in its own format
// with everything the source carried: EXIF, the ICC profile (no silent
// conversion to sRGB), IPTC, existing XMP fields. JPEGs keep their own
// quantization tables and chroma subsampling. EXIF orientation is
// honoured by turning the label, not the pixels. The XMP packet is merged
// last, and the output is decoded again before it is accepted.
package image
