/**
 * What may differ between two runs of the same command on the same cluster
 * without either being wrong: ages (the two runs happen at different moments),
 * the apiserver address (the engine's kubectl reaches it at the control-plane
 * host, the real one at localhost) and the cache folder.
 */
const AGE = /(?<=^|\s)(?:\d+d\d*h?|\d+h\d*m?|\d+m\d*s?|\d+s|<invalid>)(?=\s|$)/gm;

export function normalise(text: string): string {
  return text
    .replace(AGE, '<age>')
    .replace(/https:\/\/(?:127\.0\.0\.1:\d+|192\.168\.\d+\.\d+:6443)/g, '<server>')
    .replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ/g, '<time>');
}
