/** The upload tray above the composer (loaded at the first attach, paste or drop): limits, progress, refusals. */
import { type Signal, useSignalEffect } from '@preact/signals';
import { useMemo, useRef } from 'preact/hooks';
import { useT } from '../../i18n/context';
import { fileSize, typeNames } from '../../i18n/file-size';
import { files } from '../../i18n/files';
import { useTexts } from '../../i18n/parts';
import type { Messenger } from '../messenger';
import { UploadsModel } from './uploads-model';
import './attachments.css';

export interface UploadsProps {
  messenger: Messenger;
  /** Files handed over by the composer, each new list checked and sent; an empty list opens the file picker. */
  picked: Signal<File[] | null>;
}

export function Uploads({ messenger, picked }: UploadsProps) {
  const language = useT().language;
  // Loaded already by the attach button, which draws only with them.
  const texts = useTexts(files);
  const model = useMemo(
    () =>
      new UploadsModel({
        limits: () => messenger.connection.site.peek()?.attachments,
        token: messenger.selfService.token,
        language: () => messenger.preferences.i18n.peek().language,
        send: (files) => messenger.conversation.send('', files.map((f) => f.id)),
      }),
    [messenger],
  );
  const picker = useRef<HTMLInputElement>(null);
  useSignalEffect(() => {
    const files = picked.value;
    if (files?.length) void model.add(files);
    // Still within the click's user activation: the chunk loads in well under the browser's few seconds.
    else if (files) picker.current?.click();
  });

  const limits = messenger.connection.site.value?.attachments;
  return (
    <div class="fd-uploads" aria-live="polite">
      <input
        type="file"
        ref={picker}
        hidden
        multiple
        accept={limits?.types.join()}
        onChange={(e) => {
          void model.add([...(e.currentTarget.files ?? [])]);
          e.currentTarget.value = '';
        }}
      />
      {texts && limits && <p class="fd-uploads__limits">{texts.t('limits', { size: fileSize(language, limits.maxBytes), types: typeNames(language, limits.types) })}</p>}
      {texts &&
        model.items.value.map((item) =>
          item.error ? (
            <p key={item.key} class="fd-uploads__item fd-uploads__item--error" role="alert">
              {texts.say(item.error)}{' '}
              <button type="button" class="fd-link-button" onClick={() => model.dismiss(item.key)}>
                {texts.t('dismiss')}
              </button>
            </p>
          ) : (
            <p key={item.key} class="fd-uploads__item">
              {texts.t('uploading', { name: item.name })}
              <progress max={1} value={item.progress} aria-label={item.name} />
            </p>
          ),
        )}
    </div>
  );
}
