package labeler

// aiSettings: which AI system made or changed the content, for the
// metadata (IPTC 2025.1 AI fields, C2PA softwareAgent, SB 942's latent
// disclosure). The us-ca profile needs the system, version and provider.
func aiSettings() []Setting {
	text := func(at func(*AISystem) *string) Field[string] {
		return field(func(s *Spec) *string { return at(&s.AISystem) })
	}
	return []Setting{{
		Name: "ai-system", Section: SectionLabel, Pref: "ai.system", Value: text(func(a *AISystem) *string { return &a.Name }),
		MaxLen: 100, Profile: profileNeeds(func(s *Spec) string { return s.AISystem.Name }),
		Help: Help{En: "The AI system used, e.g. Midjourney; written into the metadata.",
			Kk: "Қолданылған ЖИ жүйесі, мысалы Midjourney; метадеректерге жазылады.",
			Ru: "Использованная система ИИ, например Midjourney; записывается в метаданные."},
	}, {
		Name: "ai-version", Section: SectionLabel, Pref: "ai.version", Value: text(func(a *AISystem) *string { return &a.Version }),
		MaxLen: 100, Profile: profileNeeds(func(s *Spec) string { return s.AISystem.Version }),
		Help: Help{En: "The version of the AI system, e.g. 7.",
			Kk: "ЖИ жүйесінің нұсқасы, мысалы 7.", Ru: "Версия системы ИИ, например 7."},
	}, {
		Name: "ai-provider", Section: SectionLabel, Pref: "ai.provider", Value: text(func(a *AISystem) *string { return &a.Provider }),
		MaxLen: 100, Profile: profileNeeds(func(s *Spec) string { return s.AISystem.Provider }),
		Help: Help{En: "Who provides the AI system, e.g. Midjourney, Inc.",
			Kk: "ЖИ жүйесін ұсынатын ұйым, мысалы Midjourney, Inc.", Ru: "Кто предоставляет систему ИИ, например Midjourney, Inc."},
	}, {
		Name: "prompt-writer", Section: SectionLabel, Pref: "ai.promptWriter", Value: text(func(a *AISystem) *string { return &a.PromptWriter }),
		MaxLen: 100,
		Help: Help{En: "Name of the person who wrote the prompt (optional).",
			Kk: "Промптты жазған адамның аты (міндетті емес).", Ru: "Имя автора промпта (необязательно)."},
	}}
}
