import { useT } from '../../i18n/context';
import type { ArticlesViewProps } from '../articles/ArticlesView';
import { useLazyComponent } from './lazy';

const loadArticles = () => import('../articles/ArticlesView').then((m) => m.ArticlesView);

/**
 * "Help articles", loaded on first use with a dynamic import (like "Your requests"), so the messenger's first
 * load stays within its budget.
 */
export function ArticlesPanel(props: ArticlesViewProps) {
  const i18n = useT();
  const View = useLazyComponent(loadArticles);
  return (
    <div class="fd-requests-panel">
      {View === 'failed' ? (
        <p class="fd-notice" role="alert">
          {i18n.t('unavailable')}
        </p>
      ) : (
        View && <View {...props} />
      )}
    </div>
  );
}
