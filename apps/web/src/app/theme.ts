import type { ThemeConfig } from 'antd';

/**
 * The antd theme: the city's red, and every colour that carries text made dark enough for WCAG 2.1
 * AA (4.5:1 on its own background), which antd's defaults are not: its status colours on their
 * tints measured 2.2:1, links 4.1:1, errors and red actions 3.26:1, grey text 3.36:1, placeholders
 * 1.83:1. Fixed here, once, so that every page and every later component inherits the contrast.
 * The accessibility test (e2e/tests/accessibility.spec.ts) runs axe-core over every page.
 */
export const appTheme: ThemeConfig = {
  token: {
    borderRadius: 6,
    // Brand red: 5.9:1 on white, and white on it.
    colorPrimary: '#c8102e',
    // Status colours are the text of their tags (on the seed's lightest tint) and of form errors.
    colorSuccess: '#237804',
    colorWarning: '#8a5300',
    colorError: '#c41d1d',
    colorInfo: '#0958d9',
    colorLink: '#0958d9',
    // antd derives the tints from the seed; from these darker seeds they come out muddy, so the
    // usual light tints are given (each text colour above has 5.5:1 or more on its tint).
    colorSuccessBg: '#f6ffed',
    colorSuccessBorder: '#b7eb8f',
    colorWarningBg: '#fffbe6',
    colorWarningBorder: '#ffe58f',
    colorErrorBg: '#fff2f0',
    colorErrorBorder: '#ffccc7',
    colorInfoBg: '#e6f4ff',
    colorInfoBorder: '#91caff',
    // Grey text (descriptions, secondary text, icons) and placeholders; disabled stays faint (exempt).
    colorTextSecondary: 'rgba(0, 0, 0, 0.72)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.62)',
    colorTextDescription: 'rgba(0, 0, 0, 0.62)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.56)',
    // The text shade of antd's preset tag colours (`<Tag color="gold">`) where the default is too light.
    gold7: '#874d00',
    orange7: '#873800',
    volcano7: '#ad2102',
    cyan7: '#006d75',
    green7: '#237804',
    lime7: '#3f6600',
    yellow7: '#876800',
    magenta7: '#9e1068',
  },
};
