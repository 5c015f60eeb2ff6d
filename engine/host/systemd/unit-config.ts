import { parseEnvironmentLine, parseExecLine, type ExecCommand } from './environment.ts';
import { parseBool, type Assignment } from './unit-file.ts';
import { parseTimespan } from '../journal/time.ts';

/** RestartPolicy is Restart=. */
export type RestartPolicy = 'no' | 'always' | 'on-success' | 'on-failure' | 'on-abnormal' | 'on-abort' | 'on-watchdog';

/** UnitConfig is a service unit after its file and drop-ins are merged. */
export interface UnitConfig {
  description: string;
  documentation: string[];
  after: string[];
  wants: string[];
  requires: string[];
  type: 'simple' | 'exec' | 'oneshot' | 'notify' | 'forking' | 'idle';
  execStartPre: ExecCommand[];
  execStart: ExecCommand[];
  execStartPost: ExecCommand[];
  execReload: ExecCommand[];
  execStop: ExecCommand[];
  environment: Array<[string, string]>;
  environmentFiles: Array<{ path: string; optional: boolean }>;
  restart: RestartPolicy;
  restartMs: number;
  startLimitIntervalMs: number;
  startLimitBurst: number;
  timeoutStopMs: number;
  remainAfterExit: boolean;
  user?: string;
  group?: string;
  workingDirectory?: string;
  killMode: string;
  wantedBy: string[];
  requiredBy: string[];
  alias: string[];
  /** hasInstall is false for "static" units (no [Install] section) */
  hasInstall: boolean;
  /** other keys, for systemctl show -p */
  extra: Map<string, string>;
}

/** defaultConfig is a unit with no assignments: systemd's defaults. */
export function defaultConfig(): UnitConfig {
  return {
    description: '', documentation: [], after: [], wants: [], requires: [], type: 'simple',
    execStartPre: [], execStart: [], execStartPost: [], execReload: [], execStop: [],
    environment: [], environmentFiles: [], restart: 'no', restartMs: 100, startLimitIntervalMs: 10_000,
    startLimitBurst: 5, timeoutStopMs: 90_000, remainAfterExit: false, killMode: 'control-group',
    wantedBy: [], requiredBy: [], alias: [], hasInstall: false, extra: new Map(),
  };
}

const RESTARTS: RestartPolicy[] = ['no', 'always', 'on-success', 'on-failure', 'on-abnormal', 'on-abort', 'on-watchdog'];
const TYPES: UnitConfig['type'][] = ['simple', 'exec', 'oneshot', 'notify', 'forking', 'idle'];

function list(cur: string[], value: string): string[] {
  // An empty assignment resets a list, as "ExecStart=" does in a drop-in.
  return value === '' ? [] : [...cur, ...value.split(/\s+/).filter((s) => s !== '')];
}

function exec(cur: ExecCommand[], value: string): ExecCommand[] {
  if (value === '') return [];
  const c = parseExecLine(value);
  return c ? [...cur, c] : cur;
}

function span(value: string, fallback: number): number {
  if (value === 'infinity') return Infinity;
  return parseTimespan(value) ?? fallback;
}

/**
 * applyAssignments merges assignments (the unit file, then each drop-in in
 * order) into a config. Unknown keys are kept for `systemctl show`; systemd
 * would log "Unknown key name 'X' in section 'Y', ignoring.", returned here.
 */
export function applyAssignments(cfg: UnitConfig, items: Assignment[]): string[] {
  const warnings: string[] = [];
  for (const a of items) {
    const v = a.value;
    const key = `${a.section}.${a.key}`;
    switch (key) {
      case 'Unit.Description': cfg.description = v; break;
      case 'Unit.Documentation': cfg.documentation = list(cfg.documentation, v); break;
      case 'Unit.After': cfg.after = list(cfg.after, v); break;
      case 'Unit.Wants': cfg.wants = list(cfg.wants, v); break;
      case 'Unit.Requires': cfg.requires = list(cfg.requires, v); break;
      case 'Unit.StartLimitIntervalSec': case 'Unit.StartLimitInterval': case 'Service.StartLimitInterval':
        cfg.startLimitIntervalMs = span(v, cfg.startLimitIntervalMs); break;
      case 'Unit.StartLimitBurst': case 'Service.StartLimitBurst': cfg.startLimitBurst = Number(v) || cfg.startLimitBurst; break;
      case 'Service.Type':
        if ((TYPES as string[]).includes(v)) cfg.type = v as UnitConfig['type'];
        else warnings.push(`${a.file}:${a.line}: Failed to parse service type, ignoring: ${v}`);
        break;
      case 'Service.ExecStart': cfg.execStart = exec(cfg.execStart, v); break;
      case 'Service.ExecStartPre': cfg.execStartPre = exec(cfg.execStartPre, v); break;
      case 'Service.ExecStartPost': cfg.execStartPost = exec(cfg.execStartPost, v); break;
      case 'Service.ExecReload': cfg.execReload = exec(cfg.execReload, v); break;
      case 'Service.ExecStop': cfg.execStop = exec(cfg.execStop, v); break;
      case 'Service.Environment': cfg.environment = v === '' ? [] : [...cfg.environment, ...parseEnvironmentLine(v)]; break;
      case 'Service.EnvironmentFile':
        cfg.environmentFiles = v === '' ? [] : [...cfg.environmentFiles, { path: v.replace(/^-/, ''), optional: v.startsWith('-') }];
        break;
      case 'Service.Restart':
        if ((RESTARTS as string[]).includes(v)) cfg.restart = v as RestartPolicy;
        else warnings.push(`${a.file}:${a.line}: Failed to parse service restart specifier, ignoring: ${v}`);
        break;
      case 'Service.RestartSec': cfg.restartMs = span(v, cfg.restartMs); break;
      case 'Service.TimeoutStopSec': cfg.timeoutStopMs = span(v, cfg.timeoutStopMs); break;
      case 'Service.RemainAfterExit': cfg.remainAfterExit = parseBool(v) ?? cfg.remainAfterExit; break;
      case 'Service.User': cfg.user = v || undefined; break;
      case 'Service.Group': cfg.group = v || undefined; break;
      case 'Service.WorkingDirectory': cfg.workingDirectory = v || undefined; break;
      case 'Service.KillMode': cfg.killMode = v; break;
      case 'Install.WantedBy': cfg.hasInstall = true; cfg.wantedBy = list(cfg.wantedBy, v); break;
      case 'Install.RequiredBy': cfg.hasInstall = true; cfg.requiredBy = list(cfg.requiredBy, v); break;
      case 'Install.Alias': cfg.hasInstall = true; cfg.alias = list(cfg.alias, v); break;
      case 'Install.Also': cfg.hasInstall = true; break;
      default:
        if (!['Unit', 'Service', 'Install'].includes(a.section)) {
          warnings.push(`${a.file}:${a.line}: Unknown section '${a.section}'. Ignoring.`);
        }
        cfg.extra.set(a.key, v);
    }
  }
  return warnings;
}
