package render

import (
	"math"

	"github.com/belgi-kz/belgi/labeler"
	"golang.org/x/image/font"
)

// The compact label is a two-part badge: a chip with the AI acronym
// (one row per language: ЖИ over ИИ) flush with the box's left edge, and
// beside it the word that reads on from it (жасаған, создано). Its
// proportions, in cap heights c, are what keeps a kk+ru label at 5 % cap
// height within 9 % of a square frame and 7 % of a 3:2 one:
const (
	compactV      = 0.42 // box edge to cap top, and baseline to box edge
	compactPitch  = 1.48 // baseline to baseline of the rows
	personPitch   = 1.62 // to a sentence line, which has ascenders and descenders
	chipPad       = 0.42 // each side of the acronym inside the chip
	wordGap       = 0.45 // chip to word
	compactPad    = 0.5  // box edge to text where there is no chip
	compactRadius = 0.36
)

// compactMetrics are the lengths of a compact or mark layout, in pixels.
type compactMetrics struct {
	c            float64 // cap height
	chipW, chipH float64 // the chip; chipW is 0 without one
	wordX        float64 // where the words start
	w, h         float64 // the box
	rows         int     // chip rows
}

func (m compactMetrics) size() (float64, float64) { return math.Ceil(m.w), math.Ceil(m.h) }

// baseline is the y of row i's baseline (rows first, then person lines).
func (m compactMetrics) baseline(i int) float64 {
	if i < m.rows {
		return m.c*(compactV+1) + float64(i)*m.c*compactPitch
	}
	return m.baseline(m.rows-1) + float64(i-m.rows+1)*m.c*personPitch
}

func (m compactMetrics) scaled(f float64) compactMetrics {
	m.c, m.chipW, m.chipH, m.wordX, m.w, m.h = m.c*f, m.chipW*f, m.chipH*f, m.wordX*f, m.w*f, m.h*f
	return m
}

func (l *Layout) isCompact() bool {
	return l.Style == labeler.StyleCompact || l.Style == labeler.StyleMark
}

// fitCompact lays the compact (or mark) label out at cap height c.
func (l *Layout) fitCompact(c, maxW, maxH float64) (bool, error) {
	face, err := noto.face(c)
	if err != nil {
		return false, err
	}
	defer face.Close()
	l.Cap = c
	l.Marks, l.Lines, l.Person = l.compactRows()
	m := compactMetrics{c: c, rows: max(len(l.Marks), len(l.Lines))}
	if len(l.Marks) > 0 {
		m.chipW = widest(face, l.Marks) + 2*chipPad*c
		m.wordX = m.chipW + wordGap*c
	} else {
		m.wordX = compactPad * c
	}
	m.w = m.chipW
	if len(l.Lines) > 0 {
		m.w = m.wordX + widest(face, l.Lines) + compactPad*c
	}
	m.chipH = m.baseline(m.rows-1) + compactV*c
	if len(l.Person) > 0 {
		person, pw, ok := wrap(face, l.Person, maxW-2*compactPad*c, 0)
		if !ok {
			return false, nil
		}
		l.Person, m.w = person, math.Max(m.w, pw+2*compactPad*c)
	}
	m.h = m.baseline(m.rows+len(l.Person)-1) + compactV*c
	l.compact = m
	w, h := m.size()
	return w <= maxW && h <= maxH, nil
}

// compactRows are the chip's acronyms, the words beside them and the
// real-person lines under them. The mark style has the joint mark alone;
// without a chip each language writes its whole phrase.
func (l *Layout) compactRows() (marks, words, person []string) {
	if l.Style == labeler.StyleMark {
		if l.markText != "" {
			return []string{l.markText}, nil, nil
		}
		return []string{l.spec.Mark()}, nil, nil
	}
	for _, r := range l.spec.Short() {
		if l.spec.ShowMark {
			marks, words = append(marks, r.Mark), append(words, r.Word)
		} else {
			words = append(words, r.Phrase)
		}
	}
	return marks, words, l.spec.ShortPerson()
}

func widest(face font.Face, ss []string) float64 {
	w := 0.0
	for _, s := range ss {
		w = math.Max(w, textWidth(face, s))
	}
	return w
}
