package labeler

import (
	"fmt"
	"strings"
	"unicode"
)

// LedgerSpec says how batches are recorded in the ledger, the record
// that proves what was labeled, when, how and by whom.
type LedgerSpec struct {
	// Operator is the person recorded as labeling; empty means the login
	// name of the account Belgi runs under.
	Operator string
	// BesideOutput also keeps a ledger in each batch's output folder, to
	// travel with the labeled copies (the app keeps its own ledger always).
	BesideOutput bool
}

// MaxOperator is the longest operator name, in characters.
const MaxOperator = 100

func (l LedgerSpec) validate() error {
	if n := len([]rune(l.Operator)); n > MaxOperator {
		return fmt.Errorf("operator name is %d characters long: keep it under %d", n, MaxOperator)
	}
	if strings.IndexFunc(l.Operator, unicode.IsControl) >= 0 {
		return fmt.Errorf("operator name %q contains control characters (a line break or a tab)", l.Operator)
	}
	return nil
}
