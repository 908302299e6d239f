import type { KaiPreviewModel } from '../models/KaiPreviewModel';
import type { KbModel } from '../models/KbModel';
import { ArticleEditor } from './ArticleEditor';
import { ArticleList } from './ArticleList';
import { TryKai } from './TryKai';
import { useDeskT } from '../i18n/i18n';

export interface KnowledgeBasePageProps {
  kb: KbModel;
  preview: KaiPreviewModel;
}

/** `#/kb`: the articles (left), the editor and "Try Kai" (right), so an article change can be checked at once. */
export function KnowledgeBasePage({ kb, preview }: KnowledgeBasePageProps) {
  const t = useDeskT();
  const article = kb.selected.value;
  const error = kb.actionError.value;
  const notice = kb.notice.value;
  return (
    <main class="kb">
      <ArticleList
        articles={kb.visible.value}
        total={kb.articles.value.length}
        query={kb.query.value}
        selectedId={kb.selectedId.value}
        loading={kb.loading.value}
        loaded={kb.loaded.value}
        error={kb.loadError.value}
        onQuery={(q) => kb.setQuery(q)}
        onSelect={(id) => kb.select(id)}
        onNew={() => kb.startNew()}
        onRetry={() => void kb.load()}
      />
      <div class="kb__main">
        <section class="kb-editor" aria-label={t.t('articleEditor')}>
          <ArticleEditor
            key={article?.id ?? 'new'}
            article={article}
            saving={kb.saving.value}
            onSave={(draft) => kb.save(draft)}
            onDelete={(id) => kb.remove(id)}
          />
          {error && (
            <p class="form-error" role="alert">
              {error}
            </p>
          )}
          <p class="kb-editor__notice" role="status">
            {notice}
          </p>
        </section>
        <TryKai result={preview.result.value} asking={preview.asking.value} error={preview.error.value} onAsk={(m) => preview.ask(m)} />
      </div>
    </main>
  );
}
