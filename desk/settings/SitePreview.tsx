import { useLayoutEffect, useRef } from 'preact/hooks';

export interface SitePreviewProps {
  color: string;
  position: 'right' | 'left';
  greeting: string;
  agentName: string;
}

/**
 * A live preview of the launcher and the messenger header in the chosen colour. The colour is set through the
 * CSSOM (never a style attribute, which the desk's CSP forbids), and only a checked `#rrggbb` reaches it.
 */
export function SitePreview({ color, position, greeting, agentName }: SitePreviewProps) {
  const ref = useRef<HTMLDivElement>(null);
  const safe = /^#[0-9a-fA-F]{6}$/.test(color) ? color : '#4f46e5';
  useLayoutEffect(() => {
    ref.current?.style.setProperty('--preview-color', safe);
  }, [safe]);
  return (
    <figure class={`site-preview site-preview--${position}`} ref={ref} aria-label="Preview of the messenger">
      <div class="site-preview__panel">
        <div class="site-preview__header">{agentName || 'Kai'}</div>
        <p class="site-preview__greeting">{greeting}</p>
      </div>
      <span class="site-preview__launcher" aria-hidden="true">
        💬
      </span>
      <figcaption class="sr-only">
        Launcher at the bottom {position}, colour {safe}
      </figcaption>
    </figure>
  );
}
