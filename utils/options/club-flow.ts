import * as v from 'valibot';
import { i18n } from '#i18n';
import { type ClubConfig, type ClubGroup, serviceOrigins } from '../club/backends';
import { HypothesisConfigSchema, isServiceAddress, SolidConfigSchema, type Visibility } from '../club/connection';
import type { ClubStatus } from '../club/views';
import type { BackgroundClient } from '../protocol/responses';

/** What the reader typed, as the form holds it. */
export interface HypothesisFields {
  service: string;
  token: string;
}
export interface SolidFields {
  issuer: string;
  clientId: string;
  clientSecret: string;
  clubContainer: string;
}

/** A problem with one field (the form focuses it), or with the step as a whole. */
export type FlowProblem = { ok: false; field: string | null; message: string };

export interface ClubFlowDeps {
  send: BackgroundClient;
  /**
   * `permissions.request` for these origins (`https://host/*` patterns are made from them). It must be called
   * before anything is awaited in the reader's click, or the browser refuses to ask.
   */
  requestOrigins(origins: string[]): Promise<boolean>;
}

/** The address of a Hypothesis account's developer page, where the reader makes a token. */
export function developerPage(service: string): string {
  const base = isServiceAddress(service.trim()) ? service.trim() : 'https://hypothes.is';
  return `${base.replace(/\/+$/, '')}/account/developer`;
}

function hypothesisProblem(fields: HypothesisFields): FlowProblem | null {
  if (!isServiceAddress(fields.service.trim())) {
    return { ok: false, field: 'service', message: i18n.t('clubOptions.problem.service') };
  }
  if (fields.token.trim() === '') return { ok: false, field: 'token', message: i18n.t('clubOptions.problem.token') };
  if (fields.token.trim().length > 1_000) {
    return { ok: false, field: 'token', message: i18n.t('clubOptions.problem.tooLong') };
  }
  return null;
}

function solidConfig(fields: SolidFields): ClubConfig | FlowProblem {
  for (const field of ['issuer', 'clubContainer'] as const) {
    if (!isServiceAddress(fields[field].trim())) {
      return { ok: false, field, message: i18n.t('clubOptions.problem.service') };
    }
  }
  if (!new URL(fields.clubContainer.trim()).pathname.endsWith('/')) {
    return { ok: false, field: 'clubContainer', message: i18n.t('clubOptions.problem.container') };
  }
  for (const field of ['clientId', 'clientSecret'] as const) {
    if (fields[field].trim() === '') return { ok: false, field, message: i18n.t('clubOptions.problem.empty') };
  }
  const parsed = v.safeParse(SolidConfigSchema, { kind: 'solid', ...fields });
  return parsed.success ? parsed.output : { ok: false, field: null, message: i18n.t('clubOptions.problem.tooLong') };
}

async function granted(origins: Promise<boolean>, list: string[]): Promise<FlowProblem | null> {
  const answer = await origins.catch(() => false);
  return answer
    ? null
    : { ok: false, field: null, message: i18n.t('clubOptions.problem.permission', [list.join(', ')]) };
}

const failed = (error: string): FlowProblem => ({ ok: false, field: null, message: error });

/**
 * Hypothesis, step one: the site permission for the service (asked in the reader's click), then the groups the
 * token may post in. Nothing is stored yet.
 */
export function hypothesisGroups(
  fields: HypothesisFields,
  deps: ClubFlowDeps,
): Promise<{ ok: true; groups: ClubGroup[] } | FlowProblem> {
  const problem = hypothesisProblem(fields);
  if (problem) return Promise.resolve(problem);
  const origins = serviceOrigins({ kind: 'hypothesis', service: fields.service.trim(), token: '', group: '' });
  const asked = deps.requestOrigins(origins);
  return (async () => {
    const denied = await granted(asked, origins);
    if (denied) return denied;
    const reply = await deps.send({ type: 'club-groups', service: fields.service.trim(), token: fields.token.trim() });
    if (!reply.ok) return failed(reply.error);
    if (reply.value.length === 0) return failed(i18n.t('clubOptions.problem.noGroups'));
    return { ok: true as const, groups: reply.value };
  })();
}

/** Hypothesis, step two: connect to the chosen group (its site was granted in step one). */
export async function connectHypothesis(
  fields: HypothesisFields,
  group: string,
  visibility: Visibility,
  deps: Pick<ClubFlowDeps, 'send'>,
): Promise<{ ok: true; status: ClubStatus } | FlowProblem> {
  const parsed = v.safeParse(HypothesisConfigSchema, { kind: 'hypothesis', ...fields, group });
  if (!parsed.success) return failed(i18n.t('clubOptions.problem.group'));
  const reply = await deps.send({ type: 'club-connect', config: parsed.output, defaultVisibility: visibility });
  return reply.ok ? { ok: true, status: reply.value } : failed(reply.error);
}

/** A Solid pod: the permission for the issuer and the pod (asked in the click), then connecting. */
export function connectSolid(
  fields: SolidFields,
  visibility: Visibility,
  deps: ClubFlowDeps,
): Promise<{ ok: true; status: ClubStatus } | FlowProblem> {
  const config = solidConfig(fields);
  if ('ok' in config) return Promise.resolve(config);
  const origins = serviceOrigins(config);
  const asked = deps.requestOrigins(origins);
  return (async () => {
    const denied = await granted(asked, origins);
    if (denied) return denied;
    const reply = await deps.send({ type: 'club-connect', config, defaultVisibility: visibility });
    return reply.ok ? { ok: true as const, status: reply.value } : failed(reply.error);
  })();
}
