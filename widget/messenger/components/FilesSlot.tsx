import { createContext } from 'preact';
import type { Messenger } from '../messenger';
import { lazyView } from './lazy';

/** The messenger whose files the log shows (their bytes are fetched with its visitor token). */
export const FilesContext = createContext<Messenger | null>(null);

/** The attachment parts, one chunk loaded once a person has the conversation (files come only after a handoff). */
const parts = () => import('../attachments/parts');

/** A message's files: thumbnails of checked images, downloads. */
export const FilesSlot = lazyView(() => parts().then((m) => m.Files));

/** The attach button beside Send (it takes pasted and dropped files too, and loads the upload tray at first use). */
export const AttachSlot = lazyView(() => parts().then((m) => m.AttachButton));
