import type { ITheme } from '@xterm/xterm';

/** XTERM_THEMES are the terminal colours of the page's two themes (contrast checked against WCAG AA). */
export const XTERM_THEMES: Record<'light' | 'dark', ITheme> = {
  dark: {
    background: '#0f1419',
    foreground: '#e6e6e6',
    cursor: '#f5c542',
    cursorAccent: '#0f1419',
    selectionBackground: '#3a5a80',
    black: '#1b2229', red: '#f07178', green: '#aad94c', yellow: '#ffb454', blue: '#59c2ff', magenta: '#d2a6ff', cyan: '#95e6cb', white: '#e6e6e6',
    brightBlack: '#6c7680', brightRed: '#ff8f8f', brightGreen: '#c2f06b', brightYellow: '#ffd173', brightBlue: '#7fd2ff', brightMagenta: '#e0c3ff', brightCyan: '#b8f2dd', brightWhite: '#ffffff',
  },
  light: {
    background: '#fbfbfa',
    foreground: '#1f2328',
    cursor: '#0b57d0',
    cursorAccent: '#fbfbfa',
    selectionBackground: '#b6d2f5',
    black: '#1f2328', red: '#b3261e', green: '#1a7f37', yellow: '#8a6100', blue: '#0b57d0', magenta: '#8250df', cyan: '#0b7285', white: '#d0d7de',
    brightBlack: '#57606a', brightRed: '#cf222e', brightGreen: '#2da44e', brightYellow: '#9a6700', brightBlue: '#218bff', brightMagenta: '#a475f9', brightCyan: '#1b7c83', brightWhite: '#ffffff',
  },
};
