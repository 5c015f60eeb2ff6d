import { expect, test, type Page } from '@playwright/test';
import { bigCluster } from './fixtures.ts';
import { open, run, shot } from './helpers.ts';

/** clickGraphNode clicks the graph node whose label starts with `name` (its first line). */
async function clickGraphNode(page: Page, name: string): Promise<void> {
  // Zoom onto the node first, as a user would on a busy graph, then click it.
  await page.evaluate((n) => {
    const cy = window.__cy as unknown as { nodes(): { filter(f: (x: { data(k: string): unknown }) => boolean): unknown }; fit(eles: unknown, padding: number): void };
    cy.fit(cy.nodes().filter((x) => String(x.data('label')).split('\n')[0] === n), 120);
  }, name);
  await page.waitForTimeout(300);
  const box = await page.evaluate((n) => {
    const hit = window.__cy?.nodes().map((x) => ({ label: String(x.data('label')), bb: x.renderedBoundingBox() })).find((x) => x.label.split('\n')[0] === n);
    return hit?.bb;
  }, name);
  if (!box) throw new Error(`no graph node ${name}`);
  const graph = await page.locator('[data-testid=graph]').boundingBox();
  await page.mouse.click(graph!.x + (box.x1 + box.x2) / 2, graph!.y + (box.y1 + box.y2) / 2);
}

const graphLabels = (page: Page) => page.evaluate(() => window.__cy?.nodes().map((n) => String(n.data('label')).split('\n')[0]) ?? []);

test('a new pod appears on its node; clicking it shows its YAML and events', async ({ page }) => {
  await open(page);
  await expect.poll(() => graphLabels(page), { timeout: 20_000 }).toEqual(expect.arrayContaining([expect.stringMatching(/^controlplane · /), expect.stringMatching(/^node01 · Ready/)]));
  await run(page, 'kubectl run web --image=nginx');
  await expect.poll(() => graphLabels(page), { timeout: 30_000 }).toContain('web');
  await page.waitForTimeout(300);
  await clickGraphNode(page, 'web');
  await expect(page.getByTestId('inspector-title')).toContainText('Pod default/web');
  await expect(page.getByTestId('inspector-yaml')).toContainText('name: web');
  await expect(page.getByTestId('inspector-yaml')).toContainText('image: nginx');
  await page.getByRole('tab', { name: /^Events/ }).click();
  await expect(page.getByTestId('inspector')).toContainText('Scheduled');
  await shot(page, 'topology-inspector');
});

test('a pod that cannot be scheduled shows each filter verdict per node', async ({ page }) => {
  await open(page);
  await run(page, 'kubectl run big --image=nginx --overrides=\'{"spec":{"containers":[{"name":"big","image":"nginx","resources":{"requests":{"cpu":"64"}}}]}}\'');
  await expect.poll(() => graphLabels(page), { timeout: 30_000 }).toContain('big');
  // Let the layout place the new pod before aiming at it.
  await page.waitForTimeout(800);
  await clickGraphNode(page, 'big');
  await expect(page.getByTestId('inspector-title')).toContainText('Pod default/big');
  await page.getByRole('tab', { name: 'Why Pending' }).click();
  const table = page.getByTestId('verdicts');
  await expect(table).toContainText('NodeResourcesFit');
  await expect(table).toContainText('Insufficient cpu');
  await shot(page, 'topology-why-pending');
});

test('the graph draws 1,000 elements and keeps positions stable as pods change', async ({ page }) => {
  await open(page);
  const diff = bigCluster(1000);
  await page.evaluate((d) => window.__kubelab!.inject({ type: 'cluster', diff: d }), diff);
  await expect.poll(() => page.evaluate(() => window.__cy?.nodes().length ?? 0), { timeout: 20_000 }).toBeGreaterThan(300);
  const before = await page.evaluate(() => Object.fromEntries(window.__cy!.nodes().map((n) => [n.id(), n.renderedBoundingBox().x1])));
  // Every pod of one deployment goes Pending-then-Running again; nothing else may move.
  const pods = diff.added.filter((o) => o.kind === 'Pod').slice(0, 8);
  const updated = pods.map((p) => ({ ...p, object: { ...p.object, status: { phase: 'Pending' } } }));
  await page.evaluate((u) => window.__kubelab!.inject({ type: 'cluster', diff: { added: [], updated: u, removed: [], revision: 3 } }), updated);
  await page.waitForTimeout(500);
  const after = await page.evaluate(() => Object.fromEntries(window.__cy!.nodes().map((n) => [n.id(), n.renderedBoundingBox().x1])));
  for (const id of Object.keys(before)) expect(after[id], id).toBeCloseTo(before[id]!, 0);
  await page.getByRole('button', { name: 'Fit' }).click();
  await shot(page, 'topology-1000');
});

test('filters by namespace and kind', async ({ page }) => {
  await open(page);
  await page.evaluate((d) => window.__kubelab!.inject({ type: 'cluster', diff: d }), bigCluster(200));
  await expect.poll(() => page.evaluate(() => window.__cy?.nodes().length ?? 0)).toBeGreaterThan(50);
  await page.getByLabel('Namespace').selectOption('team-1');
  await expect.poll(() => graphLabels(page)).not.toContain('app-0');
  expect(await graphLabels(page)).toContain('app-1');
  await page.getByText('Kinds').click();
  await page.getByRole('checkbox', { name: 'Pod' }).uncheck();
  await expect.poll(() => page.evaluate(() => window.__cy!.nodes().map((n) => String(n.data('kind'))).includes('Pod'))).toBe(false);
});
