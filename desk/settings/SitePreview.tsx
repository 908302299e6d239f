import { useLayoutEffect, useRef } from 'preact/hooks';
import { useDeskT } from '../i18n/i18n';

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
  const t = useDeskT();
  const ref = useRef<HTMLDivElement>(null);
  const safe = /^#[0-9a-fA-F]{6}$/.test(color) ? color : '#4f46e5';
  useLayoutEffect(() => {
    ref.current?.style.setProperty('--preview-color', safe);
  }, [safe]);
  return (
    <figure class={`site-preview site-preview--${position}`} ref={ref} aria-label={t.t('previewOfMessenger')}>
      <div class="site-preview__panel">
        <div class="site-preview__header">{agentName || 'Kai'}</div>
        <p class="site-preview__greeting">{greeting}</p>
      </div>
      <span class="site-preview__launcher" aria-hidden="true">
        💬
      </span>
      <figcaption class="sr-only">
        {t.t(position === 'left' ? 'launcherAt_left' : 'launcherAt_right', { colour: safe })}
      </figcaption>
    </figure>
  );
}
