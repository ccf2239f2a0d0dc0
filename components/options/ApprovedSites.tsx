import { i18n } from '#i18n';

interface ApprovedSitesProps {
  /** Match patterns such as `https://club.example/*`, in the order approved. */
  sites: readonly string[];
  onRemove: (site: string) => void;
}

/** `https://club.example/*` as the reader knows it: the site, without the pattern's wildcard path. */
export const siteLabel = (site: string): string => site.replace(/\/\*$/, '');

/**
 * The sites feeds may be fetched from, which the reader approved by subscribing. The browser's host permissions
 * already cover every site, so this list, not a permission prompt, is what keeps feeds where the reader put them.
 */
export function ApprovedSites({ sites, onRemove }: ApprovedSitesProps) {
  return (
    <section class="card" aria-labelledby="sites-heading">
      <h2 id="sites-heading">{i18n.t('options.sites.heading')}</h2>
      <p class="note">{i18n.t('options.sites.note')}</p>
      {sites.length === 0 ? (
        <p class="empty">{i18n.t('options.sites.none')}</p>
      ) : (
        <ul class="sites">
          {sites.map((site) => (
            <li key={site} class="sites__item">
              <span class="sites__name">{siteLabel(site)}</span>
              <button
                type="button"
                class="button button--danger"
                aria-label={i18n.t('options.sites.removeLabel', [siteLabel(site)])}
                onClick={() => onRemove(site)}
              >
                {i18n.t('options.sites.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
