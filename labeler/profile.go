package labeler

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"strings"
)

// Profile is a rule set a label must satisfy. Profiles are data
// (profiles.json), so a new jurisdiction needs no code.
type Profile struct {
	Name  string `json:"name"`
	Title string `json:"title"`
	// MinSize is the smallest cap height allowed, % of the shorter side.
	MinSize float64 `json:"min_size"`
	// MinArea, when > 0, is the share of the frame (%) the label box must
	// cover at least.
	MinArea float64 `json:"min_area"`
	// VideoMinSeconds is how long a video badge must show at least
	// (0: on every frame).
	VideoMinSeconds float64 `json:"video_min_seconds"`
	// TC260 adds China's TC260 AIGC XMP field.
	TC260 bool `json:"tc260"`
}

//go:embed profiles.json
var profilesJSON []byte

// Profiles returns every known profile, kz first.
func Profiles() []Profile {
	var ps []Profile
	if err := json.Unmarshal(profilesJSON, &ps); err != nil {
		panic("labeler: profiles.json is broken: " + err.Error())
	}
	return ps
}

// LookupProfile finds a profile by name.
func LookupProfile(name string) (Profile, error) {
	var names []string
	for _, p := range Profiles() {
		if p.Name == name {
			return p, nil
		}
		names = append(names, p.Name)
	}
	return Profile{}, fmt.Errorf("unknown profile %q: use one of %s", name, strings.Join(names, ", "))
}
