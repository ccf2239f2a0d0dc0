import { i18n } from '#i18n';

/**
 * "3 new from the club" for an article: what members added since the reader last opened its club layer, as the
 * last fetch counted it. Nothing when not connected (`undefined`), never fetched (null) or nothing new.
 */
export function ClubNewCount({ count, class: className }: { count: number | null | undefined; class: string }) {
  if (typeof count !== 'number' || count <= 0) return null;
  return <span class={className}>{i18n.t('popup.clubNew', count)}</span>;
}
