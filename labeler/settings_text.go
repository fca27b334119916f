package labeler

import "os"

// textSettings: text, subtitles and documents.
func textSettings() []Setting {
	return []Setting{{
		Name: "text-at-end", Section: SectionText, Value: field(func(s *Spec) *bool { return &s.Text.AtEnd }),
		Help: Help{En: "Also put the notice at the end of plain text and Markdown.",
			Kk: "Ескертуді қарапайым мәтін мен Markdown соңына да қою.",
			Ru: "Ставить предупреждение и в конец простого текста и Markdown."},
	}, {
		Name: "pdf-pages", Section: SectionText, Value: field(func(s *Spec) *string { return &s.Text.PDFPages }),
		Choices: []string{PDFFirst, PDFAll},
		Help: Help{En: "PDF pages that get the notice band: first or all.",
			Kk: "Ескерту жолағы қойылатын PDF беттері: first — біріншісі, all — барлығы.",
			Ru: "Страницы PDF с полосой предупреждения: first — первая, all — все."},
	}, {
		Name: "cue-seconds", Section: SectionText, Value: field(func(s *Spec) *float64 { return &s.Text.CueSeconds }),
		Unit: "s", Range: &Range{Min: 1, Max: 30},
		Help: Help{En: "How long the subtitle notice shows, from the start.",
			Kk: "Субтитрдегі ескерту басынан бастап қанша уақыт көрінеді.",
			Ru: "Сколько времени с начала показывается субтитр с предупреждением."},
	}}
}

// c2paSettings: who signs the Content Credentials.
func c2paSettings() []Setting {
	signs := func(s *Spec) bool { return !s.C2PA.Off }
	const pairDoc = "both -c2pa-key and -c2pa-chain or neither; the file must exist"
	return []Setting{{
		Name: "no-c2pa", Section: SectionC2PA, Pref: "c2pa.off", Value: field(func(s *Spec) *bool { return &s.C2PA.Off }),
		Help: Help{En: "Leave out the C2PA manifest (the XMP layer is always written).",
			Kk: "C2PA манифестін қоспау (XMP қабаты әрқашан жазылады).",
			Ru: "Не добавлять манифест C2PA (слой XMP пишется всегда)."},
	}, {
		Name: "c2pa-key", Section: SectionC2PA, Pref: "c2pa.key", Value: field(func(s *Spec) *string { return &s.C2PA.Key }),
		When: signs, Check: func(s *Spec) []Problem { return checkPEM(s.C2PA.Key, s.C2PA.Chain) }, CheckDoc: pairDoc,
		Help: Help{En: "PEM P-256 key that signs C2PA manifests (empty: Belgi's development identity, not for publication).",
			Kk: "C2PA манифестеріне қол қоятын PEM P-256 кілті (бос болса — Belgi-дің жариялауға арналмаған әзірлеу идентификациясы).",
			Ru: "Ключ PEM P-256 для подписи манифестов C2PA (пусто — тестовая подпись Belgi, не для публикации)."},
	}, {
		Name: "c2pa-chain", Section: SectionC2PA, Pref: "c2pa.chain", Value: field(func(s *Spec) *string { return &s.C2PA.Chain }),
		When: signs, Check: func(s *Spec) []Problem { return checkPEM(s.C2PA.Chain, s.C2PA.Key) }, CheckDoc: pairDoc,
		Help: Help{En: "PEM certificate chain for the key, the signer's certificate first.",
			Kk: "Кілтке арналған PEM сертификаттар тізбегі, алдымен қол қоюшының сертификаты.",
			Ru: "Цепочка сертификатов PEM для ключа, первым — сертификат подписывающего."},
	}}
}

// checkPEM: a key needs its chain and the other way round, and a chosen
// file must be there.
func checkPEM(path, other string) []Problem {
	switch {
	case path == "" && other != "":
		return []Problem{{Rule: RulePair}}
	case path == "":
		return nil
	}
	if _, err := os.Stat(path); err != nil {
		return []Problem{{Rule: RuleUnreadable}}
	}
	return nil
}
