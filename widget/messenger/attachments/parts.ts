/** What the first load's `components/FilesSlot.tsx` loads, as one chunk: the attach button and a message's files. */
export { AttachButton } from './AttachButton';
export { Files } from './Files';
