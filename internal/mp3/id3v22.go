package mp3

import (
	"fmt"
	"strings"
)

// v22IDs maps ID3v2.2's three-letter frame IDs to their v2.3 names.
var v22IDs = map[string]string{
	"BUF": "RBUF", "CNT": "PCNT", "COM": "COMM", "CRA": "AENC", "ETC": "ETCO", "EQU": "EQUA", "GEO": "GEOB",
	"IPL": "IPLS", "LNK": "LINK", "MCI": "MCDI", "MLL": "MLLT", "POP": "POPM", "REV": "RVRB", "RVA": "RVAD",
	"SLT": "SYLT", "STC": "SYTC", "TAL": "TALB", "TBP": "TBPM", "TCM": "TCOM", "TCO": "TCON", "TCR": "TCOP",
	"TDA": "TDAT", "TDY": "TDLY", "TEN": "TENC", "TFT": "TFLT", "TIM": "TIME", "TKE": "TKEY", "TLA": "TLAN",
	"TLE": "TLEN", "TMT": "TMED", "TOA": "TOPE", "TOF": "TOFN", "TOL": "TOLY", "TOR": "TORY", "TOT": "TOAL",
	"TP1": "TPE1", "TP2": "TPE2", "TP3": "TPE3", "TP4": "TPE4", "TPA": "TPOS", "TPB": "TPUB", "TRC": "TSRC",
	"TRD": "TRDA", "TRK": "TRCK", "TSI": "TSIZ", "TSS": "TSSE", "TT1": "TIT1", "TT2": "TIT2", "TT3": "TIT3",
	"TXT": "TEXT", "TXX": "TXXX", "TYE": "TYER", "UFI": "UFID", "ULT": "USLT", "WAF": "WOAF", "WAR": "WOAR",
	"WAS": "WOAS", "WCM": "WCOM", "WCP": "WCOP", "WPB": "WPUB", "WXX": "WXXX", "PIC": "APIC",
}

// parseV22 reads a v2.2 tag's frames (3-byte ID and size, no flags) and
// keeps them as v2.3 frames; PIC's image format becomes APIC's MIME type.
// Frames with no v2.3 counterpart are dropped: v2.3 can't hold them.
func (t *Tag) parseV22(body []byte, flags byte) error {
	t.Major = 3
	if flags&0x80 != 0 {
		body = unsync(body)
	}
	for len(body) >= 6 && body[0] != 0 {
		id := string(body[:3])
		n := int(body[3])<<16 | int(body[4])<<8 | int(body[5])
		if 6+n > len(body) {
			return fmt.Errorf("mp3: ID3v2.2 frame %q is damaged", id)
		}
		f := body[6 : 6+n]
		body = body[6+n:]
		v23 := v22IDs[id]
		if v23 == "" {
			continue
		}
		if id == "PIC" {
			if f = picToAPIC(f); f == nil {
				continue
			}
		}
		t.Frames = append(t.Frames, TagFrame{ID: v23, Body: append([]byte(nil), f...)})
	}
	return nil
}

// picToAPIC turns PIC's body (encoding, 3-letter format, type,
// description, data) into APIC's (encoding, MIME type, 0, type, ...).
func picToAPIC(b []byte) []byte {
	if len(b) < 5 {
		return nil
	}
	mime := "image/" + strings.ToLower(strings.TrimRight(string(b[1:4]), "\x00 "))
	if mime == "image/jpg" {
		mime = "image/jpeg"
	}
	out := append([]byte{b[0]}, mime...)
	out = append(out, 0)
	return append(out, b[4:]...)
}
