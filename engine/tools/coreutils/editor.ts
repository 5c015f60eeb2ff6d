import type { Program } from '../../host/process.ts';
import { resolve, statOr } from './lib/io.ts';
import { def } from './def.ts';

/**
 * vi, vim and nano open files in the lab's editor (the editor pane in the
 * browser) and return when it is saved or closed. Options such as `+42` or
 * `-R` are accepted and ignored. Where nobody can edit (scripted runs), the
 * file is left as it is: use `sed -i` or a here-document there.
 */
function editorProgram(name: string): Program {
  return async (p) => {
    const files = p.argv.slice(1).filter((a) => !a.startsWith('+') && !(a.startsWith('-') && a.length > 1));
    if (files.length === 0) {
      p.stderr.write(`${name}: give the file to edit, e.g. \`${name} pod.yaml\`\n`);
      return 1;
    }
    for (const f of files) {
      const path = resolve(p, f);
      const st = statOr(p, path);
      if (st?.type === 'dir') {
        p.stderr.write(name === 'nano' ? `"${f}" is a directory\n` : `"${f}" is a directory\n`);
        return 1;
      }
      if (p.signal.interrupted) return 130;
      try {
        await p.sys.editor.edit({ host: p.hostname, path, user: p.user, title: f });
      } catch {
        // The editor writes as the user: a file they may not write (or a missing folder) fails as vim fails.
        p.stderr.write(name === 'nano' ? `[ Error writing ${f}: Permission denied ]\n` : `"${f}" E212: Can't open file for writing\n`);
        return 1;
      }
    }
    return 0;
  };
}

export const vi = def('vi', editorProgram('vi'), 'vi - Vi IMproved, a programmer\'s text editor (opens the file in the editor pane)');
export const vim = def('vim', editorProgram('vim'), 'vim - Vi IMproved, a programmer\'s text editor (opens the file in the editor pane)');
export const nano = def('nano', editorProgram('nano'), 'nano - Nano\'s ANOther editor (opens the file in the editor pane)', '/usr/bin');
