import { expect, test, type Page } from '@playwright/test';
import { buffer, focusTerminal, open, outputOf, run, shot, waitForPrompt } from './helpers.ts';

interface MonacoHook {
  monaco: { editor: { getModelMarkers(f: object): { message: string }[] } };
  editor: { getModel(): { getValue(): string; setValue(v: string): void; uri: { path: string } } | null; trigger(s: string, id: string, a: unknown): void };
}

const editorValue = (page: Page) => page.evaluate(() => (window.__monaco as MonacoHook | undefined)?.editor.getModel()?.getValue() ?? null);
/** replaceIn edits the open buffer as typing would (a whole-text replace through Monaco's model). */
const replaceIn = (page: Page, from: string, to: string) =>
  page.evaluate(([a, b]) => {
    const m = (window.__monaco as MonacoHook).editor.getModel()!;
    m.setValue(m.getValue().replace(a!, b!));
  }, [from, to]);

async function waitForEditor(page: Page): Promise<void> {
  await expect(page.locator('.monaco-editor')).toBeVisible({ timeout: 20_000 });
  await expect.poll(() => editorValue(page), { timeout: 20_000 }).not.toBeNull();
}

test('vi a manifest, edit it, save, apply, and see the pod on the graph', async ({ page }) => {
  await open(page);
  await run(page, 'kubectl run web --image=nginx --dry-run=client -o yaml > web.yaml');
  await focusTerminal(page);
  await page.keyboard.type('vi web.yaml');
  await page.keyboard.press('Enter');
  await waitForEditor(page);
  expect(await editorValue(page)).toContain('name: web');
  await replaceIn(page, /name: web\n/.source.replace('\\n', '\n'), 'name: web2\n');
  await page.locator('.monaco-editor textarea').focus();
  await page.keyboard.press('Control+s');
  await shot(page, 'editor-vi');
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect.poll(async () => (await buffer(page)).includes('pod/web2 created'), { timeout: 20_000 }).toBe(true);
  expect(await buffer(page)).toMatch(/\$ kubectl apply -f web\.yaml\npod\/web2 created/);
  await expect.poll(() => page.evaluate(() => window.__cy?.nodes().map((n) => String(n.data('label'))).some((l) => l.startsWith('web2\n'))), { timeout: 20_000 }).toBe(true);
  await shot(page, 'editor-applied-graph');
});

test('the editor validates manifests against the Kubernetes schema', async ({ page }) => {
  // Monaco, its workers and monaco-yaml must run under the app's CSP (no 'unsafe-eval').
  const refused: string[] = [];
  page.on('console', (m) => /Content Security Policy|Refused to/i.test(m.text()) && refused.push(m.text()));
  await open(page);
  await run(page, "printf 'apiVersion: v1\\nkind: Pod\\nmetadata:\\n  nam: web\\nspec:\\n  containers:\\n  - name: web\\n    image: nginx\\n    ports:\\n    - containerPort: \"http\"\\n' > bad.yaml");
  await page.getByRole('button', { name: 'Open file…' }).click();
  await page.getByLabel('Path').fill((await page.getByLabel('Path').inputValue()) + 'bad.yaml');
  await page.getByRole('button', { name: 'Open', exact: true }).click();
  await waitForEditor(page);
  await expect
    .poll(() => page.evaluate(() => (window.__monaco as MonacoHook).monaco.editor.getModelMarkers({}).map((m) => m.message).sort()), { timeout: 20_000 })
    .toEqual(['Incorrect type. Expected "number".', 'Property nam is not allowed.']);
  await expect(page.locator('.squiggly-error, .squiggly-warning').first()).toBeVisible();
  await shot(page, 'editor-schema');
  // Completion offers the fields of the kind: in a Pod's spec, `containers`, `nodeName`…
  await page.evaluate(() => {
    const h = window.__monaco as { editor: { getModel(): { setValue(v: string): void; getLineCount(): number } | null; setPosition(p: object): void; focus(): void; trigger(s: string, id: string, a: unknown): void } };
    h.editor.getModel()!.setValue('apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  nodeN');
    h.editor.setPosition({ lineNumber: 6, column: 8 });
    h.editor.focus();
    h.editor.trigger('test', 'editor.action.triggerSuggest', {});
  });
  await expect(page.locator('.suggest-widget .monaco-list-row', { hasText: 'nodeName' }).first()).toBeVisible({ timeout: 15_000 });
  expect(refused).toEqual([]);
});

test('a file opened from the page saves back to its host', async ({ page }) => {
  await open(page);
  await run(page, 'echo first > note.txt');
  await page.getByRole('button', { name: 'Open file…' }).click();
  await page.getByLabel('Path').fill((await page.getByLabel('Path').inputValue()) + 'note.txt');
  await page.getByRole('button', { name: 'Open', exact: true }).click();
  await waitForEditor(page);
  await replaceIn(page, 'first', 'second');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Save', exact: true })).toBeDisabled();
  await run(page, 'cat note.txt');
  expect(await outputOf(page, 'cat note.txt')).toBe('second');
});

test('vim keys: :wq writes the file and ends vi', async ({ page }) => {
  await open(page);
  await run(page, 'echo one > v.txt');
  await focusTerminal(page);
  await page.keyboard.type('vi v.txt');
  await page.keyboard.press('Enter');
  await waitForEditor(page);
  await page.getByLabel('vim keys').check();
  // Vim mode is on once its status line shows (-- NORMAL -- or the like).
  await expect(page.locator('.vim-status')).not.toHaveClass(/hidden/);
  // Monaco takes keys in its edit context (not a textarea): give it the focus the way a click would.
  await page.evaluate(() => (window.__monaco as MonacoHook & { editor: { focus(): void } }).editor.focus());
  await page.keyboard.type('A two');
  await page.keyboard.press('Escape');
  await page.keyboard.type(':wq');
  await page.keyboard.press('Enter');
  await waitForPrompt(page);
  await run(page, 'cat v.txt');
  expect(await outputOf(page, 'cat v.txt')).toBe('one two');
});

test('kubectl edit: an invalid change comes back with the apiserver error, as kubectl does', async ({ page }) => {
  test.setTimeout(120_000);
  await open(page);
  await run(page, 'kubectl create deployment web --image=nginx');
  await focusTerminal(page);
  await page.keyboard.type('kubectl edit deployment web');
  await page.keyboard.press('Enter');
  await waitForEditor(page);
  expect(await editorValue(page)).toContain('# Please edit the object below.');
  await replaceIn(page, 'replicas: 1\n', 'replicas: -1\n');
  await page.getByRole('button', { name: 'Save & close' }).click();
  await expect.poll(() => editorValue(page), { timeout: 20_000 }).toContain('spec.replicas: Invalid value: -1: must be greater than or equal to 0');
  await shot(page, 'editor-kubectl-edit-error');
  await page.getByRole('tab', { name: /kubectl-edit|deployment/ }).first().waitFor();
  await page.getByRole('button', { name: /^Close / }).last().click();
  await page.getByRole('button', { name: 'Discard' }).click({ timeout: 3000 }).catch(() => undefined);
  await waitForPrompt(page);
  expect(await buffer(page)).toContain('error: Edit cancelled, no valid changes were saved.');
});
