// Package xmltree parses an XML document (or one element inside other
// bytes) with encoding/xml's tokenizer and records where each element
// and attribute lies in the source, so that callers can change a few
// elements by splicing bytes and keep everything else — namespace
// prefixes, attribute order and quoting, white space, comments — exactly
// as it was. encoding/xml's encoder cannot do that: it rewrites prefixes.
//
// Text is UTF-8; Decode and Encode convert UTF-16 parts (with a byte
// order mark) to UTF-8 and back, so a part keeps its encoding.
package xmltree
