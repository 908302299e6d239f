/**
 * The composer's attach button, loaded once a person has the conversation (files go to the ticket). It also takes
 * files pasted into the composer (a screenshot from the clipboard) or dropped on it. The first file, or the first
 * press of the button, loads the upload tray (`Uploads`, its own chunk), which opens the file picker for a press.
 */
import { useSignal } from '@preact/signals';
import { useContext, useLayoutEffect, useRef } from 'preact/hooks';
import { files } from '../../i18n/files';
import { useTexts } from '../../i18n/parts';
import { FilesContext } from '../components/FilesSlot';
import { lazyView } from '../components/lazy';

const UploadsSlot = lazyView(() => import('./Uploads').then((m) => m.Uploads));

export function AttachButton() {
  const texts = useTexts(files);
  const messenger = useContext(FilesContext);
  /** Files pasted or dropped, or none: the button asks for the file picker. Null until the first. */
  const picked = useSignal<File[] | null>(null);
  const button = useRef<HTMLButtonElement>(null);
  // At once (not after paint): a paste right after the button shows is a file too.
  useLayoutEffect(() => {
    const form = button.current?.closest('form');
    if (!form) return;
    const take = (event: Event, files: FileList | null | undefined): void => {
      if (!files?.length) return; // text: the textarea takes it
      event.preventDefault();
      picked.value = [...files];
    };
    const onPaste = (e: ClipboardEvent) => take(e, e.clipboardData?.files);
    const onDrop = (e: DragEvent) => take(e, e.dataTransfer?.files);
    const onDragOver = (e: DragEvent) => e.dataTransfer?.types.includes('Files') && e.preventDefault();
    form.addEventListener('paste', onPaste);
    form.addEventListener('drop', onDrop);
    form.addEventListener('dragover', onDragOver);
    return () => {
      form.removeEventListener('paste', onPaste);
      form.removeEventListener('drop', onDrop);
      form.removeEventListener('dragover', onDragOver);
    };
  }, [texts === null]);
  // Drawn with its texts (at once in English; in another language once its chunk is in, as the tray's).
  if (!texts) return null;
  return (
    <>
      <button type="button" ref={button} class="fd-icon-button fd-attach" aria-label={texts.t('attach')} onClick={() => (picked.value = [])}>
        <svg viewBox="0 0 24 24" aria-hidden="true">
          <path d="M16.5 6.5 9 14a2 2 0 0 0 2.8 2.8l7.8-7.8a4 4 0 0 0-5.7-5.7L5.9 11.4a6 6 0 0 0 8.5 8.5L21 13.3" />
        </svg>
      </button>
      {picked.value && messenger && <UploadsSlot messenger={messenger} picked={picked} />}
    </>
  );
}
