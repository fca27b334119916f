package labeler

import (
	"os"
	"regexp"
)

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
	}, {
		Name: "c2pa-pkcs12", Section: SectionC2PA, Pref: "c2pa.pkcs12", Value: field(func(s *Spec) *string { return &s.C2PA.PKCS12 }),
		When: signs, Check: checkPKCS12, CheckDoc: "the file must exist; not together with -c2pa-key/-c2pa-chain",
		Help: Help{En: "PKCS#12 file (.p12/.pfx) holding the signing key and its certificate chain, as certificate authorities issue them; its password comes from the environment variable named by -c2pa-password-env.",
			Kk: "Қол қою кілті мен сертификаттар тізбегі бар PKCS#12 файлы (.p12/.pfx), куәландырушы орталықтар беретіндей; құпиясөзі -c2pa-password-env атаған орта айнымалысында.",
			Ru: "Файл PKCS#12 (.p12/.pfx) с ключом подписи и цепочкой сертификатов, как их выдают удостоверяющие центры; пароль берётся из переменной окружения, названной в -c2pa-password-env."},
	}, {
		Name: "c2pa-password-env", Section: SectionC2PA, Value: field(func(s *Spec) *string { return &s.C2PA.PasswordEnv }),
		Help: Help{En: "Environment variable that holds the PKCS#12 password (empty: " + DefaultPasswordEnv + "); the password itself is never stored.",
			Kk: "PKCS#12 құпиясөзі сақталған орта айнымалысы (бос болса: " + DefaultPasswordEnv + "); құпиясөздің өзі ешқашан сақталмайды.",
			Ru: "Переменная окружения с паролем PKCS#12 (пусто: " + DefaultPasswordEnv + "); сам пароль никогда не сохраняется."},
	}, {
		Name: "c2pa-tsa", Section: SectionC2PA, Pref: "c2pa.tsa", Value: field(func(s *Spec) *string { return &s.C2PA.TSA }),
		When: func(s *Spec) bool { return signs(s) && s.C2PA.TSA != "" }, Pattern: tsaURL, PatternDoc: "http(s)://host/path", Sample: "http://127.0.0.1:3161/tsa",
		Help: Help{En: "RFC 3161 time-stamp authority that countersigns each signature (empty: none). The only setting that makes Belgi use the network.",
			Kk: "Әр қолтаңбаны растайтын RFC 3161 уақыт белгісі қызметі (бос болса — жоқ). Belgi желіні тек осы баптау арқылы қолданады.",
			Ru: "Служба меток времени RFC 3161, заверяющая каждую подпись (пусто — нет). Единственная настройка, при которой Belgi обращается к сети."},
	}, {
		Name: "c2pa-trust", Section: SectionC2PA, Pref: "c2pa.trust", Value: field(func(s *Spec) *string { return &s.C2PA.Trust }),
		Check: func(s *Spec) []Problem { return checkFile(s.C2PA.Trust) }, CheckDoc: "the file must exist",
		Help: Help{En: "PEM file of trust anchors (root or intermediate certificates, e.g. the C2PA trust list or your newsroom's CA): Content Credentials whose signer chains to one are Trusted, others at best Valid. Used by check and for sources' credentials.",
			Kk: "Сенім якорьлерінің PEM файлы (түбірлік не аралық сертификаттар, мысалы C2PA сенім тізімі не редакцияңыздың куәландырушы орталығы): қол қоюшысы солардың біріне апаратын Content Credentials — «сенімді», қалғаны ең жақсы дегенде «жарамды». check және бастапқы файлдардың деректемелері үшін қолданылады.",
			Ru: "Файл PEM с якорями доверия (корневые или промежуточные сертификаты, например список доверия C2PA или УЦ вашей редакции): Content Credentials, чья цепочка подписанта ведёт к одному из них, — «доверенные», остальные в лучшем случае «действительные». Используется check и для учётных данных исходных файлов."},
	}, {
		Name: "c2pa-sidecar", Section: SectionC2PA, Pref: "c2pa.sidecar", Value: field(func(s *Spec) *bool { return &s.C2PA.Sidecar }),
		Help: Help{En: "Write the manifest beside outputs whose format cannot carry one (text, subtitles, HTML, DOCX, ODT, Ogg, Matroska) as NAME.c2pa.",
			Kk: "Манифест сыймайтын форматтағы файлдардың (мәтін, субтитр, HTML, DOCX, ODT, Ogg, Matroska) жанына манифестті NAME.c2pa етіп жазу.",
			Ru: "Писать манифест рядом с файлами, формат которых не может его хранить (текст, субтитры, HTML, DOCX, ODT, Ogg, Matroska), как NAME.c2pa."},
	}}
}

// tsaURL is the form of a time-stamp authority's address.
var tsaURL = regexp.MustCompile(`^https?://[^/\s]+(/\S*)?$`)

// checkPKCS12: one identity at a time, and the file must be there.
func checkPKCS12(s *Spec) []Problem {
	switch {
	case s.C2PA.PKCS12 == "":
		return nil
	case s.C2PA.Key != "" || s.C2PA.Chain != "":
		return []Problem{{Rule: RuleExclusive, Allowed: []string{"-c2pa-key/-c2pa-chain"}}}
	}
	if _, err := os.Stat(s.C2PA.PKCS12); err != nil {
		return []Problem{{Rule: RuleUnreadable}}
	}
	return nil
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

// checkFile: a chosen file must be there.
func checkFile(path string) []Problem {
	if path == "" {
		return nil
	}
	if _, err := os.Stat(path); err != nil {
		return []Problem{{Rule: RuleUnreadable}}
	}
	return nil
}
