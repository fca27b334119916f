// Package ebml reads the structure of Matroska and WebM files (EBML:
// variable-length IDs and sizes) by walking elements by their sizes. It
// answers the questions labeling asks of a file before ffmpeg sees it:
// which document type it declares (matroska or webm), and whether its
// segment and clusters are all present or the file was cut short.
package ebml
