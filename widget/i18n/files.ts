/**
 * The texts of the messenger's attachments in English (the source): the attach button, the upload tray (the
 * site's limits, progress, refusals) and a message's files. They load with the attachments chunk, once a person
 * has the conversation; each other language is `files.<lang>.ts`, a chunk loaded with them. `{size}` and
 * `{types}` are written by `file-size.ts`. Shapes as in `en.ts`.
 */
import type { CatalogueOf, TextPart } from './catalogue';

export const filesEn = {
  attach: 'Attach a file',
  limits: 'Files up to {size}: {types}',
  uploading: 'Sending {name}…',
  tooBig: '{name} is larger than {size}, the limit. It was not sent.',
  badType: '{name} is a kind of file that can’t be sent here.',
  failed: '{name} was not sent: {reason}',
  failedOffline: '{name} was not sent: no connection.',
  download: 'Download {name}',
  dismiss: 'Dismiss',
};

export type FilesCatalogue = CatalogueOf<typeof filesEn>;
export type FilesKey = keyof typeof filesEn;

export const files: TextPart<typeof filesEn> = {
  en: filesEn,
  load(language) {
    switch (language) {
      case 'de':
        return import('./files.de').then((m) => m.de);
      case 'fr':
        return import('./files.fr').then((m) => m.fr);
      case 'es':
        return import('./files.es').then((m) => m.es);
      case 'pt':
        return import('./files.pt').then((m) => m.pt);
      case 'ar':
        return import('./files.ar').then((m) => m.ar);
    }
  },
};
