package c2pa

import (
	"io"
	"strings"
	"time"
)

// Options tune a validation.
type Options struct {
	// Trust lists the anchors that make a signer trusted; nil trusts
	// nobody (a manifest is then at best Valid).
	Trust *Trust
	// Now is when certificates without a trusted time-stamp must be
	// valid; zero means the current time.
	Now time.Time
	// storeAt is where the store lies in the asset (its container's
	// framing), when the container says: a data hash must leave out
	// exactly that place. Zero means unknown.
	storeAt int64
}

// Validation is the verdict on a manifest store, in the terms of the
// C2PA specification ("Validation"): the state of the active manifest,
// its statuses, and those of its ingredients' manifests that differ from
// what the ingredient assertions recorded (the ingredient deltas).
type Validation struct {
	// State is "Trusted", "Valid" or "Invalid".
	State string
	// Active is the active manifest's label.
	Active string
	// Results are the active manifest's statuses.
	Results Results
	// Deltas are statuses of ingredient manifests not already recorded
	// by the ingredient assertions, by ingredient assertion URI.
	Deltas []Delta
	// Manifests describe the active manifest and, depth first, the
	// manifests of its ingredients, each with the statuses about it.
	Manifests []ManifestInfo
	// BindingMatched: the active manifest's hard binding was re-computed
	// over the asset and matched.
	BindingMatched bool
	// Prerelease: the store predates C2PA 1.0 (its claim is JSON, or its
	// hashes cover assertion data alone); nothing else was checked.
	Prerelease bool
}

// Validation states.
const (
	StateTrusted = "Trusted"
	StateValid   = "Valid"
	StateInvalid = "Invalid"
)

// Delta is one ingredient's statuses that differ from those recorded.
type Delta struct {
	Ingredient string
	Results    Results
}

// Failures lists every failure code of the active manifest and of the
// deltas, without repeats, in the order found.
func (v Validation) Failures() []string {
	var out []string
	seen := map[string]bool{}
	add := func(ss []Status) {
		for _, s := range ss {
			if !seen[s.Code] {
				seen[s.Code] = true
				out = append(out, s.Code)
			}
		}
	}
	add(v.Results.Failure)
	for _, d := range v.Deltas {
		add(d.Results.Failure)
	}
	return out
}

// validator holds one validation's state.
type validator struct {
	store      *storeView
	storeAt    int64
	trust      *Trust
	now        time.Time
	log        vlog
	redactions []string
	visited    map[string]bool
	infos      []ManifestInfo
	// times are signing times other manifests' time-stamp assertions
	// vouch for, by manifest label.
	times map[string]time.Time
}

// Validate checks a manifest store found in an asset (asset nil: the
// hard binding is not checked) as a C2PA validator does: the active
// manifest's claim, signature, credential, time-stamp and assertions,
// its hard binding over the asset, then each ingredient's manifest,
// recursively.
func Validate(store []byte, asset io.ReaderAt, size int64, opt Options) (Validation, error) {
	sv, err := newStoreView(store)
	if err != nil {
		return Validation{}, err
	}
	v := &validator{store: sv, storeAt: opt.storeAt, trust: opt.Trust, now: opt.Now, visited: map[string]bool{}}
	if v.now.IsZero() {
		v.now = time.Now()
	}
	v.times = v.assertedTimes()
	act := sv.active()
	for _, r := range act.claim.Redacted {
		v.redactions = append(v.redactions, act.absolute(r))
	}
	v.visited[act.label] = true
	sig := v.claim(act, time.Time{})
	if act.prerelease {
		return Validation{Active: act.label, State: StateInvalid, Prerelease: true,
			Results: Results{Failure: []Status{{Code: "claim.malformed", URL: act.uri(""), Explanation: "a pre-release (before C2PA 1.0) manifest"}}}}, nil
	}
	if asset != nil && act.claimBytes != nil {
		v.binding(act, asset, size)
	}
	v.describe(act, 0, "", "", sig)
	v.ingredients(act, 1, sig.when)
	return v.result(act), nil
}

// claim checks one manifest's claim: its shape, signature, assertions
// and actions. The hard binding is checked for the active one only. A
// certificate without a trusted time-stamp must be valid at usedAt (the
// time the manifest that uses this one as an ingredient was signed), or
// now when that is zero.
func (v *validator) claim(m *manifest, usedAt time.Time) signed {
	switch {
	case m.prerelease:
		v.log.fail("claim.malformed", m.uri(""), "a pre-release (before C2PA 1.0) manifest")
		return signed{}
	case m.claimBytes == nil:
		v.log.fail("claim.missing", m.uri(""), "no readable claim")
		return signed{}
	}
	if !v.labelOK(m) {
		v.log.fail("claim.malformed", m.uri(""), "claim box label invalid")
	}
	var s signed
	if !m.sigFound || !strings.HasSuffix(m.claim.Signature, labelSignature) {
		v.log.fail("claimSignature.missing", m.uri(labelSignature), "")
	} else {
		s = v.signature(m, usedAt)
	}
	for _, ref := range m.claim.refs() {
		v.assertionRef(m, ref)
	}
	v.actions(m)
	return s
}

// labelOK checks a v2 manifest's label: urn:c2pa:UUID, optionally with
// a claim generator (≤ 32 printable characters) and a version_reason.
func (v *validator) labelOK(m *manifest) bool {
	if m.version < 2 {
		return true
	}
	parts := strings.Split(m.label, ":")
	if len(parts) < 3 || len(parts) > 5 || parts[0] != "urn" || parts[1] != "c2pa" {
		return false
	}
	if len(parts) > 3 && parts[3] != "" {
		g := parts[3]
		if len(g) > 32 || strings.ContainsAny(g, " \t\n") || strings.IndexFunc(g, func(r rune) bool { return r > 127 }) >= 0 {
			return false
		}
	}
	if len(parts) > 4 && parts[4] != "" {
		for _, n := range strings.SplitN(parts[4], "_", 2) {
			if strings.Trim(n, "0123456789") != "" || n == "" {
				return false
			}
		}
	}
	return true
}

// redacted reports whether an assertion URI is redacted by the claim
// being validated (or any manifest it relies on).
func (v *validator) redacted(abs string) bool {
	for _, r := range v.redactions {
		if r == abs {
			return true
		}
	}
	return false
}

// result assembles the verdict, as c2pa-rs words it: statuses logged
// while checking an ingredient are deltas, unless an ingredient
// assertion already recorded the same code for the same URL.
func (v *validator) result(act *manifest) Validation {
	for i := range v.infos {
		v.infos[i].Results = v.log.about(v.infos[i].Label)
	}
	out := Validation{Active: act.label, Manifests: v.infos}
	recorded := v.recorded()
	for _, s := range v.log.items {
		inActive := strings.HasPrefix(s.URL, act.uri("")+"/") || s.URL == act.uri("")
		if !inActive && recorded[statusKey(s)] {
			continue
		}
		if s.ingredient == "" {
			out.Results.addLogged(s)
		} else {
			out.delta(s)
		}
	}
	out.BindingMatched = out.Results.has("assertion.dataHash.match") || out.Results.has("assertion.bmffHash.match") ||
		out.Results.has("assertion.boxesHash.match")
	out.State = out.state()
	return out
}

func statusKey(s logged) string { return s.Code + "\x00" + s.URL + "\x00" + string(rune('0'+s.kind)) }

func (out *Validation) delta(s logged) {
	for i := range out.Deltas {
		if out.Deltas[i].Ingredient == s.ingredient {
			out.Deltas[i].Results.addLogged(s)
			return
		}
	}
	d := Delta{Ingredient: s.ingredient}
	d.Results.addLogged(s)
	out.Deltas = append(out.Deltas, d)
}

// state is C2PA's validation state: Valid when the signature validated
// and nothing failed but trust (of the signer or of an ingredient's);
// Trusted when, moreover, nothing failed at all and the signer is
// trusted.
func (out Validation) state() string {
	r := out.Results
	tolerated := func(ss []Status) bool {
		for _, s := range ss {
			if s.Code != "signingCredential.untrusted" {
				return false
			}
		}
		return true
	}
	valid := r.has("claimSignature.validated") && tolerated(r.Failure)
	clean := len(r.Failure) == 0
	for _, d := range out.Deltas {
		valid = valid && tolerated(d.Results.Failure)
		clean = clean && len(d.Results.Failure) == 0
	}
	switch {
	case valid && clean && r.has("signingCredential.trusted"):
		return StateTrusted
	case valid:
		return StateValid
	}
	return StateInvalid
}

// ValidateStore validates a store's active manifest against an asset
// and returns its statuses, trusting nobody (see Validate).
func ValidateStore(store []byte, asset io.ReaderAt, size int64) (Results, error) {
	v, err := Validate(store, asset, size, Options{})
	return v.Results, err
}
