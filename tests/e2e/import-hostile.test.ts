import { readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { waitForPanelFrame } from '../support/browser.mjs';
import { useExtensionSession } from '../support/extension-session';
import { passageEnds } from '../support/page-text';

/**
 * Import files come from other people (review F5): one must not overwrite the reader's note by dating itself
 * in the future, and the reader's own backup must always bring their notes back.
 */

const session = useExtensionSession();
const PASSAGE = 'few available training programs';
const NOTE = 'The reader’s own note.';
const opened: Page[] = [];

afterEach(async () => {
  await Promise.all(opened.splice(0).map((page) => page.close()));
});

const panelOf = async (page: Page) =>
  (await waitForPanelFrame(page, session.browser.extensionId)).getByRole('complementary', { name: 'Journal club' });

/** Drag-selects the passage, ties it to question 2 and saves the note, as a reader does. */
async function highlightWithNote(page: Page) {
  const panel = await panelOf(page);
  await panel.waitFor();
  const box = await passageEnds(page, PASSAGE);
  await page.mouse.move(box.x1, box.y1);
  await page.mouse.down();
  await page.mouse.move(box.x2, box.y2, { steps: 6 });
  await page.mouse.up();
  await page
    .getByRole('toolbar', { name: 'Highlight the selection' })
    .getByRole('button', { name: /^Tie to question 2/ })
    .click();
  const note = panel.getByRole('textbox', { name: 'Note' });
  await note.fill(NOTE);
  await panel.getByRole('button', { name: 'Save' }).click();
  await expect.poll(() => panel.getByText(NOTE).count()).toBe(1);
}

/** Chooses `file` in the panel's import button and waits for the summary to confirm. */
async function chooseImport(panel: ReturnType<Frame['getByRole']>, file: string) {
  await panel.locator('input[type=file]').setInputFiles(file);
  const confirm = panel.getByRole('group', { name: 'Import' });
  await confirm.waitFor();
  return confirm;
}

describe('an import file', () => {
  it('dated in the future cannot replace a note, and the reader’s own backup restores a replaced one', async () => {
    const page = await session.browser.context.newPage();
    opened.push(page);
    await page.goto(`${session.server.origin}/demo-article.html`);
    await highlightWithNote(page);
    const panel = await panelOf(page);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      panel.getByRole('button', { name: 'Download backup (all articles)' }).click(),
    ]);
    const backupPath = await download.path();
    const backup = JSON.parse(await readFile(backupPath, 'utf8'));
    const [mine] = backup.highlights;
    expect(mine.note).toBe(NOTE);

    // The id is in every export the reader posts; the author of the file only has to date it 9999.
    const future = join(tmpdir(), `jc-hostile-${Date.now()}.json`);
    const forged = { ...mine, note: 'Replaced by the file author', updatedAt: '9999-12-31T23:59:59.999Z' };
    await writeFile(future, JSON.stringify({ ...backup, highlights: [forged] }));
    const confirm = await chooseImport(panel, future);
    expect(await confirm.textContent()).toContain('1 invalid');
    const importButton = confirm.getByRole('button', { name: 'Import', exact: true });
    if (await importButton.isEnabled()) await importButton.click();
    else await confirm.getByRole('button', { name: 'Cancel' }).click();
    await page.reload();
    const reloaded = await panelOf(page);
    await expect.poll(() => reloaded.getByText(NOTE).count(), { timeout: 10_000 }).toBe(1);
    expect(await reloaded.getByText('Replaced by the file author').count()).toBe(0);

    // A plausibly dated change is newer, so a merge takes it; restoring the reader's backup brings the note back.
    const recent = join(tmpdir(), `jc-recent-${Date.now()}.json`);
    const newer = { ...forged, updatedAt: new Date().toISOString() };
    await writeFile(recent, JSON.stringify({ ...backup, highlights: [newer] }));
    await (await chooseImport(reloaded, recent)).getByRole('button', { name: 'Import', exact: true }).click();
    await expect.poll(() => reloaded.getByText('Replaced by the file author').count()).toBe(1);

    const restore = await chooseImport(reloaded, backupPath);
    expect(await restore.textContent()).toContain('1 unchanged');
    await restore.getByRole('checkbox', { name: /Restore from backup/ }).check();
    await expect.poll(() => restore.textContent()).toContain('1 replaced');
    await restore.getByRole('button', { name: 'Replace my notes' }).click();
    await expect.poll(() => reloaded.getByText(NOTE).count(), { timeout: 10_000 }).toBe(1);
    expect(await reloaded.getByText('Replaced by the file author').count()).toBe(0);
  });
});
