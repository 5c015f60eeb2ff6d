import { expect, test } from '@playwright/test';
import { focusTerminal, open, run, shot, waitForPrompt } from './helpers.ts';

test('the layout fits 1280×720 in both themes', async ({ page }) => {
  await open(page);
  await run(page, 'kubectl get nodes');
  await run(page, 'echo hello > hello.txt');
  await page.getByRole('button', { name: 'Open file…' }).click();
  await page.getByLabel('Path').fill((await page.getByLabel('Path').inputValue()) + 'hello.txt');
  await page.getByRole('button', { name: 'Open', exact: true }).click();
  await expect(page.locator('.monaco-editor')).toBeVisible({ timeout: 20_000 });
  for (const theme of ['light', 'dark'] as const) {
    await page.evaluate((t) => document.documentElement.dataset.theme !== t && document.querySelector<HTMLButtonElement>(`button[aria-label="Switch to ${t} theme"]`)?.click(), theme);
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
    // Nothing spills out of the window: the page never scrolls.
    const overflow = await page.evaluate(() => ({ w: document.documentElement.scrollWidth, h: document.documentElement.scrollHeight }));
    expect(overflow).toEqual({ w: 1280, h: 720 });
    await shot(page, `layout-${theme}`);
  }
});

test('keyboard: Alt+1…4 move between panes, separators resize with the arrows', async ({ page }) => {
  await open(page);
  await page.keyboard.press('Alt+4');
  await expect(page.getByTestId('graph')).toBeFocused();
  await page.keyboard.press('Alt+1');
  await expect(page.locator('[data-pane=tasks] [role=tabpanel]')).toBeFocused();
  await page.keyboard.press('Alt+2');
  await expect(page.locator('[data-testid=terminal] .xterm-helper-textarea')).toBeFocused();
  const sep = page.getByRole('separator', { name: /Resize task panel/ });
  const before = Number(await sep.getAttribute('aria-valuenow'));
  await sep.focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  expect(Number(await sep.getAttribute('aria-valuenow'))).toBeGreaterThan(before);
  await page.keyboard.press('Alt+Shift+Slash');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
  await shot(page, 'layout-shortcuts');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
});

test('Reset lab asks first, then starts clean', async ({ page }) => {
  await open(page);
  await run(page, 'echo before-reset');
  await page.getByRole('button', { name: 'Reset lab' }).click();
  const dialog = page.getByRole('dialog', { name: 'Reset the lab?' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  expect(await page.evaluate(() => window.__kubelab!.buffer())).toContain('before-reset');
  await page.getByRole('button', { name: 'Reset lab' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Reset lab' }).click();
  await expect.poll(() => page.evaluate(() => window.__kubelab!.buffer())).not.toContain('before-reset');
  await waitForPrompt(page);
  await focusTerminal(page);
  await page.keyboard.press('ArrowUp');
  expect((await page.evaluate(() => window.__kubelab!.buffer())).split('\n').at(-1)).not.toContain('before-reset');
});
