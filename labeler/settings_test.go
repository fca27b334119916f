package labeler_test

import (
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/belgi-kz/belgi/labeler"
)

func TestSettingsTableIsWellFormed(t *testing.T) {
	names, prefs := map[string]bool{}, map[string]bool{}
	for _, st := range labeler.Settings() {
		if st.Name == "" || names[st.Name] {
			t.Errorf("setting %q: empty or declared twice", st.Name)
		}
		names[st.Name] = true
		if st.Pref != "" && prefs[st.Pref] {
			t.Errorf("%s: preference key %q used twice", st.Name, st.Pref)
		}
		prefs[st.Pref] = true
		if st.Value == nil || !slices.Contains(labeler.Sections(), st.Section) {
			t.Errorf("%s: no Value or unknown section %q", st.Name, st.Section)
		}
		if st.Help.En == "" || st.Help.Kk == "" || st.Help.Ru == "" {
			t.Errorf("%s: help missing in a language: %+v", st.Name, st.Help)
		}
		if st.Via != "" {
			if via, ok := labeler.LookupSetting(strings.Fields(st.Via)[0]); !ok || !via.HasFlag() {
				t.Errorf("%s: set via %q, which is no flag", st.Name, st.Via)
			}
		}
	}
}

// The default is read from DefaultSpec, never restated: it must pass the
// setting's own rules, and Example must differ from it.
func TestSettingsDefaultsAndExamples(t *testing.T) {
	def := labeler.DefaultSpec()
	for _, st := range labeler.Settings() {
		if got, want := st.Default(), st.FlagValue().Text(&def); got != want {
			t.Errorf("%s: Default() %q, DefaultSpec holds %q", st.Name, got, want)
		}
		s := labeler.DefaultSpec()
		ex := st.Example()
		if err := st.Value.Set(&s, ex); err != nil {
			t.Errorf("%s: example %q: %v", st.Name, ex, err)
		}
		if got := st.Value.Text(&s); got != ex || ex == st.Value.Text(&def) {
			t.Errorf("%s: example %q reads back as %q (default %q)", st.Name, ex, got, st.Value.Text(&def))
		}
	}
	if err := def.Validate(); err != nil {
		t.Errorf("DefaultSpec is invalid:\n%v", err)
	}
}

// Every field of Spec is reached by some setting, so a field added
// without a table entry is caught here.
func TestEverySpecFieldHasASetting(t *testing.T) {
	reached := map[string]bool{}
	for _, st := range labeler.Settings() {
		s := labeler.DefaultSpec()
		if err := st.Value.Set(&s, st.Example()); err != nil {
			t.Fatal(err)
		}
		for _, f := range changedFields(reflect.ValueOf(labeler.DefaultSpec()), reflect.ValueOf(s), "") {
			reached[f] = true
		}
	}
	for _, f := range leafFields(reflect.TypeOf(labeler.Spec{}), "") {
		if !reached[f] {
			t.Errorf("Spec.%s has no setting in the table", f)
		}
	}
}

func leafFields(t reflect.Type, prefix string) []string {
	var out []string
	for f := range t.Fields() {
		if f.Tag.Get("setting") == "-" {
			continue // filled at run time, never a setting (a password)
		}
		if f.Type.Kind() == reflect.Struct {
			out = append(out, leafFields(f.Type, prefix+f.Name+".")...)
		} else {
			out = append(out, prefix+f.Name)
		}
	}
	return out
}

func changedFields(a, b reflect.Value, prefix string) []string {
	var out []string
	for i := range a.NumField() {
		name := prefix + a.Type().Field(i).Name
		switch fa, fb := a.Field(i), b.Field(i); {
		case fa.Kind() == reflect.Struct:
			out = append(out, changedFields(fa, fb, name+".")...)
		case !reflect.DeepEqual(fa.Interface(), fb.Interface()):
			out = append(out, name)
		}
	}
	return out
}

func TestEveryRuleHasMessagesInEveryLanguage(t *testing.T) {
	p := labeler.Problem{Min: 1, Max: 2, Unit: "s", Allowed: []string{"a"}, Profile: "kz", Value: "/x/y.pem", Length: 3}
	for _, r := range labeler.Rules() {
		p.Rule = r
		seen := map[string]labeler.Lang{}
		for _, l := range labeler.AllLangs() {
			m := p.Message(l)
			if m == "" || m == string(r) || strings.ContainsAny(m, "{}") {
				t.Errorf("%s in %s: %q", r, l, m)
			}
			if other, dup := seen[m]; dup && l != labeler.English {
				t.Errorf("%s: %s and %s read the same: %q", r, other, l, m)
			}
			seen[m] = l
		}
	}
}

func TestProblems(t *testing.T) {
	notDir := filepath.Join(t.TempDir(), "file")
	if err := os.WriteFile(notDir, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, c := range problemCases(notDir) {
		s := labeler.DefaultSpec()
		c.edit(&s)
		ps := s.Problems()
		if c.setting == "" {
			if len(ps) != 0 {
				t.Errorf("%s: unexpected %v", c.name, ps)
			}
			continue
		}
		got := ps.For(c.setting)
		if len(got) == 0 || got[0].Rule != c.rule {
			t.Errorf("%s: problems %+v, want %s breaking %s", c.name, ps, c.setting, c.rule)
			continue
		}
		if err := s.Validate(); err == nil || !strings.Contains(err.Error(), "-"+strings.Split(c.flag, " ")[0]) {
			t.Errorf("%s: Validate() = %v, want a line naming -%s", c.name, err, c.flag)
		}
		for _, p := range ps {
			if _, ok := labeler.LookupSetting(p.Setting); !ok {
				t.Errorf("%s: problem names no setting: %+v", c.name, p)
			}
		}
	}
}

// Whatever text a flag or a stored preference holds, Set either refuses
// it or takes it so that its Text reads back the same.
func FuzzSettingSet(f *testing.F) {
	for _, st := range labeler.Settings() {
		s := labeler.DefaultSpec()
		f.Add(st.Name, st.Example())
		f.Add(st.Name, st.FlagValue().Text(&s))
	}
	for _, seed := range []string{"", " 5 ", "NaN", "-Inf", "start:", "start:NaN", "kk,,RU, en", "1e400", "ä"} {
		f.Add("size", seed)
		f.Add("video-badge", seed)
		f.Add("lang", seed)
	}
	f.Fuzz(func(t *testing.T, name, text string) {
		st, ok := labeler.LookupSetting(name)
		if !ok {
			return
		}
		for _, v := range []labeler.Value{st.Value, st.FlagValue()} {
			s := labeler.DefaultSpec()
			if v.Set(&s, text) != nil {
				continue
			}
			once := v.Text(&s)
			if err := v.Set(&s, once); err != nil || v.Text(&s) != once {
				t.Errorf("%s: %q reads back as %q, then %q (%v)", name, text, once, v.Text(&s), err)
			}
			s.Problems() // must not panic on any value
		}
	})
}
