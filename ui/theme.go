package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"github.com/belgi-kz/belgi/assets"
)

// Appearance choices; "" follows the system.
const (
	appearanceLight = "light"
	appearanceDark  = "dark"
)

// belgiTheme is Fyne's default look with two changes that matter: the
// embedded Noto Sans 2.004 (Fyne's bundled Noto draws the Kazakh «і»
// without its dot) and Belgi's teal as the primary colour. It can pin the
// light or dark variant regardless of the system.
type belgiTheme struct {
	appearance string
	regular    fyne.Resource
	bold       fyne.Resource
}

func newTheme(appearance string) *belgiTheme {
	return &belgiTheme{
		appearance: appearance,
		regular:    fyne.NewStaticResource("NotoSans-Regular.ttf", assets.NotoSansRegular),
		bold:       fyne.NewStaticResource("NotoSans-Bold.ttf", assets.NotoSansBold),
	}
}

func (t *belgiTheme) variant(v fyne.ThemeVariant) fyne.ThemeVariant {
	switch t.appearance {
	case appearanceLight:
		return theme.VariantLight
	case appearanceDark:
		return theme.VariantDark
	}
	return v
}

// Color implements fyne.Theme.
func (t *belgiTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	v = t.variant(v)
	dark := v == theme.VariantDark
	switch n {
	case theme.ColorNamePrimary:
		if dark {
			return color.NRGBA{0x3b, 0xb4, 0xc4, 0xff}
		}
		return color.NRGBA{0x0f, 0x76, 0x86, 0xff}
	case theme.ColorNameFocus:
		return color.NRGBA{0x2a, 0x9d, 0xae, 0x7f}
	case theme.ColorNameSelection:
		return color.NRGBA{0x2a, 0x9d, 0xae, 0x40}
	case theme.ColorNameBackground:
		if !dark {
			return color.NRGBA{0xf6, 0xf7, 0xf8, 0xff}
		}
	}
	return theme.DefaultTheme().Color(n, v)
}

// Font implements fyne.Theme: Noto Sans for all text but code.
func (t *belgiTheme) Font(s fyne.TextStyle) fyne.Resource {
	switch {
	case s.Monospace || s.Symbol:
		return theme.DefaultTheme().Font(s)
	case s.Bold:
		return t.bold
	}
	return t.regular
}

// Icon implements fyne.Theme.
func (t *belgiTheme) Icon(n fyne.ThemeIconName) fyne.Resource {
	return theme.DefaultTheme().Icon(n)
}

// Size implements fyne.Theme.
func (t *belgiTheme) Size(n fyne.ThemeSizeName) float32 {
	return theme.DefaultTheme().Size(n)
}
