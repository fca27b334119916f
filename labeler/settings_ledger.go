package labeler

import (
	"math"
	"regexp"
)

// ledgerSettings: who is recorded as labeling, where the record goes,
// and how much memory a batch may plan to use.
func ledgerSettings() []Setting {
	return []Setting{{
		Name: "operator", Section: SectionOutput, Pref: "ledger.operator", Value: field(func(s *Spec) *string { return &s.Ledger.Operator }),
		MaxLen: MaxOperator, Pattern: regexp.MustCompile(`^[^\x00-\x1f\x7f]*$`), PatternDoc: "a name on one line, without tabs", Sample: "Aigerim Sadykova",
		Help: Help{En: "Who is recorded in the ledger as labeling; empty: the login name.",
			Kk: "Журналға таңбалаушы ретінде жазылатын адам; бос болса — жүйедегі пайдаланушы аты.",
			Ru: "Кто записывается в журнал как выполнивший маркировку; если пусто — имя пользователя в системе."},
	}, {
		Name: "ledger-beside", Section: SectionOutput, Pref: "ledger.besideOutput", Value: field(func(s *Spec) *bool { return &s.Ledger.BesideOutput }),
		Help: Help{En: "Also keep a ledger (" + LedgerFileName + ") in each batch's output folder.",
			Kk: "Әр топтаманың нәтиже қалтасында да журнал (" + LedgerFileName + ") жүргізу.",
			Ru: "Вести журнал (" + LedgerFileName + ") ещё и в папке результатов каждого пакета."},
	}, {
		Name: "max-memory", Section: SectionOutput, Pref: "output.memoryBudgetMB", Value: field(func(s *Spec) *int { return &s.MemoryBudgetMB }),
		Unit: "MiB", Range: &Range{Min: MinMemoryBudgetMB, Max: math.Inf(1), OrZero: true}, Step: 64,
		Help: Help{En: "Memory a batch may use: files wait rather than swap, and a file that alone needs more is refused (0: half the RAM).",
			Kk: "Топтама пайдалана алатын жады: файлдар своп орнына кезек күтеді, жалғыз өзі көбірек қажет ететін файл қабылданбайды (0 — жедел жадының жартысы).",
			Ru: "Сколько памяти может занять пакет: файлы ждут очереди вместо подкачки, а файл, которому одному нужно больше, отклоняется (0 — половина ОЗУ)."},
	}}
}
