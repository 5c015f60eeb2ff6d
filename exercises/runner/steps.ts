import type { SetupStep } from '../pack/types.ts';
import type { GradeTarget } from '../grader/target.ts';
import type { Transcript } from './lab-driver.ts';

/** StepDriver is what setup and solution steps need of a lab: the headless LabDriver, or the page's EngineDriver. */
export interface StepDriver extends GradeTarget {
  student: { host: string; user: string };
  type(host: string, user: string, script: string): Promise<Transcript[]>;
  applyManifests(yamlText: string, context?: string): Promise<string[]>;
  writeFile(host: string, path: string, content: string, mode?: number): Promise<void>;
  advance(ms: number): void;
}

/** StepsResult is what running a setup or a solution did. */
export interface StepsResult {
  log: Transcript[];
  /** errors: commands that failed and manifests that were refused */
  errors: string[];
}

/**
 * runSteps performs setup or solution steps in order. Shell commands are typed
 * into the lab's shell: setup as root on its host, solutions as the learner
 * would (the student user on the exercise's host). Time then moves on so
 * controllers react, as it would while a learner reads the next line.
 */
export async function runSteps(d: StepDriver, steps: SetupStep[], role: 'setup' | 'solution', defaults: { host?: string; context?: string }): Promise<StepsResult> {
  const log: Transcript[] = [];
  const errors: string[] = [];
  for (const s of steps) {
    if ('run' in s) {
      const host = s.host ?? defaults.host ?? d.student.host;
      const user = s.user ?? (role === 'setup' ? 'root' : d.student.user);
      const t = await d.type(host, user, s.run);
      log.push(...t);
      for (const x of t) if (x.exit !== 0) errors.push(`${user}@${host}$ ${x.cmd}\n  exit ${x.exit}: ${(x.stderr || x.stdout).trim()}`);
    } else if ('apply' in s) {
      errors.push(...(await d.applyManifests(s.apply, s.context ?? defaults.context)));
    } else if ('file' in s) {
      await d.writeFile(s.file.host, s.file.path, s.file.content, s.file.mode);
    } else {
      const f = s.fault;
      if (f.type === 'stop-service') log.push(...(await d.type(f.host, 'root', `systemctl stop ${f.service}`)));
      else if (f.type === 'delete-file') log.push(...(await d.type(f.host, 'root', `rm -f '${f.path}'`)));
      else {
        const text = await d.readFile(f.host, f.path);
        if (text === undefined || !text.includes(f.replace)) errors.push(`fault: ${f.path} on ${f.host} does not contain ${JSON.stringify(f.replace)}`);
        else await d.writeFile(f.host, f.path, text.split(f.replace).join(f.with));
      }
    }
    d.advance(1000);
  }
  d.advance(5000);
  return { log, errors };
}
