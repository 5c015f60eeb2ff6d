import { expect, test } from '@playwright/test';
import { buffer, focusTerminal, open, outputOf, PROMPT_RE, promptLine, run, shot, waitForPrompt } from './helpers.ts';

/** table pads columns the way kubectl's printer does: each column as wide as its widest cell, three spaces apart. */
function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows.map((r) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]! + 3))).join('')).join('\n');
}

test('kubectl get nodes prints the exact table of the default lab', async ({ page }) => {
  await open(page);
  await run(page, 'kubectl get nodes');
  const out = await outputOf(page, 'kubectl get nodes');
  const rows = out.split('\n').map((l) => l.split(/\s+/));
  expect(rows.map((r) => r[0])).toEqual(['NAME', 'controlplane', 'node01', 'node02']);
  const version = rows[1]![4]!;
  expect(version).toMatch(/^v1\.34\.\d+$/);
  const expected = table([
    ['NAME', 'STATUS', 'ROLES', 'AGE', 'VERSION'],
    ['controlplane', 'Ready', 'control-plane', rows[1]![3]!, version],
    ['node01', 'Ready', '<none>', rows[2]![3]!, version],
    ['node02', 'Ready', '<none>', rows[3]![3]!, version],
  ]);
  expect(out).toBe(expected);
  await shot(page, 'terminal-get-nodes');
});

test('readline keys edit the line in place', async ({ page }) => {
  await open(page);
  await focusTerminal(page);
  const prompt = await promptLine(page);
  await page.keyboard.type('get pods');
  await page.keyboard.press('Control+a');
  await page.keyboard.type('kubectl ');
  await page.keyboard.press('Control+e');
  await page.keyboard.type(' -A');
  await expect.poll(() => promptLine(page)).toBe(prompt + 'kubectl get pods -A');
  await page.keyboard.press('Alt+b');
  await page.keyboard.press('Alt+b');
  await page.keyboard.press('Control+k');
  await expect.poll(() => promptLine(page)).toBe(prompt + 'kubectl get ');
  await page.keyboard.press('Control+w');
  await page.keyboard.type('echo one two');
  await page.keyboard.press('Alt+b');
  await page.keyboard.press('Control+u');
  await expect.poll(() => promptLine(page)).toBe(prompt + 'two');
  await page.keyboard.press('Control+y');
  await page.keyboard.press('Enter');
  await waitForPrompt(page);
  expect(await outputOf(page, 'kubectl echo one two')).toContain('kubectl');
});

test('Ctrl-R finds an earlier command and Enter runs it', async ({ page }) => {
  await open(page);
  await run(page, 'echo alpha');
  await run(page, 'echo beta');
  await focusTerminal(page);
  await page.keyboard.press('Control+r');
  await page.keyboard.type('alp');
  await expect.poll(() => promptLine(page)).toBe("(reverse-i-search)`alp': echo alpha");
  await shot(page, 'terminal-reverse-search');
  await page.keyboard.press('Enter');
  await waitForPrompt(page);
  const lines = (await buffer(page)).split('\n');
  expect(lines.at(-2)).toBe('alpha');
});

test('Tab completes kubectl subcommands, resource types and file paths', async ({ page }) => {
  await open(page);
  await focusTerminal(page);
  const prompt = await promptLine(page);
  await page.keyboard.type('kubectl ge');
  await page.keyboard.press('Tab');
  await expect.poll(() => promptLine(page)).toBe(prompt + 'kubectl get ');
  await page.keyboard.type('namesp');
  await page.keyboard.press('Tab');
  await expect.poll(() => promptLine(page)).toBe(prompt + 'kubectl get namespaces ');
  // With metrics-server serving nodes.metrics.k8s.io, "nod" is ambiguous: like
  // bash, one Tab inserts the common prefix and no space.
  await page.keyboard.press('Control+u');
  await page.keyboard.type('kubectl get nod');
  await page.keyboard.press('Tab');
  await expect.poll(() => promptLine(page)).toBe(prompt + 'kubectl get nodes');
  await page.keyboard.press('Control+u');
  await page.keyboard.type('ls /et');
  await page.keyboard.press('Tab');
  await expect.poll(() => promptLine(page)).toBe(prompt + 'ls /etc/');
  await page.keyboard.press('Control+u');
  await page.keyboard.type('kubectl get pods -n kube-s');
  await page.keyboard.press('Tab');
  await expect.poll(() => promptLine(page)).toBe(prompt + 'kubectl get pods -n kube-system ');
  await shot(page, 'terminal-completion');
});

test('Ctrl-C stops sleep and kubectl get -w', async ({ page }) => {
  await open(page);
  await focusTerminal(page);
  await page.keyboard.type('sleep 600');
  await page.keyboard.press('Enter');
  await page.waitForTimeout(400);
  expect(await page.evaluate(() => window.__kubelab?.mode())).toBe('running');
  await page.keyboard.press('Control+c');
  await waitForPrompt(page);
  expect((await buffer(page)).split('\n').at(-2)).toMatch(/\^C$/);
  await page.keyboard.type('kubectl get nodes -w');
  await page.keyboard.press('Enter');
  await page.waitForTimeout(600);
  expect(await page.evaluate(() => window.__kubelab?.mode())).toBe('running');
  await page.keyboard.press('Control+c');
  await waitForPrompt(page);
  expect(await promptLine(page)).toMatch(PROMPT_RE);
});

test('history survives a reload', async ({ page }) => {
  await open(page);
  await run(page, 'echo remembered');
  await page.waitForTimeout(800);
  await page.reload();
  await waitForPrompt(page);
  await focusTerminal(page);
  const prompt = await promptLine(page);
  await page.keyboard.press('ArrowUp');
  await expect.poll(() => promptLine(page)).toBe(prompt + 'echo remembered');
});

test('copy and paste with Ctrl+Shift+C and Ctrl+Shift+V', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await open(page);
  await run(page, 'echo copy-me');
  await page.evaluate(() => navigator.clipboard.writeText('echo pasted'));
  await focusTerminal(page);
  await page.keyboard.press('Control+Shift+V');
  const prompt = (await promptLine(page)).replace(/echo pasted$/, '');
  await expect.poll(() => promptLine(page)).toBe(prompt + 'echo pasted');
  await page.keyboard.press('Control+u');
  // Select the whole buffer through the terminal's own API, then copy with the keyboard.
  await page.locator('[data-testid=terminal]').click({ button: 'right' });
  await page.getByRole('menuitem', { name: 'Select all' }).click();
  await focusTerminal(page);
  await page.keyboard.press('Control+Shift+C');
  await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toContain('copy-me');
});

test('each tab is its own shell session', async ({ page }) => {
  await open(page);
  await run(page, 'cd /tmp');
  await page.getByRole('button', { name: 'New terminal', exact: true }).click();
  await waitForPrompt(page);
  await expect(page.getByRole('tab', { name: /^candidate@/ })).toHaveCount(2);
  await run(page, 'pwd');
  expect(await outputOf(page, 'pwd')).toBe('/home/candidate');
  await shot(page, 'terminal-tabs');
});
