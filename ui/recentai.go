package ui

import (
	"slices"
	"strings"

	"fyne.io/fyne/v2"
)

// prefRecentAI keeps the AI systems named in recent exports, newest
// first, to offer them again; recentAIMax is how many.
const (
	prefRecentAI = "ai.recentSystems"
	recentAIMax  = 8
)

// recentAISystems lists the remembered AI systems, newest first.
func recentAISystems(p fyne.Preferences) []string { return p.StringList(prefRecentAI) }

// rememberAISystem puts name first in the list, once (whatever its
// case), and forgets the oldest beyond recentAIMax.
func rememberAISystem(p fyne.Preferences, name string) []string {
	name = strings.TrimSpace(name)
	list := recentAISystems(p)
	if name == "" {
		return list
	}
	list = slices.DeleteFunc(list, func(s string) bool { return strings.EqualFold(s, name) })
	list = append([]string{name}, list...)
	list = list[:min(len(list), recentAIMax)]
	p.SetStringList(prefRecentAI, list)
	return list
}
