import type { ComponentChildren } from 'preact';
import { useT } from '../../i18n/context';

export interface HeaderProps {
  /** The site's or the agent's name. */
  title: string;
  /** A short line under the title (who answers). */
  subtitle: string;
  /** Shown only when a loader embeds the messenger (there is something to minimise into). */
  onMinimise?: () => void;
  /** Buttons before the minimise button (the "Your requests" toggle). */
  actions?: ComponentChildren;
}

/** The messenger's title bar with the minimise button. */
export function Header({ title, subtitle, onMinimise, actions }: HeaderProps) {
  const i18n = useT();
  return (
    <header class="fd-header">
      <div class="fd-header__text">
        <h1 class="fd-header__title">{title}</h1>
        <p class="fd-header__subtitle">{subtitle}</p>
      </div>
      {actions}
      {onMinimise && (
        <button type="button" class="fd-icon-button" aria-label={i18n.t('minimise')} onClick={onMinimise}>
          <svg viewBox="0 0 24 24" aria-hidden="true">
            <path d="M6 9l6 6 6-6" />
          </svg>
        </button>
      )}
    </header>
  );
}
