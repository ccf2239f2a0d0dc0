import type { ComponentChildren } from 'preact';
import { useId } from 'preact/hooks';
import { i18n } from '#i18n';
import { countLabel, type HighlightGroup as Group } from '../utils/highlights/groups';
import { QuestionChip } from './QuestionChip';

/** Why orphans are listed at all: they were not lost, and a reader may still want their notes. */
const EXPLANATIONS: Partial<Record<Group['kind'], () => string>> = {
  missing: () => i18n.t('highlights.missingWhy'),
  'other-copy': () => i18n.t('highlights.otherCopyWhy'),
};

/** A titled list of highlights: the untied ones, or one kind of orphan (each question has its QuestionSection). */
export function HighlightGroup({ group, children }: { group: Group; children: ComponentChildren }) {
  const headingId = useId();
  const explanation = EXPLANATIONS[group.kind]?.();
  return (
    <section class={`hl-group hl-group--${group.kind}`} aria-labelledby={headingId}>
      <h2 id={headingId} class="hl-group__heading">
        {group.questionIndex !== undefined && <QuestionChip index={group.questionIndex} />}
        {group.heading}
        <span class="hl-group__count"> · {countLabel(group.items.length)}</span>
      </h2>
      {explanation && <p class="hl-group__text">{explanation}</p>}
      <ul class="hl-list">{children}</ul>
    </section>
  );
}
