import { expect, test } from '@playwright/test';
import { buffer, focusTerminal, open, outputOf, promptLine, run, shot, waitForPrompt } from './helpers.ts';

test('a reload restores the terminal, history, open files, exam clock and cluster exactly', async ({ page }) => {
  await open(page);
  // The mock exam starts from a fresh lab set up for its tasks; the work below happens during the exam.
  await page.getByRole('button', { name: 'Start mock exam' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Start exam' }).click();
  await expect(page.getByTestId('exam-timer')).toBeVisible({ timeout: 60_000 });
  await waitForPrompt(page);
  await run(page, 'kubectl run keep --image=nginx');
  await run(page, 'echo saved > kept.txt');
  await page.getByRole('button', { name: 'Open file…' }).click();
  await page.getByLabel('Path').fill((await page.getByLabel('Path').inputValue()) + 'kept.txt');
  await page.getByRole('button', { name: 'Open', exact: true }).click();
  await expect(page.locator('.monaco-editor')).toBeVisible({ timeout: 20_000 });
  await page.evaluate(() => {
    const m = (window.__monaco as { editor: { getModel(): { setValue(v: string): void } } }).editor.getModel()!;
    m.setValue('unsaved change\n');
  });
  await focusTerminal(page);
  await page.keyboard.type('half typed');
  await expect.poll(async () => (await promptLine(page)).endsWith('half typed')).toBe(true);
  await expect.poll(() => page.evaluate(() => window.__kubelab!.graphNodes().includes('Pod/default/keep')), { timeout: 30_000 }).toBe(true);
  await page.waitForTimeout(1000);
  const screen = await buffer(page);

  await page.reload();
  await waitForPrompt(page);
  expect(await buffer(page)).toBe(screen);
  await expect(page.getByRole('tab', { name: '● kept.txt' })).toBeVisible();
  await expect.poll(() => page.evaluate(() => (window.__monaco as { editor: { getModel(): { getValue(): string } | null } } | undefined)?.editor.getModel()?.getValue())).toBe('unsaved change\n');
  await expect(page.getByTestId('exam-timer')).toHaveText(/^1:59:\d\d$/);
  await expect.poll(() => page.evaluate(() => window.__kubelab!.graphNodes().includes('Pod/default/keep')), { timeout: 30_000 }).toBe(true);
  // The half-typed line is still being edited, and history still has the commands.
  await focusTerminal(page);
  await page.keyboard.press('Control+u');
  await page.keyboard.press('ArrowUp');
  await expect.poll(async () => (await promptLine(page)).endsWith('echo saved > kept.txt')).toBe(true);
  await shot(page, 'persistence-after-reload');
});

test('export and import a session file', async ({ page }) => {
  await open(page);
  await run(page, 'echo exported > ex.txt');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export' }).click();
  const file = await (await download).path();
  await page.getByRole('button', { name: 'Reset lab' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Reset lab' }).click();
  await expect.poll(() => buffer(page)).not.toContain('exported');
  await page.getByTestId('import-input').setInputFiles(file);
  await expect.poll(() => buffer(page)).toContain('echo exported > ex.txt');
  await waitForPrompt(page);
  await run(page, 'cat ex.txt');
  expect((await buffer(page)).split('\n').at(-2)).toBe('exported');
});

test('rewind brings the cluster and files back to an earlier command', async ({ page }) => {
  await open(page);
  await run(page, 'echo one > r.txt');
  await run(page, 'echo two > r.txt');
  await page.getByRole('tab', { name: 'Timeline' }).click();
  await page.getByRole('button', { name: /^Rewind to #\d+: echo one > r\.txt$/ }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Rewind' }).click();
  await expect.poll(() => buffer(page)).toMatch(/── rewound to #\d+: echo one > r\.txt ──/);
  await waitForPrompt(page);
  await run(page, 'cat r.txt');
  expect((await buffer(page)).split('\n').at(-2)).toBe('one');
  await shot(page, 'rewind');
});

test('an engine that dies is restarted from the last save, with a notice', async ({ page }) => {
  await open(page);
  await run(page, 'echo before-crash > crash.txt');
  await page.waitForTimeout(1000);
  await page.evaluate(() => window.__kubelab!.killEngine());
  await expect(page.getByText(/stopped responding; it was restarted from the last save/)).toBeVisible({ timeout: 30_000 });
  await waitForPrompt(page);
  await run(page, 'cat crash.txt');
  expect(await outputOf(page, 'cat crash.txt')).toBe('before-crash');
});
