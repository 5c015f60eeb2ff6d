import { expect, test } from '@playwright/test';
import { open, outputOf, run, waitForPrompt } from './helpers.ts';

test('a second tab does not run the lab until it takes it over', async ({ page, context }) => {
  await open(page);
  await run(page, 'echo first > t.txt');
  await page.waitForTimeout(1000);
  const second = await context.newPage();
  await second.goto('/?testhooks');
  await expect(second.getByRole('dialog')).toContainText('kubelab is open in another tab');
  await second.getByRole('button', { name: 'Use it here' }).click();
  await waitForPrompt(second);
  await expect(page.getByRole('dialog')).toContainText('The lab moved to another tab');
  await run(second, 'cat t.txt');
  expect(await outputOf(second, 'cat t.txt')).toBe('first');
});

test('full storage stops saving with a notice, and the last save stays whole', async ({ page }) => {
  await open(page);
  await run(page, 'echo kept > q1.txt');
  await page.waitForTimeout(1000);
  await page.evaluate(() => {
    IDBObjectStore.prototype.put = function () {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
  await run(page, 'echo lost > q2.txt');
  await expect(page.getByText(/storage is full, so the lab is not being saved/)).toBeVisible();
  await page.reload();
  await waitForPrompt(page);
  await run(page, 'ls q*.txt');
  expect(await outputOf(page, 'ls q*.txt')).toBe('q1.txt');
});
