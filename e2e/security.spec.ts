import { expect, test } from '@playwright/test';
import { hostile } from './fixtures.ts';
import { buffer, open, run } from './helpers.ts';

const PAYLOAD = '<img src=x onerror="window.__xss=1">';

// Untrusted text (object names, labels, annotations, command output) is shown as text,
// never parsed as HTML: the payload must appear literally and never run.
test('markup in annotations, names and output stays text', async ({ page }) => {
  await open(page);
  await run(page, `kubectl run xss --image=nginx --annotations='note=${PAYLOAD}' --labels='app=xss'`);
  await run(page, `echo '${PAYLOAD}'`);
  expect(await buffer(page)).toContain(`\n${PAYLOAD}\n`);
  await expect.poll(() => page.evaluate(() => window.__cy?.nodes().map((n) => String(n.data('label')).split('\n')[0]) ?? []), { timeout: 30_000 }).toContain('xss');
  const box = await page.evaluate(() => window.__cy!.nodes().map((n) => ({ l: String(n.data('label')).split('\n')[0], b: n.renderedBoundingBox() })).find((x) => x.l === 'xss')!.b);
  const graph = (await page.locator('[data-testid=graph]').boundingBox())!;
  await page.mouse.click(graph.x + (box.x1 + box.x2) / 2, graph.y + (box.y1 + box.y2) / 2);
  // Printed as kubectl prints it (a plain YAML scalar), and as text.
  await expect(page.getByTestId('inspector-yaml')).toContainText(`note: ${PAYLOAD}`);
  expect(await page.locator('img').count()).toBe(0);
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
});

test('markup in names from the cluster stays text in every control', async ({ page }) => {
  await open(page);
  await page.evaluate((d) => window.__kubelab!.inject({ type: 'cluster', diff: d }), hostile(PAYLOAD));
  await expect(page.getByLabel('Namespace').locator('option', { hasText: PAYLOAD })).toHaveCount(1);
  expect(await page.locator('img').count()).toBe(0);
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
});

test('the built app is served with a Content-Security-Policy that forbids inline script', async ({ page }) => {
  const res = await page.goto('/');
  const csp = res!.headers()['content-security-policy'] ?? '';
  expect(csp).toContain("script-src 'self'");
  expect(csp).not.toContain("'unsafe-inline' 'self'");
  expect(csp.split(';').find((d) => d.trim().startsWith('script-src'))).not.toContain('unsafe-inline');
  // An inline script injected now is refused by the policy.
  const ran = await page.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'window.__inline = 1';
    document.body.appendChild(s);
    return (window as unknown as { __inline?: number }).__inline;
  });
  expect(ran).toBeUndefined();
});
