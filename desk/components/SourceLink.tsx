import type { Source } from '../../shared/protocol';
import { safeHref } from '../../shared/safe-text';

export interface SourceLinkProps {
  source: Source;
}

/** A knowledge-base source: a link only when its URL is http(s) or site-relative, plain text otherwise. */
export function SourceLink({ source }: SourceLinkProps) {
  const href = safeHref(source.url);
  const title = source.title || source.url;
  if (!href) return <span class="source source--unlinked">{title}</span>;
  return (
    <a class="source" href={href} target="_blank" rel="noopener noreferrer">
      {title}
    </a>
  );
}
