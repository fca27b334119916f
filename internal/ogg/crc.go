package ogg

// crcTable is Ogg's CRC-32: polynomial 0x04C11DB7, shifted left (not
// reflected), initial value 0, no final XOR.
var crcTable = func() [256]uint32 {
	var t [256]uint32
	for i := range t {
		r := uint32(i) << 24
		for range 8 {
			if r&0x80000000 != 0 {
				r = r<<1 ^ 0x04C11DB7
			} else {
				r <<= 1
			}
		}
		t[i] = r
	}
	return t
}()

// crc is the checksum of a page whose CRC field is zero.
func crc(b []byte) uint32 {
	var c uint32
	for _, v := range b {
		c = c<<8 ^ crcTable[byte(c>>24)^v]
	}
	return c
}
