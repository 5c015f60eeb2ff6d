import type { Authenticator, AuthResult, UserInfo } from './types.ts';

/** parseCsvLine splits one CSV record (RFC 4180 quotes, as Go's encoding/csv reads the token file). */
function parseCsvLine(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') (cur += '"'), i++;
      else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') out.push(cur), (cur = '');
    else cur += ch;
  }
  out.push(cur);
  return out;
}

/**
 * parseTokenFile reads --token-auth-file: lines of token,user,uid[,"group1,group2"].
 * It answers the apiserver's startup error for a short line.
 */
export function parseTokenFile(path: string, text: string): { tokens: Map<string, UserInfo> } | { error: string } {
  const tokens = new Map<string, UserInfo>();
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\r$/, '');
    if (line.trim() === '' || line.startsWith('#')) continue;
    const rec = parseCsvLine(line);
    if (rec.length < 3) return { error: `token file '${path}' must have at least 3 columns (token, user name, user uid), found ${rec.length}` };
    const [token, name, uid, groups] = rec as [string, string, string, string | undefined];
    if (tokens.has(token)) continue;
    const g = groups ? groups.split(',').map((s) => s.trim()).filter((s) => s !== '') : [];
    tokens.set(token, { name, uid, groups: g });
  }
  return { tokens };
}

/** tokenFileAuthenticator authenticates bearer tokens listed in the static token file. */
export function tokenFileAuthenticator(tokens: Map<string, UserInfo>): Authenticator {
  return {
    name: 'token-file',
    authenticate(creds): AuthResult {
      if (!creds.token) return { none: true };
      const u = tokens.get(creds.token);
      return u ? { user: { ...u, groups: [...u.groups] } } : { none: true };
    },
  };
}
