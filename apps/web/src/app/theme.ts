import {
  createTheme,
  darken,
  defaultVariantColorsResolver,
  parseThemeColor,
  type CSSVariablesResolver,
  type VariantColorsResolver,
} from '@mantine/core';

/** Text on light (tinted) badges and alerts is darkened so it keeps 4.5:1 contrast on its tint (WCAG AA). */
const variantColorResolver: VariantColorsResolver = (input) => {
  const defaults = defaultVariantColorsResolver(input);
  if (input.variant !== 'light') return defaults;
  const parsed = parseThemeColor({ color: input.color ?? input.theme.primaryColor, theme: input.theme });
  if (!parsed.isThemeColor) return defaults;
  const shade9 = input.theme.colors[parsed.color]?.[9];
  return shade9 ? { ...defaults, color: darken(shade9, 0.3) } : defaults;
};

/** Shade 8 keeps link and button text at WCAG AA contrast on white. */
export const theme = createTheme({
  primaryColor: 'blue',
  primaryShade: { light: 8, dark: 8 },
  defaultRadius: 'md',
  variantColorResolver,
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
});

/**
 * Mantine's default "dimmed" gray is below 4.5:1 on white; use the next darker shade. The same for field error
 * text (red 6 is about 3.3:1): errors use red 9. Text on the light (tinted) variant, such as the current menu item,
 * is darkened so it keeps 4.5:1 on the hover tint (blue 9 on blue 2 is about 4.0:1).
 */
export const cssVariablesResolver: CSSVariablesResolver = (t) => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': t.colors.gray[7],
    '--mantine-color-error': t.colors.red[9],
    '--mantine-color-blue-light-color': darken(t.colors.blue[9], 0.3),
  },
  dark: {},
});
