/**
 * The texts of the messenger's attachments in English (the source): the attach button, the upload tray (the
 * site's limits, progress, refusals) and a message's files. They load with the attachments chunk, once a person
 * has the conversation; each other language is `files.<lang>.ts`, a chunk loaded with them. `{size}` and
 * `{types}` are written by `file-size.ts`. Shapes as in `en.ts`.
 */
import { type CatalogueOf, textPart } from './catalogue';

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

export const files = textPart<typeof filesEn>(filesEn, {
  de: () => import('./files.de').then((m) => m.de),
  fr: () => import('./files.fr').then((m) => m.fr),
  es: () => import('./files.es').then((m) => m.es),
  pt: () => import('./files.pt').then((m) => m.pt),
  ar: () => import('./files.ar').then((m) => m.ar),
});
