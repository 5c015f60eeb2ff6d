import { encodeBase64, decodeBase64 } from '../../base/base64.ts';
import { formatNumber, toJSON, truncDump } from './format.ts';
import { JqError, typeName, type Value } from './values.ts';

/** The @format strings of jq 1.6: @text @json @html @uri @csv @tsv @sh @base64 @base64d. */
export function applyFormat(name: string, v: Value): string {
  switch (name) {
    case 'text':
      return typeof v === 'string' ? v : toJSON(v);
    case 'json':
      return toJSON(v);
    case 'html':
      return (typeof v === 'string' ? v : toJSON(v)).replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!);
    case 'uri': {
      const s = typeof v === 'string' ? v : toJSON(v);
      let out = '';
      for (const b of new TextEncoder().encode(s)) {
        const c = String.fromCharCode(b);
        out += /[A-Za-z0-9\-_.!~*'()]/.test(c) ? c : '%' + b.toString(16).toUpperCase().padStart(2, '0');
      }
      return out;
    }
    case 'csv':
    case 'tsv': {
      if (!Array.isArray(v)) throw new JqError(`${typeName(v)} (${truncDump(v)}) cannot be ${name}-formatted, only array`);
      return v
        .map((x) => {
          if (typeof x === 'number') return formatNumber(x);
          if (typeof x === 'boolean') return String(x);
          if (x === null) return '';
          if (typeof x === 'string') {
            if (name === 'csv') return '"' + x.replace(/"/g, '""') + '"';
            return x.replace(/[\\\t\n\r]/g, (c) => ({ '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' })[c]!);
          }
          throw new JqError(`${typeName(x)} (${truncDump(x)}) is not valid in a ${name} row`);
        })
        .join(name === 'csv' ? ',' : '\t');
    }
    case 'sh': {
      const one = (x: Value): string => {
        if (typeof x === 'string') return "'" + x.replace(/'/g, "'\\''") + "'";
        if (Array.isArray(x) || (x !== null && typeof x === 'object')) throw new JqError(`${typeName(x)} (${truncDump(x)}) can not be escaped for shell`);
        return toJSON(x);
      };
      return Array.isArray(v) ? v.map(one).join(' ') : one(v);
    }
    case 'base64':
      return encodeBase64(new TextEncoder().encode(typeof v === 'string' ? v : toJSON(v)));
    case 'base64d': {
      const s = (typeof v === 'string' ? v : toJSON(v)).replace(/[^A-Za-z0-9+/]/g, '');
      const trimmed = s.length % 4 === 1 ? s.slice(0, -1) : s;
      const padded = trimmed + '='.repeat((4 - (trimmed.length % 4)) % 4);
      const bytes = decodeBase64(padded);
      if (bytes.length === 0 && s.length > 0) throw new JqError(`${typeName(v)} (${truncDump(v)}) is not valid base64 data`);
      return new TextDecoder().decode(bytes);
    }
  }
  throw new JqError(`${name} is not a valid format`);
}
