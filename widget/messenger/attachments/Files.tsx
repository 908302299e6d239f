/**
 * The files a message carries (loaded with the first such message): a thumbnail for a file the server checked to
 * be an image, and a download for every file. Their bytes come from `GET /api/widget/attachments/:id` with the
 * visitor token of the messenger in `FilesContext` (an `<img src>` cannot send it), as object URLs released when the message leaves the screen.
 * Names are text.
 */
import { useContext, useEffect, useState } from 'preact/hooks';
import type { MessageAttachment } from '../../../shared/protocol';
import { fileSize } from '../../i18n/file-size';
import { files as filesPart, type filesEn } from '../../i18n/files';
import type { Texts } from '../../i18n/i18n';
import { useTexts } from '../../i18n/parts';
import { FilesContext } from '../components/FilesSlot';
import type { Messenger } from '../messenger';
import './attachments.css';

export interface FilesProps {
  files: MessageAttachment[];
}

/** The file's bytes as an object URL (the caller revokes it). */
export async function fileUrl(messenger: Messenger, id: string): Promise<string> {
  const { fetch, token } = messenger.selfService;
  const res = await fetch(`/api/widget/attachments/${encodeURIComponent(id)}`, { headers: { authorization: `Visitor ${token() ?? ''}` } });
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  return URL.createObjectURL(await res.blob());
}

function FileItem({ file, messenger, texts }: { file: MessageAttachment; messenger: Messenger; texts: Texts<typeof filesEn> }) {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    let made: string | null = null;
    if (file.image) {
      fileUrl(messenger, file.id).then(
        (u) => (live ? setUrl((made = u)) : URL.revokeObjectURL(u)),
        () => undefined,
      );
    }
    return () => {
      live = false;
      if (made) URL.revokeObjectURL(made);
    };
  }, [file.id]);

  const download = async (): Promise<void> => {
    const href = await fileUrl(messenger, file.id).catch(() => null);
    if (!href) return;
    const a = document.createElement('a');
    a.href = href;
    a.download = file.filename;
    a.click();
    // Released once the browser has surely taken the bytes (revoking at once can cancel the download).
    setTimeout(() => URL.revokeObjectURL(href), 60_000);
  };
  return (
    <li class="fd-files__item">
      {url && <img class="fd-files__thumb" src={url} alt={file.filename} />}
      <button type="button" class="fd-link-button" aria-label={texts.t('download', { name: file.filename })} onClick={() => void download()}>
        {file.filename}
      </button>{' '}
      <span class="fd-files__size">{fileSize(texts.language, file.size)}</span>
    </li>
  );
}

export function Files({ files }: FilesProps) {
  const messenger = useContext(FilesContext);
  const texts = useTexts(filesPart);
  if (!messenger || !texts) return null;
  return (
    <ul class="fd-files">
      {files.map((file) => (
        <FileItem key={file.id} file={file} messenger={messenger} texts={texts} />
      ))}
    </ul>
  );
}
