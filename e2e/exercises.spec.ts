import { expect, test } from '@playwright/test';
import { open, run, waitForPrompt } from './helpers.ts';

test('an exercise: start it, check the starting state fails, solve it in the terminal, check it passes', async ({ page }) => {
  await open(page);
  await page.getByRole('tab', { name: 'Tasks' }).click();
  await page.getByText('Role-based access control').click();
  await page.getByRole('button', { name: 'A Role that reads pods' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Start', exact: true }).click();
  await expect(page.getByTestId('exercise-title')).toHaveText('A Role that reads pods');
  await expect(page.getByText('Setting up the lab…')).toBeHidden({ timeout: 30_000 });
  await expect(page.getByText(/create a Role `?pod-reader/)).toBeVisible();
  await waitForPrompt(page);

  await page.getByRole('button', { name: 'Check my work' }).click();
  await expect(page.getByTestId('grade')).toContainText(/\d of 5 checks pass/, { timeout: 20_000 });
  await expect(page.getByTestId('grade')).toContainText('✗');

  await run(page, 'kubectl create role pod-reader --verb=get,list,watch --resource=pods -n rbac-test');
  await run(page, 'kubectl create rolebinding jane-reads-pods --role=pod-reader --user=jane -n rbac-test');
  await page.getByRole('button', { name: 'Check my work' }).click();
  await expect(page.getByTestId('grade')).toContainText('All checks pass.', { timeout: 20_000 });
});

test('a mock exam: tasks in a fresh lab, then a graded report', async ({ page }) => {
  await open(page);
  await page.getByRole('button', { name: 'Start mock exam' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Start exam' }).click();
  await expect(page.getByTestId('exam-timer')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByText(/^Question 1 · /)).toBeVisible();
  // Each question runs on a cluster of the exam lab and says where: the host to ssh to and its context.
  await expect(page.getByTestId('exam-where-1')).toContainText(/Solve this question on: ssh cka\d/);
  await expect(page.getByTestId('exam-where-1')).toContainText(/kubectl config use-context k8s-c\d/);
  // No hints in the exam; a flag for review and a notepad instead.
  await expect(page.getByRole('button', { name: 'Show a hint' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Flag question 1 for review' }).click();
  await expect(page.getByTestId('exam-flagged')).toHaveText('Flagged for review: Question 1');
  await page.getByLabel('Exam notepad').fill('q1: check the namespace');
  // The real exam's reminder when 30 minutes are left.
  await page.evaluate(() => {
    const store = (window as unknown as { __kubelab: { store: { setState(f: (s: { exam: object }) => object): void } } }).__kubelab.store;
    store.setState((s) => ({ exam: { ...s.exam, endsAt: Date.now() + 30 * 60_000 - 2000 } }));
  });
  await expect(page.getByText('30 minutes remaining in the exam.')).toBeVisible({ timeout: 5000 });
  await page.getByRole('button', { name: 'End exam' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'End exam' }).click();
  const report = page.getByTestId('exam-report');
  await expect(report).toContainText(/Exam result: \d+% — (pass|not yet) \(pass mark 66%\)/, { timeout: 60_000 });
  // Scored by domain, and each missed task is reviewed with its solution.
  await expect(page.getByTestId('exam-domains')).toContainText('Troubleshooting');
  await report.getByText('Solution').first().click();
  await expect(report.locator('pre.solution').first()).toContainText(/\S/);
});
