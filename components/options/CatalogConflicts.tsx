import { i18n } from '#i18n';
import type { ConflictSummary } from '../../utils/feeds/summary';
import { sourceName } from '../../utils/options/source-name';

interface CatalogConflictsProps {
  conflicts: readonly ConflictSummary[];
  onChoose: (entryId: string, source: string) => void;
}

/**
 * Articles that more than one catalog claims. A feed never takes over another catalog's entry by itself
 * (review F4): the first claimant answers until the reader picks another here. Plain radio buttons, one group
 * per article, so the arrow keys and Space work as everywhere else.
 */
export function CatalogConflicts({ conflicts, onChoose }: CatalogConflictsProps) {
  if (conflicts.length === 0) return null;
  return (
    <section class="card" aria-labelledby="conflicts-heading">
      <h2 id="conflicts-heading">{i18n.t('options.conflicts.heading')}</h2>
      <p class="note">{i18n.t('options.conflicts.note')}</p>
      <ul class="conflicts">
        {conflicts.map((conflict) => (
          <li key={conflict.entryId}>
            <fieldset>
              <legend>{i18n.t('options.conflicts.legend', [conflict.title])}</legend>
              <p class="note">{i18n.t('options.conflicts.entry', [conflict.title, conflict.entryId])}</p>
              {conflict.sources.map((source) => (
                <label key={source} class="conflicts__choice">
                  <input
                    type="radio"
                    name={`conflict-${conflict.entryId}`}
                    checked={source === conflict.chosen}
                    onChange={() => onChoose(conflict.entryId, source)}
                  />
                  {i18n.t('options.conflicts.use', [sourceName(source)])}
                </label>
              ))}
            </fieldset>
          </li>
        ))}
      </ul>
    </section>
  );
}
