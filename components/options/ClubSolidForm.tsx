import type { RefObject } from 'preact';
import { useRef, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import type { Visibility } from '../../utils/club/connection';
import type { FlowProblem, SolidFields } from '../../utils/options/club-flow';
import { ClubField } from './ClubField';
import { ClubVisibilityChoice } from './ClubVisibilityChoice';
import type { ClubState } from './useClub';

type Field = keyof SolidFields;

/**
 * Connecting to a club kept in a Solid pod: the reader's issuer and client credentials (made on their Solid
 * server's account page) and the club's container, which the club's owner gives them.
 */
export function ClubSolidForm({ club }: { club: ClubState }) {
  const [fields, setFields] = useState<SolidFields>({ issuer: '', clientId: '', clientSecret: '', clubContainer: '' });
  const [visibility, setVisibility] = useState<Visibility>('only-me');
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const refs: Record<Field, RefObject<HTMLInputElement>> = {
    issuer: useRef<HTMLInputElement>(null),
    clientId: useRef<HTMLInputElement>(null),
    clientSecret: useRef<HTMLInputElement>(null),
    clubContainer: useRef<HTMLInputElement>(null),
  };

  const edit = (key: Field) => (value: string) => {
    setFields((current) => ({ ...current, [key]: value }));
    setErrors((current) => ({ ...current, [key]: undefined }));
  };

  const place = (problem: FlowProblem) => {
    if (problem.field && problem.field in refs) {
      const field = problem.field as Field;
      setErrors({ [field]: problem.message });
      refs[field].current?.focus();
    }
  };

  const connect = (event: Event) => {
    event.preventDefault();
    if (club.busy) return;
    // The permission prompt is opened inside this click, before anything is awaited.
    void club.connectSolid(fields, visibility).then((result) => {
      if (result !== true) place(result);
    });
  };

  const labels: Record<Field, string> = {
    issuer: i18n.t('clubOptions.solid.issuer'),
    clientId: i18n.t('clubOptions.solid.clientId'),
    clientSecret: i18n.t('clubOptions.solid.clientSecret'),
    clubContainer: i18n.t('clubOptions.solid.clubContainer'),
  };
  const field = (key: Field, type: 'url' | 'text' | 'password', hint?: string) => (
    <ClubField
      id={`club-solid-${key}`}
      type={type}
      label={labels[key]}
      hint={hint}
      value={fields[key]}
      error={errors[key] ?? null}
      inputRef={refs[key]}
      onInput={edit(key)}
    />
  );

  return (
    <form onSubmit={connect} noValidate>
      <p class="note">{i18n.t('clubOptions.solid.explain')}</p>
      {field('clubContainer', 'url', i18n.t('clubOptions.solid.clubContainerHint'))}
      {field('issuer', 'url', i18n.t('clubOptions.solid.issuerHint'))}
      {field('clientId', 'text', i18n.t('clubOptions.solid.credentialsHint'))}
      {field('clientSecret', 'password')}
      <ClubVisibilityChoice idPrefix="club-solid" value={visibility} onChange={setVisibility} />
      <button type="submit" class="button button--primary" aria-disabled={club.busy ? 'true' : 'false'}>
        {club.busy ? i18n.t('clubOptions.busy') : i18n.t('clubOptions.solid.connect')}
      </button>
    </form>
  );
}
