import { i18n } from '#i18n';
import { type ClubConfig, type ClubGroup, type HypothesisConfig, serviceOrigins } from '../club/backends';
import { redacted, sameClub, type Visibility } from '../club/connection';
import { retryNow, withdrawn } from '../club/share-state';
import type { ClubStatus, DisconnectOutcome } from '../club/views';
import type { Reply } from '../protocol/reply';
import { refreshClubCatalog } from './club-catalog';
import type { ClubLayer } from './club-layer';
import { failureCodeText, failureText } from './club-messages';
import type { ClubService } from './club-service';
import { ok, refused } from './reply';

async function permitted(club: ClubService, config: ClubConfig): Promise<Reply<never> | null> {
  const origins = serviceOrigins(config);
  if (await club.deps.permitted(origins)) return null;
  return refused(i18n.t('clubService.permissionMissing', [origins.join(', ')]));
}

/**
 * The groups a Hypothesis token may post in. The token is tried on the profile first: h lists the public groups
 * even for a revoked token, which would look like a working connection.
 */
export async function clubGroups(
  club: ClubService,
  config: Pick<HypothesisConfig, 'service' | 'token'>,
): Promise<Reply<ClubGroup[]>> {
  const full: HypothesisConfig = { kind: 'hypothesis', group: '', ...config };
  const denied = await permitted(club, full);
  if (denied) return denied;
  const me = await club.deps.backends.create(full).whoAmI();
  if (!me.ok) return refused(failureText(me, full));
  const groups = await club.deps.backends.groups(config);
  return groups.ok ? ok(groups.value) : refused(failureText(groups, full));
}

/**
 * Connects: the site permission must already be granted (asked for in the reader's click), the service must
 * know the reader (and, for Hypothesis, count them in the group). A new secret for the same club and account
 * renews the connection and retries what waited for it; another club needs disconnecting first, because the
 * shared highlights' copies live in the first one.
 */
export async function connectClub(
  club: ClubService,
  layer: ClubLayer,
  config: ClubConfig,
  defaultVisibility: Visibility,
): Promise<Reply<ClubStatus>> {
  const denied = await permitted(club, config);
  if (denied) return denied;
  const previous = await club.deps.storage.connection();
  if (previous && !sameClub(previous.config, config)) return refused(i18n.t('clubService.disconnectFirst'));
  const backend = club.deps.backends.create(config);
  const me = await backend.whoAmI();
  if (!me.ok) return refused(failureText(me, config));
  if (previous && previous.member.id !== me.value.id) return refused(i18n.t('clubService.disconnectFirst'));
  let groupName = config.kind === 'solid' ? config.clubContainer : '';
  if (config.kind === 'hypothesis') {
    const groups = await club.deps.backends.groups(config);
    if (!groups.ok) return refused(failureText(groups, config));
    const group = groups.value.find((found) => found.id === config.group);
    if (!group) return refused(i18n.t('clubService.notInGroup'));
    groupName = group.name;
  }
  const connection = {
    config,
    member: me.value,
    groupName,
    defaultVisibility,
    connectedAt: previous?.connectedAt ?? club.deps.now().toISOString(),
  };
  await club.deps.storage.saveConnection(connection);
  club.adopt(connection, backend);
  const now = club.deps.now().getTime();
  for (const share of await club.deps.shares.list()) {
    if (share.failure) await club.deps.shares.update(share.highlightId, (found) => found && retryNow(found, now));
  }
  if (!previous) await layer.clear();
  await club.deps.schedule.start();
  club.syncSoon();
  // The club's own catalog joins the reader's as soon as it is read; the reply does not wait for it.
  void refreshClubCatalog(club).catch(() => undefined);
  return ok(await clubStatus(club));
}

/** The default for new highlights; highlights already saved keep theirs. */
export async function setDefaultVisibility(club: ClubService, visibility: Visibility): Promise<Reply<ClubStatus>> {
  const connection = await club.deps.storage.connection();
  if (!connection) return refused(i18n.t('clubService.notConnected'));
  await club.deps.storage.saveConnection({ ...connection, defaultVisibility: visibility });
  return ok(await clubStatus(club));
}

/** "Try again": every refused intent is eligible again, and the outbox drains now (awaited, to show the outcome). */
export async function retryClub(club: ClubService): Promise<Reply<ClubStatus>> {
  if (!(await club.active())) return refused(i18n.t('clubService.notConnected'));
  const now = club.deps.now().getTime();
  for (const share of await club.deps.shares.list()) {
    await club.deps.shares.update(share.highlightId, (found) => found && retryNow(found, now));
  }
  await club.drain();
  return ok(await clubStatus(club));
}

/**
 * Disconnects. With `deletePublished`, every published copy is withdrawn and the outbox drained first, and the
 * reader told how many went; then the connection (the secret) and the share records are forgotten. The reader's
 * highlights in IndexedDB are not touched.
 */
export async function disconnectClub(
  club: ClubService,
  layer: ClubLayer,
  deletePublished: boolean,
): Promise<Reply<DisconnectOutcome>> {
  const { shares, storage } = club.deps;
  let deleted = 0;
  let notDeleted = 0;
  if (deletePublished && (await club.active())) {
    const now = club.deps.now().getTime();
    const all = await shares.list();
    const published = all.filter((share) => share.remoteId !== null);
    // Every share is withdrawn, the unpublished ones too (they are simply dropped), so the drain publishes nothing.
    for (const share of all) await shares.update(share.highlightId, (found) => found && withdrawn(found, now));
    await club.drain();
    const left = (await shares.list()).filter((share) => share.pending === 'remove' && share.remoteId !== null);
    notDeleted = left.length;
    deleted = published.length - notDeleted;
  }
  for (const share of await shares.list()) await shares.update(share.highlightId, () => null);
  await storage.forgetAll();
  club.forget();
  // The club's catalog went with the rest: its entries leave the reader's catalog and its panels.
  club.deps.onCatalogChanged?.();
  await layer.clear();
  await club.deps.schedule.stop();
  return ok({ deleted, notDeleted, status: await clubStatus(club) });
}

export async function clubStatus(club: ClubService): Promise<ClubStatus> {
  const connection = await club.deps.storage.connection();
  const shares = await club.deps.shares.list();
  const reasons = new Map<string, number>();
  for (const share of shares) {
    if (share.pending === 'none' || !share.failure) continue;
    const reason = failureText(share.failure, connection?.config);
    reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
  }
  const sync = await club.deps.storage.lastSync();
  return {
    connection: connection ? redacted(connection) : null,
    queued: shares.filter((share) => share.pending !== 'none' && !share.failure).length,
    failed: [...reasons].map(([reason, count]) => ({ reason, count })),
    lastSync: sync && { ...sync, problem: sync.stoppedBy === null ? null : failureCodeText(sync.stoppedBy) },
  };
}
