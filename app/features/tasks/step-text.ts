import type { SetupStep } from '../../../exercises/pack/types.ts';

/** stepText shows a setup or solution step as the commands a learner would type. */
export function stepText(s: SetupStep): string {
  if ('run' in s) return `${s.host ? `# on ${s.host}${s.user ? ` as ${s.user}` : ''}\n` : ''}${s.run}`;
  if ('apply' in s) return `kubectl apply -f - <<'EOF'\n${s.apply.trimEnd()}\nEOF`;
  if ('file' in s) return `# write ${s.file.path} on ${s.file.host}`;
  return `# ${s.fault.type} on ${s.fault.host}`;
}

/** solutionText is an exercise's whole reference solution as commands. */
export function solutionText(steps: SetupStep[]): string {
  return steps.map(stepText).join('\n\n');
}
