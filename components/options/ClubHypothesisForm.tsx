import { useRef, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import type { ClubGroup } from '../../utils/club/backends';
import type { Visibility } from '../../utils/club/connection';
import { developerPage, type FlowProblem, type HypothesisFields } from '../../utils/options/club-flow';
import { ClubField } from './ClubField';
import { ClubVisibilityChoice } from './ClubVisibilityChoice';
import type { ClubState } from './useClub';

const DEFAULT_SERVICE = 'https://hypothes.is';

/**
 * Connecting to a Hypothesis group in two steps: the service and the token ("Connect" asks the browser for the
 * site and lists the token's groups), then the group and the default visibility ("Use this group").
 */
export function ClubHypothesisForm({ club }: { club: ClubState }) {
  const [fields, setFields] = useState<HypothesisFields>({ service: DEFAULT_SERVICE, token: '' });
  const [groups, setGroups] = useState<ClubGroup[] | null>(null);
  const [group, setGroup] = useState<string>('');
  const [visibility, setVisibility] = useState<Visibility>('only-me');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const refs = { service: useRef<HTMLInputElement>(null), token: useRef<HTMLInputElement>(null) };
  const groupsLegend = useRef<HTMLLegendElement>(null);

  const edit = (key: keyof HypothesisFields) => (value: string) => {
    setFields((current) => ({ ...current, [key]: value }));
    setGroups(null);
    setErrors((current) => ({ ...current, [key]: '' }));
  };

  const place = (problem: FlowProblem) => {
    if (problem.field && problem.field in refs) {
      setErrors({ [problem.field]: problem.message });
      refs[problem.field as keyof typeof refs].current?.focus();
    }
  };

  const listGroups = (event: Event) => {
    event.preventDefault();
    if (club.busy) return;
    // The permission prompt is opened inside this click, before anything is awaited.
    void club.groups(fields).then((result) => {
      if (!result.ok) return place(result);
      setGroups(result.groups);
      setGroup(result.groups[0]?.id ?? '');
      requestAnimationFrame(() => groupsLegend.current?.parentElement?.querySelector('input')?.focus());
    });
  };

  const connect = (event: Event) => {
    event.preventDefault();
    if (club.busy || !group) return;
    void club.connectHypothesis(fields, group, visibility).then((result) => {
      if (result !== true) place(result);
    });
  };

  const chosen = groups?.find((found) => found.id === group);
  return (
    <div>
      <form onSubmit={listGroups} noValidate>
        <ClubField
          id="club-service"
          type="url"
          label={i18n.t('clubOptions.hypothesis.service')}
          hint={i18n.t('clubOptions.hypothesis.serviceHint')}
          value={fields.service}
          error={errors.service || null}
          inputRef={refs.service}
          onInput={edit('service')}
        />
        <ClubField
          id="club-token"
          type="password"
          label={i18n.t('clubOptions.hypothesis.token')}
          hint={
            <>
              {i18n.t('clubOptions.hypothesis.tokenHint')}{' '}
              <a href={developerPage(fields.service)} target="_blank" rel="noopener noreferrer">
                {developerPage(fields.service)}
              </a>
            </>
          }
          value={fields.token}
          error={errors.token || null}
          inputRef={refs.token}
          onInput={edit('token')}
        />
        <button type="submit" class="button button--primary" aria-disabled={club.busy ? 'true' : 'false'}>
          {club.busy && !groups ? i18n.t('clubOptions.busy') : i18n.t('clubOptions.hypothesis.listGroups')}
        </button>
      </form>
      {groups && (
        <form class="club__groups" onSubmit={connect} noValidate>
          <fieldset class="club__choice">
            <legend ref={groupsLegend}>{i18n.t('clubOptions.hypothesis.groups')}</legend>
            {groups.map((found) => (
              <div key={found.id} class="club__option">
                <input
                  type="radio"
                  id={`club-group-${found.id}`}
                  name="club-group"
                  value={found.id}
                  checked={group === found.id}
                  onChange={() => setGroup(found.id)}
                />
                <label for={`club-group-${found.id}`}>{found.name}</label>
                {found.readableByAnyone && <p class="hint">{i18n.t('clubOptions.hypothesis.public')}</p>}
              </div>
            ))}
          </fieldset>
          <ClubVisibilityChoice idPrefix="club-connect" value={visibility} onChange={setVisibility} />
          <button type="submit" class="button button--primary" aria-disabled={club.busy ? 'true' : 'false'}>
            {club.busy ? i18n.t('clubOptions.busy') : i18n.t('clubOptions.hypothesis.connect', [chosen?.name ?? ''])}
          </button>
        </form>
      )}
    </div>
  );
}
