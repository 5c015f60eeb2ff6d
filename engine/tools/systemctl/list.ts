import { description } from '../../host/systemd/unit-state.ts';
import { listUnitFiles, loadUnit } from '../../host/systemd/unit-load.ts';
import { enableState } from '../../host/systemd/enablement.ts';
import type { Ctx } from './context.ts';

function table(rows: string[][], lastPad = false): string[] {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows.map((r) => r.map((cell, i) => (i === r.length - 1 && !lastPad ? cell : cell.padEnd(widths[i]!))).join(' ').trimEnd());
}

/** listUnits prints `systemctl list-units` (loaded units; active ones unless --all). */
export function listUnits(c: Ctx): number {
  let units = c.sd.loadedUnits();
  const types = c.o.types;
  if (types.length) units = units.filter((u) => types.some((t) => u.unit.name.endsWith(`.${t}`)));
  if (c.o.states.length) units = units.filter((u) => c.o.states.some((s) => ([u.active, u.sub, u.unit.loadState] as string[]).includes(s)));
  else if (c.o.failed) units = units.filter((u) => u.active === 'failed');
  else if (!c.o.all) units = units.filter((u) => u.active !== 'inactive');
  if (c.o.args.length) units = units.filter((u) => c.o.args.some((pat) => globMatch(pat, u.unit.name)));
  if (units.length === 0) {
    if (!c.o.noLegend) c.out('0 loaded units listed.' + (c.o.all ? '\n' : ' Pass --all to see loaded but inactive units, too.\n') + "To show all installed unit files use 'systemctl list-unit-files'.\n");
    return 0;
  }
  const rows = [['UNIT', 'LOAD', 'ACTIVE', 'SUB', 'DESCRIPTION'], ...units.map((u) => [u.unit.name, u.unit.loadState, u.active, u.sub, description(u.unit)])];
  const lines = table(rows);
  const out: string[] = [];
  lines.forEach((l, i) => {
    if (i === 0 && c.o.noLegend) return;
    const failed = i > 0 && units[i - 1]!.active === 'failed';
    out.push(`${failed ? '●' : ' '} ${l}`);
  });
  let text = out.join('\n') + '\n';
  if (!c.o.noLegend) {
    text += `\nLOAD   = Reflects whether the unit definition was properly loaded.\nACTIVE = The high-level unit activation state, i.e. generalization of SUB.\nSUB    = The low-level unit activation state, values depend on unit type.\n`;
    text += `${units.length} loaded units listed.${c.o.all ? '' : ' Pass --all to see loaded but inactive units, too.'}\nTo show all installed unit files use 'systemctl list-unit-files'.\n`;
  }
  c.out(text);
  return 0;
}

/** listUnitFilesVerb prints `systemctl list-unit-files`. */
export function listUnitFilesVerb(c: Ctx): number {
  const fs = c.sd.host.fs;
  let names = [...listUnitFiles(fs).keys()].sort();
  if (c.o.types.length) names = names.filter((n) => c.o.types.some((t) => n.endsWith(`.${t}`)));
  if (c.o.args.length) names = names.filter((n) => c.o.args.some((pat) => globMatch(pat, n)));
  const rows = names.map((n) => [n, enableState(fs, loadUnit(fs, n)), 'enabled']);
  const filtered = c.o.states.length ? rows.filter((r) => c.o.states.includes(r[1]!)) : rows;
  if (filtered.length === 0) {
    if (!c.o.noLegend) c.out('0 unit files listed.\n');
    return 0;
  }
  const lines = table([['UNIT FILE', 'STATE', 'VENDOR PRESET'], ...filtered], true);
  c.out((c.o.noLegend ? lines.slice(1) : lines).join('\n') + '\n' + (c.o.noLegend ? '' : `\n${filtered.length} unit files listed.\n`));
  return 0;
}

/** globMatch matches a unit name against a shell-style pattern ("kube*"). */
export function globMatch(pattern: string, name: string): boolean {
  const re = new RegExp('^' + pattern.replace(/[.+^${}()|\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.') + '$');
  return re.test(name) || re.test(name.replace(/\.service$/, ''));
}
