import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { buffer, run, waitForPrompt } from './helpers.ts';

const shipped = (f: string) => readFileSync(new URL(`../exercises/packs/rbac/${f}`, import.meta.url), 'utf8');

/** serve answers the page's requests under /class/ with these files, as an instructor's web server would. */
async function serve(page: Page, files: Record<string, string>): Promise<void> {
  await page.route((url) => url.pathname.startsWith('/class/'), (route) => {
    const name = new URL(route.request().url()).pathname.replace('/class/', '');
    const body = files[name];
    return body === undefined ? route.fulfill({ status: 404, body: 'not found' }) : route.fulfill({ status: 200, contentType: 'text/yaml', body });
  });
}

test('a share link opens a pack from a URL and its exercise; checks are recorded and exported', async ({ page }) => {
  await serve(page, {
    'pack.yaml': 'apiVersion: kubelab.dev/v1\nkind: Pack\nid: class\ntitle: Our class\nexercises: [pod-reader.yaml]\n',
    'pod-reader.yaml': shipped('pod-reader.yaml'),
  });
  await page.goto('/?testhooks&pack=/class/pack.yaml&exercise=class/rbac-pod-reader');
  await waitForPrompt(page);
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('Start “A Role that reads pods”?');
  await dialog.getByRole('button', { name: 'Start', exact: true }).click();
  await expect(page.getByTestId('exercise-title')).toHaveText('A Role that reads pods');
  await expect(page.getByText('Setting up the lab…')).toBeHidden({ timeout: 30_000 });
  await page.getByRole('button', { name: 'Check my work' }).click();
  await expect(page.getByTestId('grade')).toContainText(/\d of 5 checks pass/, { timeout: 20_000 });

  await page.getByRole('button', { name: '← All exercises' }).click();
  await page.getByText('Our class').click();
  await expect(page.locator('details.pack', { hasText: 'Our class' }).locator('li', { hasText: 'A Role that reads pods' })).toContainText(/best \d+%/);
  await page.getByText('Workshop: open a pack, export results').click();
  await page.getByLabel('Learner name').fill('Ada');
  await page.getByLabel('Learner name').blur();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
  const csv = readFileSync(await download.path(), 'utf8');
  expect(csv.split('\r\n')[0]).toBe('learner,pack,exercise,title,best_score_percent,passed,attempts,last_checked');
  expect(csv).toMatch(/^Ada,class,rbac-pod-reader,A Role that reads pods,\d+,false,1,\d{4}-/m);
});

test('a broken pack from a URL is refused with file, line and column, and its markup stays text', async ({ page }) => {
  await serve(page, {
    'pack.yaml': 'apiVersion: kubelab.dev/v1\nkind: Pack\nid: bad\ntitle: <img src=x onerror="window.__xss=1">\nexercises: [x.yaml]\n',
    'x.yaml': 'apiVersion: kubelab.dev/v1\nkind: Exercise\nid: x\ntitle: X\ndomain: nope\n',
  });
  await page.goto('/?testhooks&pack=/class/pack.yaml');
  await waitForPrompt(page);
  await expect(page.getByTestId('pack-errors')).toContainText(/x\.yaml:\d+:\d+: /);
  expect(await page.locator('img').count()).toBe(0);
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
});

test('a link opens an exercise on prepared machines: no cluster until kubeadm init builds one', async ({ page }) => {
  await page.goto('/?testhooks&exercise=install/kubeadm-init-join');
  await waitForPrompt(page);
  await page.getByRole('dialog').getByRole('button', { name: 'Start', exact: true }).click();
  await expect(page.getByTestId('exercise-title')).toHaveText('Build a cluster with kubeadm, Flannel and a worker');
  await expect(page.getByText('Setting up the lab…')).toBeHidden({ timeout: 30_000 });
  await waitForPrompt(page);
  await run(page, 'ssh controlplane');
  await run(page, 'systemctl is-active kubelet; ls /etc/kubernetes');
  expect(await buffer(page)).toMatch(/activating\nmanifests\n/);
  await page.getByRole('button', { name: 'Check my work' }).click();
  await expect(page.getByTestId('grade')).toContainText(/0 of 6 checks pass/, { timeout: 20_000 });
});
