package labeler

import (
	"path/filepath"
	"slices"
	"strings"
)

// audioSettings: the spoken notice (for audio, and a video's sound).
func audioSettings() []Setting {
	a := func(at func(*AudioSpec) *float64) Field[float64] {
		return field(func(s *Spec) *float64 { return at(&s.Audio) })
	}
	return []Setting{{
		Name: "notice-end", Section: SectionAudio, Pref: "audio.atEnd", Value: field(func(s *Spec) *bool { return &s.Audio.AtEnd }),
		Help: Help{En: "Repeat the spoken notice at the end.",
			Kk: "Дыбыстық ескертуді соңында қайталау.", Ru: "Повторять голосовое предупреждение в конце."},
	}, {
		Name: "notice-every", Section: SectionAudio, Pref: "audio.everyMinutes", Value: a(func(a *AudioSpec) *float64 { return &a.EveryMinutes }),
		Unit: "min", Range: &Range{Min: 1, Max: 180, OrZero: true}, Profile: profileRepeat(),
		Help: Help{En: "Repeat the spoken notice about every N minutes inside long recordings (0: never).",
			Kk: "Ұзақ жазбаларда дыбыстық ескертуді шамамен әр N минут сайын қайталау (0 — ешқашан).",
			Ru: "Повторять голосовое предупреждение примерно каждые N минут в длинных записях (0 — никогда)."},
	}, {
		Name: "cue", Section: SectionAudio, Pref: "audio.cue", Value: field(func(s *Spec) *bool { return &s.Audio.Cue }),
		Help: Help{En: "Play the rhythm cue short-long-short-short (Morse “AI”) before the words.",
			Kk: "Сөздердің алдында қысқа-ұзын-қысқа-қысқа ырғақ белгісін (Морзе әліппесімен «AI») ойнату.",
			Ru: "Перед словами подавать ритмический сигнал короткий-длинный-короткий-короткий («AI» азбукой Морзе)."},
	}, {
		Name: "notice-clip", Section: SectionAudio, Value: field(func(s *Spec) *string { return &s.Audio.CustomClip }),
		Check: checkClip, CheckDoc: "a " + strings.Join(clipTypes(), ", ") + " file",
		Help: Help{En: "Your own notice recording (WAV, MP3, FLAC, OGG) instead of the stock words.",
			Kk: "Стандартты сөздердің орнына өз ескерту жазбаңыз (WAV, MP3, FLAC, OGG).",
			Ru: "Своя запись предупреждения (WAV, MP3, FLAC, OGG) вместо стандартной."},
	}, {
		Name: "notice-gap", Section: SectionAudio, Value: a(func(a *AudioSpec) *float64 { return &a.GapSeconds }),
		Unit: "s", Range: &Range{Min: 0, Max: 5},
		Help: Help{En: "Seconds of silence between the notice and the programme.",
			Kk: "Ескерту мен бағдарлама арасындағы үнсіздік, секундпен.", Ru: "Тишина между предупреждением и программой, в секундах."},
	}, {
		Name: "notice-fade", Section: SectionAudio, Value: a(func(a *AudioSpec) *float64 { return &a.FadeMillis }),
		Unit: "ms", Range: &Range{Min: 0, Max: 500},
		Help: Help{En: "Fade at each edge of the notice, in milliseconds.",
			Kk: "Ескертудің басы мен соңындағы біртіндеп өту, миллисекундпен.",
			Ru: "Плавное нарастание и затухание предупреждения, в миллисекундах."},
	}, {
		Name: "notice-lufs", Section: SectionAudio, Value: a(func(a *AudioSpec) *float64 { return &a.TargetLUFS }),
		Unit: "LUFS", Range: &Range{Min: -40, Max: -5, OrZero: true},
		Help: Help{En: "Loudness of the notice (0: match the programme).",
			Kk: "Ескертудің дыбыс қаттылығы (0 — бағдарламамен бірдей).", Ru: "Громкость предупреждения (0 — как у программы)."},
	}}
}

// clipTypes names the recordings Belgi decodes without ffmpeg.
func clipTypes() []string {
	var out []string
	for _, e := range audioClipExts {
		if t := strings.ToUpper(e[1:]); t != "OGA" {
			out = append(out, t)
		}
	}
	return out
}

func checkClip(s *Spec) []Problem {
	c := s.Audio.CustomClip
	if c == "" || slices.Contains(audioClipExts, strings.ToLower(filepath.Ext(c))) {
		return nil
	}
	return []Problem{{Rule: RuleFileType, Allowed: clipTypes()}}
}

// videoSettings: the badge on video, the slate, the notice in the sound
// and the encoder.
func videoSettings() []Setting {
	v := func(at func(*VideoSpec) *float64) Field[float64] {
		return field(func(s *Spec) *float64 { return at(&s.Video) })
	}
	starts := func(s *Spec) bool { return s.Video.BadgeMode == BadgeStart }
	return []Setting{{
		Name: "video-badge", Section: SectionVideo, Pref: "video.badge", Value: field(func(s *Spec) *string { return &s.Video.BadgeMode }),
		Flag: videoBadgeFlag{}, Choices: []string{BadgeAll, BadgeStart, BadgeSlate}, Profile: everyFrame(),
		Help: Help{En: "When the badge shows: all (every frame), start:N (the first N seconds) or slate (never: the opening slate is the label).",
			Kk: "Белгі қашан көрінеді: all — әр кадрда, start:N — алғашқы N секунд, slate — ешқашан: белгі — басындағы заставка.",
			Ru: "Когда видна метка: all — на каждом кадре, start:N — первые N секунд, slate — никогда: меткой служит начальная заставка."},
	}, {
		Name: "video-badge-seconds", Section: SectionVideo, Pref: "video.badgeSeconds", Via: "video-badge start:N",
		Value: v(func(v *VideoSpec) *float64 { return &v.BadgeSeconds }), When: starts,
		Unit: "s", Range: atLeast(2),
		Profile: profileMin("video_min_seconds", func(p Profile) float64 { return p.VideoMinSeconds },
			func(s *Spec) float64 { return s.Video.BadgeSeconds }),
		Help: Help{En: "How many seconds the badge shows in start mode.",
			Kk: "start режимінде белгі неше секунд көрінеді.", Ru: "Сколько секунд видна метка в режиме start."},
	}, {
		Name: "slate", Section: SectionVideo, Pref: "video.slate", Value: field(func(s *Spec) *bool { return &s.Video.Slate }),
		Help: Help{En: "Prepend a full-frame card with the notice.",
			Kk: "Басына ескертуі бар толық кадрлы заставка қосу.", Ru: "Добавлять в начало полнокадровую заставку с предупреждением."},
	}, {
		Name: "slate-seconds", Section: SectionVideo, Value: v(func(v *VideoSpec) *float64 { return &v.SlateSeconds }),
		Unit: "s", Range: &Range{Min: 2, Max: 3}, When: func(s *Spec) bool { return s.Video.ShowsSlate() },
		Help: Help{En: "Length of the opening slate.",
			Kk: "Басындағы заставканың ұзақтығы.", Ru: "Длительность начальной заставки."},
	}, {
		Name: "video-spoken", Section: SectionVideo, Value: field(func(s *Spec) *bool { return &s.Video.Spoken }),
		Help: Help{En: "Mix the spoken notice into the video's sound.",
			Kk: "Дыбыстық ескертуді бейненің дыбысына қосу.", Ru: "Подмешивать голосовое предупреждение в звук видео."},
	}, {
		Name: "notice-track", Section: SectionVideo, Value: field(func(s *Spec) *bool { return &s.Video.NoticeTrackWhenSilent }),
		Help: Help{En: "Give videos without sound a track that carries the spoken notice.",
			Kk: "Дыбысы жоқ бейнеге дыбыстық ескертуі бар аудиожолақ қосу.",
			Ru: "Добавлять видео без звука дорожку с голосовым предупреждением."},
	}, {
		Name: "duck", Section: SectionVideo, Value: v(func(v *VideoSpec) *float64 { return &v.Duck }),
		Unit: "dB", Range: &Range{Min: 0, Max: 40},
		Help: Help{En: "Lower the video's sound by this much under the spoken notice.",
			Kk: "Дыбыстық ескерту кезінде бейне дыбысын осынша бәсеңдету.",
			Ru: "На сколько приглушать звук видео под голосовым предупреждением."},
	}, {
		Name: "crf", Section: SectionVideo, Pref: "video.crf", Value: field(func(s *Spec) *int { return &s.Video.CRF }),
		Range: &Range{Min: 0, Max: 51}, Step: 1,
		Help: Help{En: "Encoder quality (CRF): lower is better; 18 is visually lossless.",
			Kk: "Кодтау сапасы (CRF): аз болған сайын жақсы; 18 — көзге жоғалтусыз.",
			Ru: "Качество кодирования (CRF): меньше — лучше; 18 — визуально без потерь."},
	}, {
		Name: "smart-render", Section: SectionVideo, Pref: "video.smartRender", Value: field(func(s *Spec) *bool { return &s.Video.SmartRender }),
		Help: Help{En: "When the label covers only the start, re-encode only the first seconds and copy the rest of the video untouched.",
			Kk: "Белгі тек басында болса, алғашқы секундтарды ғана қайта кодтап, бейненің қалғанын өзгертпей көшіру.",
			Ru: "Если метка только в начале, перекодировать лишь первые секунды, а остальное видео копировать без изменений."},
	}, {
		Name: "video-encoder", Section: SectionVideo, Pref: "video.encoder", Value: field(func(s *Spec) *string { return &s.Video.Encoder }),
		Choices: Encoders,
		Help: Help{En: "Encoder of full re-encodes: software, or a hardware encoder that works on this computer (faster; quality set from the CRF).",
			Kk: "Толық қайта кодтаудың кодтаушысы: бағдарламалық немесе осы компьютерде жұмыс істейтін аппараттық кодтаушы (жылдамырақ; сапасы CRF бойынша).",
			Ru: "Кодировщик полного перекодирования: программный или аппаратный, работающий на этом компьютере (быстрее; качество задаётся через CRF)."},
	}, {
		Name: "video-preset", Section: SectionVideo, Value: field(func(s *Spec) *string { return &s.Video.Preset }),
		Choices: Presets,
		Help: Help{En: "Encoder speed; slower presets make smaller files.",
			Kk: "Кодтау жылдамдығы; баяу пресеттер кішірек файл жасайды.",
			Ru: "Скорость кодирования; медленные пресеты дают файлы меньше."},
	}}
}

// everyFrame: a profile with no shortest badge time wants it on every frame.
func everyFrame() *ProfileRule {
	return &ProfileRule{
		Doc: "all where the profile's video_min_seconds is 0: " + strings.Join(everyFrameProfiles(), ", "),
		Check: func(p Profile, s *Spec) (Problem, bool) {
			return Problem{Rule: RuleEveryFrame}, p.VideoMinSeconds == 0 && s.Video.BadgeMode != BadgeAll
		},
	}
}

func everyFrameProfiles() []string {
	var out []string
	for _, p := range Profiles() {
		if p.VideoMinSeconds == 0 {
			out = append(out, p.Name)
		}
	}
	return out
}
