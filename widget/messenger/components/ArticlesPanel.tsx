import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { useT } from '../../i18n/context';
import type { ArticlesViewProps } from '../articles/ArticlesView';

/**
 * "Help articles", loaded on first use with a dynamic import (like "Your requests"), so the messenger's first
 * load stays within its budget.
 */
export function ArticlesPanel(props: ArticlesViewProps) {
  const i18n = useT();
  const [View, setView] = useState<ComponentType<ArticlesViewProps> | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let live = true;
    import('../articles/ArticlesView').then(
      (module) => live && setView(() => module.ArticlesView),
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, []);
  return (
    <div class="fd-requests-panel">
      {View ? <View {...props} /> : failed ? <p class="fd-notice" role="alert">{i18n.t('unavailable')}</p> : null}
    </div>
  );
}
