/**
 * The desk's keyboard shortcuts: one table (the help overlay lists it) and one listener. Keys typed into a
 * field, or with Ctrl/Alt/Meta held, are never shortcuts.
 */
export type ShortcutAction = 'next' | 'previous' | 'open' | 'reply' | 'note' | 'solve' | 'assignToMe' | 'search' | 'help';

export const SHORTCUTS: readonly { key: string; action: ShortcutAction }[] = [
  { key: 'j', action: 'next' },
  { key: 'k', action: 'previous' },
  { key: 'Enter', action: 'open' },
  { key: 'r', action: 'reply' },
  { key: 'n', action: 'note' },
  { key: 'e', action: 'solve' },
  { key: 'a', action: 'assignToMe' },
  { key: '/', action: 'search' },
  { key: '?', action: 'help' },
];

/** Whether the key was typed into something that takes text (then it is text, not a shortcut). */
export function isTyping(target: EventTarget | null): boolean {
  if (!target || !(target instanceof Element)) return false;
  if (target instanceof HTMLInputElement) return !['checkbox', 'radio', 'button', 'submit'].includes(target.type);
  return target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement || (target as HTMLElement).isContentEditable;
}

/** The shortcut a key event means, if any. */
export function shortcutOf(e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'altKey' | 'metaKey' | 'target'>): ShortcutAction | null {
  if (e.ctrlKey || e.altKey || e.metaKey || isTyping(e.target)) return null;
  // Enter on a link or button is that control's own action.
  if (e.key === 'Enter' && e.target instanceof Element && e.target.closest('a, button')) return null;
  return SHORTCUTS.find((s) => s.key === e.key)?.action ?? null;
}

/** Listens on `target` and runs the action of each shortcut; returns the function that stops listening. */
export function listenForShortcuts(target: Pick<Window, 'addEventListener' | 'removeEventListener'>, run: (action: ShortcutAction) => boolean): () => void {
  const onKey = (e: KeyboardEvent) => {
    const action = shortcutOf(e);
    if (action && run(action)) e.preventDefault();
  };
  target.addEventListener('keydown', onKey);
  return () => target.removeEventListener('keydown', onKey);
}

/** Puts the composer in reply (or note) mode and focuses it; false when no ticket is open. */
export function focusComposer(doc: Document, internal: boolean): boolean {
  const body = doc.getElementById('composer-body');
  const toggle = doc.getElementById('composer-internal');
  if (!(body instanceof HTMLTextAreaElement)) return false;
  if (toggle instanceof HTMLInputElement && toggle.checked !== internal) toggle.click();
  body.focus();
  return true;
}
