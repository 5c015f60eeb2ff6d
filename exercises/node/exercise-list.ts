import { DOMAINS, type Domain, type Pack } from '../pack/types.ts';

/** exerciseListMarkdown renders docs/exercises.md: every shipped exercise by domain, with the curriculum lines it covers. */
export function exerciseListMarkdown(packs: Pack[]): string {
  const all = packs.flatMap((p) => p.exercises.map((ex) => ({ pack: p.id, ex })));
  let out = `# Shipped exercises\n\n${all.length} exercises in ${packs.length} packs (\`exercises/packs/\`), each tested both ways: its starting state fails\nits checks and its reference solution, typed into the lab's shell, passes them.\nRegenerate this file with \`npx tsx exercises/node/write-exercise-list.ts\`.\n`;
  for (const d of Object.keys(DOMAINS) as Domain[]) {
    const list = all.filter((x) => x.ex.domain === d);
    out += `\n## ${DOMAINS[d].title} (${DOMAINS[d].weight}%) — ${list.length} exercises\n\n| exercise | pack | title | curriculum |\n| --- | --- | --- | --- |\n`;
    for (const { pack, ex } of list) out += `| \`${ex.id}\` | ${pack} | ${ex.title} | ${ex.curriculum.join('; ')} |\n`;
  }
  const lines = new Map<string, string[]>();
  for (const { ex } of all) for (const c of ex.curriculum) lines.set(c, [...(lines.get(c) ?? []), ex.id]);
  out += `\n## Curriculum lines covered\n\n| curriculum line | exercises |\n| --- | --- |\n`;
  for (const [c, ids] of [...lines].sort((a, b) => a[0].localeCompare(b[0]))) out += `| ${c} | ${ids.length} |\n`;
  return out;
}
