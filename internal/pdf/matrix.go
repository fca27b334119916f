package pdf

import "math"

// matrix is a PDF transformation [a b c d e f]: a point (x, y) maps to
// (a·x + c·y + e, b·x + d·y + f).
type matrix [6]float64

var identity = matrix{1, 0, 0, 1, 0, 0}

// then is m followed by n (the product m × n, as "cm" composes).
func (m matrix) then(n matrix) matrix {
	return matrix{
		m[0]*n[0] + m[1]*n[2], m[0]*n[1] + m[1]*n[3],
		m[2]*n[0] + m[3]*n[2], m[2]*n[1] + m[3]*n[3],
		m[4]*n[0] + m[5]*n[2] + n[4], m[4]*n[1] + m[5]*n[3] + n[5],
	}
}

func (m matrix) apply(x, y float64) (float64, float64) {
	return m[0]*x + m[2]*y + m[4], m[1]*x + m[3]*y + m[5]
}

// invert returns the inverse of m; ok is false for a singular matrix.
func (m matrix) invert() (matrix, bool) {
	det := m[0]*m[3] - m[1]*m[2]
	if math.Abs(det) < 1e-12 {
		return matrix{}, false
	}
	a, b, c, d := m[3]/det, -m[1]/det, -m[2]/det, m[0]/det
	return matrix{a, b, c, d, -(m[4]*a + m[5]*c), -(m[4]*b + m[5]*d)}, true
}

// scale is how much m enlarges a length at most.
func (m matrix) scale() float64 {
	return max(math.Hypot(m[0], m[1]), math.Hypot(m[2], m[3]))
}

func matrixOf(args []Object) (matrix, bool) {
	var m matrix
	if len(args) != 6 {
		return m, false
	}
	for i, a := range args {
		v, ok := number(a)
		if !ok {
			return m, false
		}
		m[i] = v
	}
	return m, true
}

// box is a bounding box; empty until a point is added.
type box struct {
	x0, y0, x1, y1 float64
	set            bool
}

func (b *box) add(x, y float64) {
	if math.IsNaN(x) || math.IsNaN(y) {
		return
	}
	if !b.set {
		*b = box{x, y, x, y, true}
		return
	}
	b.x0, b.y0, b.x1, b.y1 = min(b.x0, x), min(b.y0, y), max(b.x1, x), max(b.y1, y)
}

func (b *box) union(o box) {
	if o.set {
		b.add(o.x0, o.y0)
		b.add(o.x1, o.y1)
	}
}

// addRect adds the rectangle (x0,y0)-(x1,y1) as m maps it.
func (b *box) addRect(m matrix, x0, y0, x1, y1 float64) {
	for _, p := range [4][2]float64{{x0, y0}, {x1, y0}, {x0, y1}, {x1, y1}} {
		b.add(m.apply(p[0], p[1]))
	}
}

// grow enlarges b by d on every side.
func (b box) grow(d float64) box {
	if b.set {
		b.x0, b.y0, b.x1, b.y1 = b.x0-d, b.y0-d, b.x1+d, b.y1+d
	}
	return b
}

// clip intersects b with c (an unset c clips nothing).
func (b box) clip(c box) box {
	if !b.set || !c.set {
		return b
	}
	b.x0, b.y0, b.x1, b.y1 = max(b.x0, c.x0), max(b.y0, c.y0), min(b.x1, c.x1), min(b.y1, c.y1)
	if b.x0 > b.x1 || b.y0 > b.y1 {
		return box{}
	}
	return b
}
