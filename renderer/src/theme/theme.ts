import { createTheme, Modal, type CSSVariablesResolver, type MantineColorsTuple } from '@mantine/core';

/**
 * A calm blue-teal. Shade 6 (buttons, active menu item, focus ring) is dark enough for white text
 * and for text on a pale background at WCAG AA (5.7:1 on white).
 */
const clinic: MantineColorsTuple = ['#e8f3f6', '#d2e7ee', '#a6cfdc', '#77b5c9', '#4f9fb8', '#2a84a3', '#1c6e8c', '#165e78', '#104d63', '#0a3d4f'];

export const theme = createTheme({
  primaryColor: 'clinic',
  colors: { clinic },
  primaryShade: 6,
  // Readable at arm's length from a front-desk monitor: body text 17px rather than 16px.
  fontSizes: { xs: '0.875rem', sm: '0.9375rem', md: '1.0625rem', lg: '1.1875rem', xl: '1.375rem' },
  lineHeights: { md: '1.6' },
  headings: {
    fontWeight: '650',
    sizes: { h1: { fontSize: '1.875rem', lineHeight: '1.3' }, h2: { fontSize: '1.375rem', lineHeight: '1.35' } },
  },
  defaultRadius: 'md',
  focusRing: 'auto',
  // Dialogs and menus open without animation for people who ask their system for less motion.
  respectReducedMotion: true,
  cursorType: 'pointer',
  components: {
    Modal: Modal.extend({
      defaultProps: {
        // Mantine's close button is an icon only; screen readers need a name for it.
        closeButtonProps: { 'aria-label': 'Close' },
        // A lighter veil than the default: the screen behind stays recognisable, so the dialog feels temporary.
        overlayProps: { backgroundOpacity: 0.35, blur: 1 },
        padding: 'xl',
        radius: 'lg',
        centered: true,
      },
      classNames: { title: 'dialog-title' },
    }),
  },
});

/**
 * Mantine's default dimmed grey is 3.3:1 on white, below WCAG AA for body text; this one is 7.6:1.
 * Its error red (field messages, and the text of a field in error) is about 3.6:1; red 9 is 6:1.
 */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: { '--mantine-color-dimmed': '#4a545e', '--mantine-color-error': '#c92a2a' },
  dark: {},
});
