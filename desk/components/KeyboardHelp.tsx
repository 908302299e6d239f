import { useEffect, useRef } from 'preact/hooks';
import { SHORTCUTS } from '../keyboard';
import { useDeskT } from '../i18n/i18n';

/** The `?` overlay: a modal dialog listing the shortcuts; Escape or Close ends it. */
export function KeyboardHelp({ onClose }: { onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const t = useDeskT();
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) {
      if (typeof dialog.showModal === 'function') dialog.showModal();
      else dialog.setAttribute('open', '');
    }
    dialog?.querySelector('button')?.focus();
  }, []);
  return (
    // The native dialog traps focus and answers Escape with `cancel`.
    <dialog ref={ref} class="keyboard-help" aria-labelledby="keyboard-help-title" onCancel={onClose} onClose={onClose}>
      <h2 id="keyboard-help-title">{t.t('keyboardShortcuts')}</h2>
      <dl class="keyboard-help__list">
        {SHORTCUTS.map((s) => (
          <div key={s.key} class="keyboard-help__row">
            <dt>
              <kbd>{s.key}</kbd>
            </dt>
            <dd>{t.t(`key_${s.action}`)}</dd>
          </div>
        ))}
      </dl>
      <button type="button" class="btn" onClick={onClose}>
        {t.t('close')}
      </button>
    </dialog>
  );
}
