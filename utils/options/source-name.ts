import { i18n } from '#i18n';
import { BUNDLED_SOURCE, MY_CLUB_SOURCE } from '../catalog/merge-sources';

/** A catalog source as the reader knows it: the built-in catalog and "My club" by their headings, a feed by its address. */
export const sourceName = (source: string): string =>
  source === BUNDLED_SOURCE
    ? i18n.t('options.bundled.heading')
    : source === MY_CLUB_SOURCE
      ? i18n.t('myClub.heading')
      : source;
