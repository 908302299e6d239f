/**
 * "Help articles" in the messenger (a chunk loaded on first use): suggestions for the page, a search, and an
 * article shown as text. "This didn't help" goes back to the chat with the question written for Kai, where
 * "Talk to a person" is one tap away.
 */
import { useEffect, useMemo, useRef } from 'preact/hooks';
import { cards } from '../../i18n/cards';
import { useT } from '../../i18n/context';
import { relativeTime } from '../../i18n/relative-time';
import { useTexts } from '../../i18n/parts';
import type { Messenger } from '../messenger';
import { ArticlesModel } from './ArticlesModel';
import { markdownBlocks } from './markdown-text';
import './articles.css';

export interface ArticlesViewProps {
  messenger: Messenger;
  /** Back to the chat, with a draft for Kai. */
  onDidntHelp: (draft: string) => void;
}

export function ArticlesView({ messenger, onDidntHelp }: ArticlesViewProps) {
  const i18n = useT();
  const texts = useTexts(cards);
  const model = useMemo(() => new ArticlesModel({ ...messenger.selfService, page: messenger.page() }), [messenger]);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => {
    void model.search('');
    return () => clearTimeout(timer.current);
  }, [model]);
  const article = model.open.value;
  if (!texts) return null;
  if (article) {
    return (
      <article class="fd-article" aria-label={article.title}>
        <button type="button" class="fd-link-button" onClick={() => model.back()}>
          {texts.t('backToArticles')}
        </button>
        <h2 class="fd-article__title">{article.title}</h2>
        <p class="fd-article__meta">{texts.t('updated', { when: relativeTime(i18n.language, article.updatedAt) })}</p>
        {markdownBlocks(article.body).map((block, i) =>
          block.kind === 'heading' ? <h3 key={i}>{block.text}</h3> : <p key={i} class={block.kind === 'item' ? 'fd-article__item' : undefined}>{block.text}</p>,
        )}
        <button type="button" class="fd-escalate" onClick={() => onDidntHelp(`${article.title}: `)}>
          {texts.t('didntHelp')}
        </button>
      </article>
    );
  }
  const onInput = (value: string): void => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void model.search(value), 250);
  };
  return (
    <section class="fd-articles" aria-label={i18n.t('helpArticles')}>
      <input type="search" class="fd-composer__input" aria-label={texts.t('searchArticles')} placeholder={texts.t('searchArticles')} onInput={(e) => onInput(e.currentTarget.value)} />
      {model.suggested.value && <h2 class="fd-articles__heading">{texts.t('suggested')}</h2>}
      {model.status.value === 'error' && <p class="fd-notice">{i18n.t('unavailable')}</p>}
      {model.status.value === 'ready' && model.results.value.length === 0 && <p>{texts.t('noArticles')}</p>}
      <ul class="fd-articles__list">
        {model.results.value.map((a) => (
          <li key={a.id}>
            <button type="button" class="fd-articles__item" onClick={() => void model.read(a.id)}>
              <span class="fd-articles__title">{a.title}</span>
              <span class="fd-articles__excerpt">{a.excerpt}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
