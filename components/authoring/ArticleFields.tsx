import { i18n } from '#i18n';
import { CATALOG_LIMITS } from '../../utils/catalog/schema';
import { type Bind, listCap } from './bind';
import { TextField } from './TextField';

/** The article's facts, prefilled from its page: every one may be corrected. */
export function ArticleFields({ bind }: { bind: Bind }) {
  const perLine = i18n.t('author.hint.perLine');
  return (
    <fieldset class="author__group">
      <legend>{i18n.t('author.article')}</legend>
      <TextField
        {...bind('dois')}
        label={i18n.t('author.field.dois')}
        hint={i18n.t('author.hint.dois')}
        rows={2}
        code
        maxLength={listCap(CATALOG_LIMITS.dois, CATALOG_LIMITS.doiLength)}
      />
      <TextField {...bind('titleEn')} label={i18n.t('author.field.title')} maxLength={CATALOG_LIMITS.titleLength} />
      <TextField
        {...bind('titleFr')}
        label={i18n.t('author.field.titleFr')}
        lang="fr"
        maxLength={CATALOG_LIMITS.titleLength}
      />
      <TextField
        {...bind('authors')}
        label={i18n.t('author.field.authors')}
        hint={perLine}
        rows={4}
        maxLength={listCap(CATALOG_LIMITS.authors, CATALOG_LIMITS.authorLength)}
      />
      <TextField
        {...bind('citation')}
        label={i18n.t('author.field.citation')}
        rows={3}
        maxLength={CATALOG_LIMITS.citationLength}
      />
      <TextField {...bind('year')} label={i18n.t('author.field.year')} code maxLength={4} />
      <TextField
        {...bind('articleUrls')}
        label={i18n.t('author.field.articleUrls')}
        hint={perLine}
        rows={2}
        code
        maxLength={listCap(CATALOG_LIMITS.urls, CATALOG_LIMITS.urlLength)}
      />
      <TextField {...bind('pdfUrl')} label={i18n.t('author.field.pdfUrl')} code maxLength={CATALOG_LIMITS.urlLength} />
    </fieldset>
  );
}
