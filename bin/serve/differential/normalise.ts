/**
 * What may differ between two runs of the same command on the same cluster
 * without either being wrong: ages (the lab's clock and the real kubectl's
 * wall clock are far apart, so an age of 0s in the lab is 321d to the real
 * kubectl, and a table's AGE column is as wide as its widest age), the
 * apiserver address (the engine's kubectl reaches it at the control-plane
 * host, the real one at localhost), timestamps, and the time and process id
 * heading a klog line ("W1123 16:04:21.755421   23673 helpers.go:717] …").
 */
const AGE = /(?<=^|\s|\()(?:\d+d\d*h?|\d+h\d*m?|\d+m\d*s?|\d+s|<invalid>)(?=\s|$|\))/gm;

export function normalise(text: string): string {
  return (
    text
      .replace(AGE, '<age>')
      // the padding after an age column (or its header) follows the widest age
      .replace(/(<age>(?: \(x\d+ over <age>\))?| Age| AGE) {2,}(?=\S)/g, '$1  ')
      // and so does the rule under an events table's header ("----  ------  ----  ----  -------")
      .replace(/^( *-+)((?: +-+)+) *$/gm, (_, first: string, rest: string) => `${first}${rest.replace(/ +/g, '  ')}`)
      .replace(/https:\/\/(?:127\.0\.0\.1:\d+|192\.168\.\d+\.\d+:6443)/g, '<server>')
      .replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ/g, '<time>')
      .replace(/^([IWEF])\d{4} \d\d:\d\d:\d\d\.\d{6} +\d+ (?=\S+\.go:\d+\] )/gm, '$1<klog> ')
  );
}
