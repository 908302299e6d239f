import type { Source } from '../../../shared/protocol';
import { safeHref } from '../../../shared/safe-text';
import { useT } from '../../i18n/context';

export interface SourcesProps {
  sources: Source[];
}


/** The knowledge-base articles Kai drew on. */
export function Sources({ sources }: SourcesProps) {
  const i18n = useT();
  if (sources.length === 0) return null;
  return (
    <ul class="fd-sources" aria-label={i18n.t('sources')}>
      {sources.map((source) => {
        const href = safeHref(source.url);
        return (
          <li key={source.id}>
            {href ? (
              <a href={href} target="_blank" rel="noopener noreferrer">
                {source.title}
              </a>
            ) : (
              <span>{source.title}</span>
            )}
          </li>
        );
      })}
    </ul>
  );
}
