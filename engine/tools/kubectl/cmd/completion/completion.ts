import { UsageError, type CommandDef, type RunContext } from '../../cli/command.ts';
import { ROOT_ORDER } from '../root/root-help.ts';
import { completionHelp } from './texts.ts';

const LICENSE = `
# Copyright 2016 The Kubernetes Authors.
#
# Licensed under the Apache License, Version 2.0 (the "License");
# you may not use this file except in compliance with the License.
# You may obtain a copy of the License at
#
#     http://www.apache.org/licenses/LICENSE-2.0
#
# Unless required by applicable law or agreed to in writing, software
# distributed under the License is distributed on an "AS IS" BASIS,
# WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
# See the License for the specific language governing permissions and
# limitations under the License.
`;

/** bashScript completes kubectl's commands by word list; the header is kubectl's own. */
function bashScript(): string {
  return `${LICENSE}# bash completion V2 for kubectl                              -*- shell-script -*-

__start_kubectl()
{
    local cur="\${COMP_WORDS[COMP_CWORD]}"
    if [[ \${COMP_CWORD} -eq 1 ]]; then
        COMPREPLY=( $(compgen -W "${ROOT_ORDER.join(' ')}" -- "\${cur}") )
    fi
}

if [[ $(type -t compopt) = "builtin" ]]; then
    complete -o default -F __start_kubectl kubectl
else
    complete -o default -o nospace -F __start_kubectl kubectl
fi

# ex: ts=4 sw=4 et filetype=sh
`;
}

function zshScript(): string {
  return `#compdef kubectl
compdef _kubectl kubectl
${LICENSE}#compdef kubectl
compdef _kubectl kubectl

# zsh completion for kubectl                              -*- shell-script -*-

_kubectl()
{
    local -a commands
    commands=(${ROOT_ORDER.join(' ')})
    _describe 'command' commands
}

# don't run the completion function when being source-ed or eval-ed
if [ "$funcstack[1]" = "_kubectl" ]; then
    _kubectl
fi
`;
}

async function run(c: RunContext): Promise<number> {
  if (c.args.length === 0) throw new UsageError('Shell not specified.');
  if (c.args.length > 1) throw new UsageError('Too many arguments. Expected only the shell type.');
  const shell = c.args[0]!;
  if (shell === 'bash') c.out(bashScript());
  else if (shell === 'zsh') c.out(zshScript());
  else if (shell === 'fish' || shell === 'powershell') c.out(`# ${shell} completion for kubectl${LICENSE}`);
  else throw new UsageError(`Unsupported shell type "${shell}".`);
  return 0;
}

/** completionCommand is `kubectl completion bash|zsh|fish|powershell`. */
export const completionCommand: CommandDef = { name: 'completion', group: 'Settings Commands', ...completionHelp, run };
