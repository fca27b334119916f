package main

import (
	"flag"
	"fmt"
	"strings"

	"github.com/belgi-kz/belgi/labeler"
)

// specFlags binds the flags every kind shares to a Spec. Kind-specific
// flags are bound by the kindFlags functions, each in its own file.
type specFlags struct {
	spec   labeler.Spec
	langs  string
	ai     string
	pos    string
	custom map[labeler.Lang]*string
}

// kindFlags lets each media kind add its own flags, each defined in the
// kind's own file (flags_audio.go, ...). Listed explicitly: no init().
var kindFlags = []func(fs *flag.FlagSet, spec *labeler.Spec){audioFlags, videoFlags, textFlags}

func newSpecFlags(fs *flag.FlagSet) *specFlags {
	f := &specFlags{spec: labeler.DefaultSpec(), custom: map[labeler.Lang]*string{}}
	s := &f.spec
	fs.StringVar(&s.Out.Dir, "out", "", "output folder (default: labeled/ beside each input)")
	fs.StringVar(&f.langs, "lang", "kk,ru", "label languages in order, from kk, ru, en")
	fs.StringVar(&f.ai, "ai", string(labeler.Generated), "AI involvement: generated or modified")
	fs.BoolVar(&s.RealPerson, "person", false, "add the line \"synthetic depiction of a real person\"")
	fs.StringVar(&f.pos, "position", string(labeler.BottomRight), "label position: "+positionList())
	fs.Float64Var(&s.Size, "size", s.Size, "cap height of the label text, % of the shorter side (2-25)")
	fs.Float64Var(&s.Margin, "margin", s.Margin, "distance from the edges, % of the shorter side")
	fs.Float64Var(&s.Box.Opacity, "opacity", s.Box.Opacity, "box opacity 0-1 (raised if needed for 4.5:1 contrast)")
	fs.StringVar(&s.Box.Color, "box-color", s.Box.Color, "box colour #RRGGBB (used with -auto-contrast=false)")
	fs.BoolVar(&s.Box.AutoContrast, "auto-contrast", s.Box.AutoContrast, "pick a dark or light box from the picture beneath")
	fs.BoolVar(&s.Badge, "badge", s.Badge, "show the short mark (ЖИ / ИИ / AI)")
	fs.StringVar(&s.Profile, "profile", s.Profile, "rule profile: kz, eu, cn, in-strict")
	fs.BoolVar(&s.Out.Overwrite, "overwrite", false, "replace existing outputs instead of skipping them")
	fs.BoolVar(&s.Out.Relabel, "relabel", false, "label files that already carry Belgi's label again")
	fs.Float64Var(&s.Image.MaxMegapixels, "max-mp", s.Image.MaxMegapixels, "refuse images larger than this many megapixels")
	fs.IntVar(&s.Image.JPEGQuality, "quality", 0, "JPEG quality 1-100 (default: keep the source's)")
	fs.BoolVar(&s.C2PA.Off, "no-c2pa", false, "leave out the C2PA manifest (XMP is always written)")
	fs.StringVar(&s.C2PA.Key, "c2pa-key", "", "PEM P-256 key to sign C2PA manifests (default: Belgi's development identity)")
	fs.StringVar(&s.C2PA.Chain, "c2pa-chain", "", "PEM certificate chain for -c2pa-key, leaf first")
	for _, l := range []labeler.Lang{labeler.Kazakh, labeler.Russian, labeler.English} {
		f.custom[l] = fs.String("text-"+string(l), "", "custom "+string(l)+" wording instead of the preset")
	}
	for _, bind := range kindFlags {
		bind(fs, s)
	}
	return f
}

// resolve finishes the spec after parsing and validates it.
func (f *specFlags) resolve() (labeler.Spec, error) {
	s := f.spec
	s.Langs = labeler.ParseLangs(f.langs)
	s.AI = labeler.Involvement(strings.ToLower(f.ai))
	s.Position = labeler.Position(strings.ToLower(f.pos))
	s.Custom = map[labeler.Lang]string{}
	for l, v := range f.custom {
		if *v != "" {
			s.Custom[l] = *v
		}
	}
	if err := s.Validate(); err != nil {
		return s, fmt.Errorf("invalid settings:\n  %s", strings.ReplaceAll(err.Error(), "\n", "\n  "))
	}
	return s, nil
}

func positionList() string {
	names := make([]string, len(labeler.Positions))
	for i, p := range labeler.Positions {
		names[i] = string(p)
	}
	return strings.Join(names, ", ")
}
