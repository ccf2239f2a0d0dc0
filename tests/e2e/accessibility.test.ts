import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Frame, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { VISIBLE_FOR_MS } from '../../utils/panel/click-guard';
import { waitForPanelFrame } from '../support/browser.mjs';
import { useExtensionSession } from '../support/extension-session';
import { selectDemoOpening } from '../support/page-text';

/** axe-core's browser build, injected into the frame under test. */
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const session = useExtensionSession();

/** Serious and critical axe findings under `selector` (the whole document by default), as readable lines. */
async function seriousViolations(frame: Frame | Page, selector?: string): Promise<string[]> {
  await frame.evaluate(AXE);
  return frame.evaluate(async (include) => {
    const axe = (globalThis as unknown as { axe: { run(context: unknown): Promise<AxeResults> } }).axe;
    type AxeResults = { violations: { id: string; impact: string | null; nodes: { target: unknown[] }[] }[] };
    const results = await axe.run(include ? { include: [[include]] } : document);
    return results.violations
      .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      .map(
        (violation) =>
          `${violation.impact} ${violation.id}: ${violation.nodes.map((n) => n.target.join(' ')).join(', ')}`,
      );
  }, selector ?? null);
}

async function openPanel(): Promise<{ page: Page; panel: Frame }> {
  const page = await session.browser.context.newPage();
  await page.goto(`${session.server.origin}/demo-article.html`);
  const panel = await waitForPanelFrame(page, session.browser.extensionId);
  await panel.getByRole('complementary', { name: 'Journal club' }).waitFor();
  return { page, panel };
}

describe('no serious or critical accessibility violations (axe-core)', () => {
  it('in the open panel, with a highlight and its note editor', async () => {
    const { page, panel } = await openPanel();
    await selectDemoOpening(page);
    await page
      .getByRole('toolbar')
      .getByRole('button', { name: /^Tie to question 1/ })
      .click();
    await panel.getByRole('textbox', { name: 'Note' }).waitFor();
    expect(await seriousViolations(panel)).toEqual([]);
    await page.close();
  });

  it('in the questions (with a refused tie’s message), and in the Summary and Commentary tabs', async () => {
    const { page, panel } = await openPanel();
    // The tie button saves to the reader's notes: it counts only on a panel seen for a moment (click-guard.ts).
    await page.waitForTimeout(VISIBLE_FOR_MS + 200);
    const question = panel.getByRole('region', { name: 'Question 2' });
    await question.getByRole('button', { name: 'Tie my selection to question 2' }).click();
    await question.getByText('Select a passage in the article first.').waitFor();
    expect(await seriousViolations(panel)).toEqual([]);
    for (const tab of ['Summary', 'Commentary']) {
      await panel.getByRole('tab', { name: tab }).click();
      expect(await seriousViolations(panel), tab).toEqual([]);
    }
    await page.close();
  });

  it('in the collapsed panel', async () => {
    const { page, panel } = await openPanel();
    await panel.getByRole('button', { name: 'Collapse panel' }).click();
    const tab = (await waitForPanelFrame(page, session.browser.extensionId)).getByRole('button', {
      name: /Journal club/,
    });
    await tab.waitFor();
    expect(await seriousViolations(await waitForPanelFrame(page, session.browser.extensionId))).toEqual([]);
    await tab.click();
    await page.close();
  });

  it('in the selection toolbar', async () => {
    const { page } = await openPanel();
    await page.evaluate(() => {
      const text = document.querySelectorAll('article p')[3]?.firstChild as Text;
      const range = document.createRange();
      range.setStart(text, 10);
      range.setEnd(text, 39);
      getSelection()?.removeAllRanges();
      getSelection()?.addRange(range);
    });
    // The last character by a real key: the toolbar offers only selections the reader's own input made.
    await page.keyboard.press('Shift+ArrowRight');
    await page.getByRole('toolbar', { name: 'Highlight the selection' }).waitFor();
    expect(await seriousViolations(page, 'journal-club-toolbar')).toEqual([]);
    await page.close();
  });
});
