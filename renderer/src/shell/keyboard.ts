/** Pure keyboard-event tests, kept apart from React so their rules are easy to read. */

/** Alt+1..9 by physical key (event.code), so it works on AZERTY, where digits need Shift, and on macOS, where Option+1 types "¡". */
export function altDigit(event: KeyboardEvent): number | null {
  if (!event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return null;
  const match = /^(?:Digit|Numpad)([1-9])$/.exec(event.code);
  return match ? Number(match[1]) : null;
}

/** "?" by the character typed (it sits on different keys in different layouts). */
export function isHelpKey(event: KeyboardEvent): boolean {
  return event.key === '?' && !event.ctrlKey && !event.altKey && !event.metaKey;
}

/** True when the key press is text going into a field, where "?" must stay a question mark. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) return !['button', 'checkbox', 'radio', 'submit', 'reset', 'range', 'color', 'file'].includes(target.type);
  return target.getAttribute('role') === 'textbox' || target.getAttribute('role') === 'combobox';
}

/** "Alt" everywhere except macOS, whose keyboards label that key "Option". */
export function altKeyLabel(): string {
  return isMac() ? 'Option' : 'Alt';
}

/** Ctrl+Shift+L (⌘+Shift+L on a Mac): sign out and leave the desk. By physical key, so it works on any layout. */
export function isSignOutKey(event: KeyboardEvent): boolean {
  const command = isMac() ? event.metaKey && !event.ctrlKey : event.ctrlKey && !event.metaKey;
  return command && event.shiftKey && !event.altKey && event.code === 'KeyL';
}

/** The sign-out keys as drawn on keycaps, and as aria-keyshortcuts names them. */
export function signOutKeys(): { caps: readonly string[]; aria: string } {
  return isMac() ? { caps: ['⌘', 'Shift', 'L'], aria: 'Meta+Shift+L' } : { caps: ['Ctrl', 'Shift', 'L'], aria: 'Control+Shift+L' };
}

/** Ctrl+Shift+K (⌘+Shift+K on a Mac): lock the screen and keep the session. By physical key, so it works on any layout. */
export function isLockKey(event: KeyboardEvent): boolean {
  const command = isMac() ? event.metaKey && !event.ctrlKey : event.ctrlKey && !event.metaKey;
  return command && event.shiftKey && !event.altKey && event.code === 'KeyK';
}

/** The lock keys as drawn on keycaps, and as aria-keyshortcuts names them. */
export function lockKeys(): { caps: readonly string[]; aria: string } {
  return isMac() ? { caps: ['⌘', 'Shift', 'K'], aria: 'Meta+Shift+K' } : { caps: ['Ctrl', 'Shift', 'K'], aria: 'Control+Shift+K' };
}

function isMac(): boolean {
  return /Mac/i.test(navigator.platform);
}
