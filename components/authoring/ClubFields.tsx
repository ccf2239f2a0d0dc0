import { i18n } from '#i18n';
import { CATALOG_LIMITS } from '../../utils/catalog/schema';
import type { Bind } from './bind';
import { TextField } from './TextField';

/** The club and its post, the entry's id and its dates. */
export function ClubFields({ bind }: { bind: Bind }) {
  return (
    <fieldset class="author__group">
      <legend>{i18n.t('author.club')}</legend>
      <TextField
        {...bind('clubNameEn')}
        label={i18n.t('author.field.clubName')}
        maxLength={CATALOG_LIMITS.clubNameLength}
      />
      <TextField
        {...bind('clubNameFr')}
        label={i18n.t('author.field.clubNameFr')}
        lang="fr"
        maxLength={CATALOG_LIMITS.clubNameLength}
      />
      <TextField
        {...bind('clubUrl')}
        label={i18n.t('author.field.clubUrl')}
        code
        maxLength={CATALOG_LIMITS.urlLength}
      />
      <TextField
        {...bind('postUrl')}
        label={i18n.t('author.field.postUrl')}
        hint={i18n.t('author.hint.postUrl')}
        code
        maxLength={CATALOG_LIMITS.urlLength}
      />
      <TextField
        {...bind('id')}
        label={i18n.t('author.field.id')}
        hint={i18n.t('author.hint.id')}
        code
        maxLength={CATALOG_LIMITS.idLength}
      />
      <TextField
        {...bind('meeting')}
        label={i18n.t('author.field.meeting')}
        hint={i18n.t('author.hint.meeting')}
        code
        maxLength={10}
      />
      <TextField
        {...bind('published')}
        label={i18n.t('author.field.published')}
        hint={i18n.t('author.hint.published')}
        code
        maxLength={10}
      />
    </fieldset>
  );
}
