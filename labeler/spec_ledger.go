package labeler

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

// LedgerFileName is the ledger kept beside a batch's outputs.
const LedgerFileName = "belgi-ledger.jsonl"
