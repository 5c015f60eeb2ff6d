import type { FieldError } from '../../../base/errors.ts';
import type { Obj } from '../util.ts';
import * as B from './checks-baseline.ts';
import * as R from './checks-restricted.ts';
import type { CheckResult, PodMeta } from './check-types.ts';

/** Levels, versions, namespace labels and the check registry of Pod Security Admission. */

export type Level = 'privileged' | 'baseline' | 'restricted';
/** Version is a minor of v1 (v1.30 → 30), or 'latest'. */
export type Version = number | 'latest';
export interface LevelVersion {
  level: Level;
  version: Version;
}
export interface Policy {
  enforce: LevelVersion;
  audit: LevelVersion;
  warn: LevelVersion;
}

type CheckFn = (meta: PodMeta, spec: Obj, minor: number) => CheckResult;
interface Check {
  id: string;
  level: 'baseline' | 'restricted';
  /** minor versions where the check starts to apply */
  since: number;
  fn: CheckFn;
  overrides?: string[];
}

/**
 * CHECKS in evaluation order: baseline IDs sorted, then restricted IDs sorted
 * (policy/registry.go). Variants newer than v1.34 are not part of this apiserver.
 */
const CHECKS: Check[] = [
  { id: 'appArmorProfile', level: 'baseline', since: 0, fn: B.appArmorProfile },
  { id: 'capabilities_baseline', level: 'baseline', since: 0, fn: B.capabilitiesBaseline },
  { id: 'hostNamespaces', level: 'baseline', since: 0, fn: B.hostNamespaces },
  { id: 'hostPathVolumes', level: 'baseline', since: 0, fn: B.hostPathVolumes },
  { id: 'hostPorts', level: 'baseline', since: 0, fn: B.hostPorts },
  { id: 'hostProbesAndHostLifecycle', level: 'baseline', since: 34, fn: B.hostProbesAndHostLifecycle },
  { id: 'privileged', level: 'baseline', since: 0, fn: B.privileged },
  { id: 'procMount', level: 'baseline', since: 0, fn: B.procMount },
  { id: 'seLinuxOptions', level: 'baseline', since: 0, fn: B.seLinuxOptions },
  { id: 'seccompProfile_baseline', level: 'baseline', since: 0, fn: B.seccompProfileBaseline },
  { id: 'sysctls', level: 'baseline', since: 0, fn: B.sysctls },
  { id: 'windowsHostProcess', level: 'baseline', since: 0, fn: B.windowsHostProcess },
  { id: 'allowPrivilegeEscalation', level: 'restricted', since: 8, fn: R.allowPrivilegeEscalation },
  { id: 'capabilities_restricted', level: 'restricted', since: 22, fn: R.capabilitiesRestricted, overrides: ['capabilities_baseline'] },
  { id: 'restrictedVolumes', level: 'restricted', since: 0, fn: R.restrictedVolumes, overrides: ['hostPathVolumes'] },
  { id: 'runAsNonRoot', level: 'restricted', since: 0, fn: R.runAsNonRoot },
  { id: 'runAsUser', level: 'restricted', since: 23, fn: R.runAsUser },
  { id: 'seccompProfile_restricted', level: 'restricted', since: 19, fn: R.seccompProfileRestricted, overrides: ['seccompProfile_baseline'] },
];

/** evaluatePod runs the checks of a level at a version (clamped to the apiserver's own) and returns the failures. */
export function evaluatePod(lv: LevelVersion, meta: PodMeta, spec: Obj, latestMinor: number): CheckResult[] {
  if (lv.level === 'privileged') return [];
  const minor = lv.version === 'latest' ? latestMinor : Math.min(lv.version, latestMinor);
  const active = CHECKS.filter((c) => c.since <= minor && (c.level === 'baseline' || lv.level === 'restricted'));
  const overridden = new Set(active.flatMap((c) => c.overrides ?? []));
  return active.filter((c) => !overridden.has(c.id)).map((c) => c.fn(meta, spec, minor)).filter((r) => !r.allowed);
}

/** forbiddenDetail is AggregateCheckResult.ForbiddenDetail(): "reason (detail), reason (detail)". */
export function forbiddenDetail(fails: CheckResult[]): string {
  return fails.map((f) => (f.detail ? `${f.reason ?? 'unknown forbidden reason'} (${f.detail})` : (f.reason ?? 'unknown forbidden reason'))).join(', ');
}

/** forbiddenReason is AggregateCheckResult.ForbiddenReason(): the reasons alone. */
export function forbiddenReason(fails: CheckResult[]): string {
  return fails.map((f) => f.reason ?? 'unknown forbidden reason').join(', ');
}

export function levelVersionString(lv: LevelVersion): string {
  return `${lv.level}:${lv.version === 'latest' ? 'latest' : `v1.${lv.version}`}`;
}

const PREFIX = 'pod-security.kubernetes.io/';
const LEVELS: Level[] = ['privileged', 'baseline', 'restricted'];
const RANK: Record<Level, number> = { privileged: 0, baseline: 1, restricted: 2 };

function parseLevel(v: string): Level | undefined {
  return (LEVELS as string[]).includes(v) ? (v as Level) : undefined;
}

function parseVersion(v: string): Version | undefined {
  if (v === 'latest') return 'latest';
  const m = /^v1\.([0-9]|[1-9][0-9]*)$/.exec(v);
  return m ? Number(m[1]) : undefined;
}

/** policyToEvaluate reads a namespace's labels (api.PolicyToEvaluate) over the default privileged:latest policy. */
export function policyToEvaluate(labels: Record<string, string> | undefined): { policy: Policy; errors: FieldError[] } {
  const p: Policy = { enforce: { level: 'privileged', version: 'latest' }, audit: { level: 'privileged', version: 'latest' }, warn: { level: 'privileged', version: 'latest' } };
  const errors: FieldError[] = [];
  const l = labels ?? {};
  const bad = (key: string, value: string, detail: string) => errors.push({ type: 'FieldValueInvalid', field: `metadata.labels[${PREFIX}${key}]`, badValue: value, detail });
  let hasEnforceLevel = false;
  for (const mode of ['enforce', 'audit', 'warn'] as const) {
    const level = l[PREFIX + mode];
    if (level !== undefined) {
      const parsed = parseLevel(level);
      if (parsed) p[mode].level = parsed;
      else {
        bad(mode, level, `must be one of ${LEVELS.join(', ')}`);
        // An unreadable enforce level enforces restricted; audit and warn fail open.
        p[mode].level = mode === 'enforce' ? 'restricted' : 'privileged';
      }
      if (mode === 'enforce') hasEnforceLevel = !!parsed;
    }
    const version = l[`${PREFIX}${mode}-version`];
    if (version !== undefined) {
      const parsed = parseVersion(version);
      p[mode].version = parsed ?? 'latest';
      if (parsed === undefined) bad(`${mode}-version`, version, 'must be "latest" or "v1.x"');
    }
  }
  const hasWarnLevel = l[PREFIX + 'warn'] !== undefined;
  if (!hasWarnLevel && hasEnforceLevel && RANK[p.enforce.level] > RANK[p.warn.level]) {
    p.warn.level = p.enforce.level;
    if (l[PREFIX + 'warn-version'] === undefined) p.warn.version = p.enforce.version;
  }
  return { policy: p, errors };
}

/** compareLevels is api.CompareLevels. */
export function compareLevels(a: Level, b: Level): number {
  return Math.sign(RANK[a] - RANK[b]);
}
