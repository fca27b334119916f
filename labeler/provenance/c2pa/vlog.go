package c2pa

import "strings"

// Status kinds, as C2PA validation results group them.
const (
	kindSuccess = iota
	kindInfo
	kindFailure
)

// logged is one status as validation found it: its kind, and the
// ingredient assertion being checked when it was found ("" while the
// active manifest's own claim is checked), which decides whether it is
// the active manifest's or an ingredient delta (c2pa-rs does the same).
type logged struct {
	Status
	kind       int
	ingredient string
}

// vlog collects statuses in the order validation finds them.
type vlog struct {
	items      []logged
	ingredient string
}

func (l *vlog) put(kind int, code, url, why string) {
	l.items = append(l.items, logged{Status: Status{Code: code, URL: url, Explanation: why}, kind: kind, ingredient: l.ingredient})
}

func (l *vlog) ok(code, url, why string)   { l.put(kindSuccess, code, url, why) }
func (l *vlog) fail(code, url, why string) { l.put(kindFailure, code, url, why) }
func (l *vlog) note(code, url, why string) { l.put(kindInfo, code, url, why) }

// check logs pass or fail.
func (l *vlog) check(ok bool, pass, fail, url, why string) {
	if ok {
		l.ok(pass, url, "")
	} else {
		l.fail(fail, url, why)
	}
}

// add appends one logged status to results by its kind.
func (r *Results) addLogged(s logged) {
	switch s.kind {
	case kindSuccess:
		r.Success = append(r.Success, s.Status)
	case kindInfo:
		r.Informational = append(r.Informational, s.Status)
	default:
		r.Failure = append(r.Failure, s.Status)
	}
}

// about lists the statuses whose URL lies in the manifest labeled label.
func (l *vlog) about(label string) Results {
	var r Results
	prefix := "self#jumbf=/c2pa/" + label
	for _, s := range l.items {
		if s.URL == prefix || strings.HasPrefix(s.URL, prefix+"/") {
			r.addLogged(s)
		}
	}
	return r
}

// hasFailure reports whether code failed for the manifest labeled label.
func (r Results) has(code string) bool {
	for _, l := range [][]Status{r.Success, r.Informational, r.Failure} {
		for _, s := range l {
			if s.Code == code {
				return true
			}
		}
	}
	return false
}
