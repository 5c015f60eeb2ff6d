import { fieldErr, type FieldError } from '../../base/errors.ts';

/**
 * Name and token checks with apimachinery's messages
 * (k8s.io/apimachinery/pkg/util/validation: IsDNS1123Label, IsDNS1123Subdomain,
 * IsDNS1035Label, IsQualifiedName, IsValidLabelValue, IsConfigMapKey,
 * IsValidPortName, IsEnvVarName…). The Is* functions return the messages; the
 * validate* wrappers turn them into field errors on one path.
 */

const DNS1123_LABEL_FMT = '[a-z0-9]([-a-z0-9]*[a-z0-9])?';
const DNS1123_SUBDOMAIN_FMT = `${DNS1123_LABEL_FMT}(\\.${DNS1123_LABEL_FMT})*`;
const DNS1035_LABEL_FMT = '[a-z]([-a-z0-9]*[a-z0-9])?';
const QNAME_CHAR = '[A-Za-z0-9]';
const QUALIFIED_NAME_FMT = `(${QNAME_CHAR}[-A-Za-z0-9_.]*)?${QNAME_CHAR}`;
const LABEL_VALUE_FMT = `(${QUALIFIED_NAME_FMT})?`;
const CONFIG_MAP_KEY_FMT = '[-._a-zA-Z0-9]+';
const ENV_VAR_NAME_FMT = '[-._a-zA-Z][-._a-zA-Z0-9]*';
const C_IDENTIFIER_FMT = '[A-Za-z_][A-Za-z0-9_]*';

const re = (fmt: string) => new RegExp(`^${fmt}$`);
const DNS1123_LABEL = re(DNS1123_LABEL_FMT);
const DNS1123_SUBDOMAIN = re(DNS1123_SUBDOMAIN_FMT);
const DNS1035_LABEL = re(DNS1035_LABEL_FMT);
const QUALIFIED_NAME = re(QUALIFIED_NAME_FMT);
const LABEL_VALUE = re(LABEL_VALUE_FMT);
const CONFIG_MAP_KEY = re(CONFIG_MAP_KEY_FMT);
const ENV_VAR_NAME = re(ENV_VAR_NAME_FMT);
const C_IDENTIFIER = re(C_IDENTIFIER_FMT);

/** regexError is validation.RegexError: the message, examples, and the pattern. */
export function regexError(msg: string, fmt: string, ...examples: string[]): string {
  if (examples.length === 0) return `${msg} (regex used for validation is '${fmt}')`;
  return `${msg} (e.g. ${examples.map((e) => `'${e}', `).join(' or ')}regex used for validation is '${fmt}')`;
}

/** maxLenError is validation.MaxLenError. */
export function maxLenError(n: number): string {
  return `must be no more than ${n} characters`;
}

export const DNS1123_LABEL_MSG = regexError(
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character",
  DNS1123_LABEL_FMT,
  'my-name',
  '123-abc',
);
export const DNS1123_SUBDOMAIN_MSG = regexError(
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character",
  DNS1123_SUBDOMAIN_FMT,
  'example.com',
);
export const DNS1035_LABEL_MSG = regexError(
  "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character",
  DNS1035_LABEL_FMT,
  'my-name',
  'abc-123',
);
const QUALIFIED_NAME_MSG = "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";

/** isDns1123Label is IsDNS1123Label. */
export function isDns1123Label(v: string): string[] {
  const errs: string[] = [];
  if (v.length > 63) errs.push(maxLenError(63));
  if (!DNS1123_LABEL.test(v)) errs.push(DNS1123_SUBDOMAIN.test(v) ? 'must not contain dots' : DNS1123_LABEL_MSG);
  return errs;
}

/** isDns1123Subdomain is IsDNS1123Subdomain. */
export function isDns1123Subdomain(v: string): string[] {
  const errs: string[] = [];
  if (v.length > 253) errs.push(maxLenError(253));
  if (!DNS1123_SUBDOMAIN.test(v)) errs.push(DNS1123_SUBDOMAIN_MSG);
  return errs;
}

/** isDns1035Label is IsDNS1035Label (Service names). */
export function isDns1035Label(v: string): string[] {
  const errs: string[] = [];
  if (v.length > 63) errs.push(maxLenError(63));
  if (!DNS1035_LABEL.test(v)) errs.push(DNS1035_LABEL_MSG);
  return errs;
}

/** isQualifiedName is IsQualifiedName: label keys, annotation keys, finalizers. */
export function isQualifiedName(v: string): string[] {
  const errs: string[] = [];
  const parts = v.split('/');
  let name: string;
  if (parts.length === 1) {
    name = parts[0]!;
  } else if (parts.length === 2) {
    const prefix = parts[0]!;
    name = parts[1]!;
    if (prefix.length === 0) errs.push('prefix part must be non-empty');
    else for (const m of isDns1123Subdomain(prefix)) errs.push(`prefix part ${m}`);
  } else {
    return [
      `a qualified name ${regexError(QUALIFIED_NAME_MSG, QUALIFIED_NAME_FMT, 'MyName', 'my.name', '123-abc')} with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`,
    ];
  }
  if (name.length === 0) errs.push('name part must be non-empty');
  else if (name.length > 63) errs.push(`name part ${maxLenError(63)}`);
  if (!QUALIFIED_NAME.test(name)) errs.push(`name part ${regexError(QUALIFIED_NAME_MSG, QUALIFIED_NAME_FMT, 'MyName', 'my.name', '123-abc')}`);
  return errs;
}

/** isValidLabelValue is IsValidLabelValue. */
export function isValidLabelValue(v: string): string[] {
  const errs: string[] = [];
  if (v.length > 63) errs.push(maxLenError(63));
  if (!LABEL_VALUE.test(v)) {
    errs.push(
      regexError(
        "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character",
        LABEL_VALUE_FMT,
        'MyValue',
        'my_value',
        '12345',
      ),
    );
  }
  return errs;
}

function chDirPrefix(v: string): string[] {
  if (v === '.') return ["must not be '.'"];
  if (v === '..') return ["must not be '..'"];
  if (v.startsWith('..')) return ["must not start with '..'"];
  return [];
}

/** isConfigMapKey is IsConfigMapKey (ConfigMap and Secret keys). */
export function isConfigMapKey(v: string): string[] {
  const errs: string[] = [];
  if (v.length > 253) errs.push(maxLenError(253));
  if (!CONFIG_MAP_KEY.test(v)) {
    errs.push(regexError("a valid config key must consist of alphanumeric characters, '-', '_' or '.'", CONFIG_MAP_KEY_FMT, 'key.name', 'KEY_NAME', 'key-name'));
  }
  return [...errs, ...chDirPrefix(v)];
}

/** isEnvVarName is IsEnvVarName. */
export function isEnvVarName(v: string): string[] {
  const errs: string[] = [];
  if (!ENV_VAR_NAME.test(v)) {
    errs.push(
      regexError(
        "a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit",
        ENV_VAR_NAME_FMT,
        'my.env-name',
        'MY_ENV.NAME',
        'MyEnvName1',
      ),
    );
  }
  return [...errs, ...chDirPrefix(v)];
}

/** isCIdentifier is IsCIdentifier. */
export function isCIdentifier(v: string): string[] {
  if (C_IDENTIFIER.test(v)) return [];
  return [
    regexError(
      "a valid C identifier must start with alphabetic character or '_', followed by a string of alphanumeric characters or '_'",
      C_IDENTIFIER_FMT,
      'my_name',
      'MY_NAME',
      'MyName',
    ),
  ];
}

/** isValidPortNum is IsValidPortNum. */
export function isValidPortNum(port: number): string[] {
  return Number.isInteger(port) && port >= 1 && port <= 65535 ? [] : ['must be between 1 and 65535, inclusive'];
}

/** isInRange is IsInRange. */
export function isInRange(v: number, lo: number, hi: number): string[] {
  return v >= lo && v <= hi ? [] : [`must be between ${lo} and ${hi}, inclusive`];
}

/** isValidPortName is IsValidPortName (IANA service names). */
export function isValidPortName(port: string): string[] {
  const errs: string[] = [];
  if (port.length > 15) errs.push(maxLenError(15));
  if (!/^[-a-z0-9]+$/.test(port)) errs.push('must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)');
  if (!/[a-z]/.test(port)) errs.push('must contain at least one letter (a-z)');
  if (port.includes('--')) errs.push('must not contain consecutive hyphens');
  if (port.length > 0 && (port.startsWith('-') || port.endsWith('-'))) errs.push('must not begin or end with a hyphen');
  return errs;
}

/** isValidPercent is IsValidPercent. */
export function isValidPercent(v: string): string[] {
  return /^[0-9]+%$/.test(v) ? [] : [regexError("a valid percent string must be a numeric string followed by an ending '%'", '[0-9]+%', '1%', '93%')];
}

/** NameFn checks an object name (prefix: it is a generateName). */
export type NameFn = (name: string, prefix: boolean) => string[];

/** maskTrailingDash lets a generateName end in '-' (apimachinery's maskTrailingDash). */
function maskTrailingDash(name: string): string {
  return name.length > 1 && name.endsWith('-') ? `${name.slice(0, -2)}a` : name;
}

/** nameIsDnsSubdomain is NameIsDNSSubdomain (most kinds). */
export const nameIsDnsSubdomain: NameFn = (name, prefix) => isDns1123Subdomain(prefix ? maskTrailingDash(name) : name);
/** nameIsDnsLabel is NameIsDNSLabel (namespaces). */
export const nameIsDnsLabel: NameFn = (name, prefix) => isDns1123Label(prefix ? maskTrailingDash(name) : name);
/** nameIsDns1035Label is NameIsDNS1035Label (services). */
export const nameIsDns1035Label: NameFn = (name, prefix) => isDns1035Label(prefix ? maskTrailingDash(name) : name);
/** pathSegmentName is path.ValidatePathSegmentName (RBAC roles, CSRs…): anything without '/' or '%'. */
export const pathSegmentName: NameFn = (name, prefix) => {
  if (!prefix && (name === '.' || name === '..')) return [`may not be '${name}'`];
  return ['/', '%'].filter((bad) => name.includes(bad)).map((bad) => `may not contain '${bad}'`);
};

/** each turns Is* messages into Invalid errors on one field. */
export function each(field: string, value: unknown, msgs: string[]): FieldError[] {
  return msgs.map((m) => fieldErr.invalid(field, value, m));
}

/** validateDns1123Label checks a name that must be a DNS label (namespaces, containers). */
export function validateDns1123Label(field: string, value: string): FieldError[] {
  return each(field, value, isDns1123Label(value));
}

/** validateDns1123Subdomain checks a name that must be a DNS subdomain (most objects). */
export function validateDns1123Subdomain(field: string, value: string): FieldError[] {
  return each(field, value, isDns1123Subdomain(value));
}

/** validateObjectName is ValidateObjectMeta's name check for kinds named by DNS subdomains. */
export function validateObjectName(field: string, name: string): FieldError[] {
  if (!name) return [fieldErr.required(field, 'name or generateName is required')];
  return validateDns1123Subdomain(field, name);
}

/** validateConfigMapKey is IsConfigMapKey on one field. */
export function validateConfigMapKey(field: string, key: string): FieldError[] {
  return each(field, key, isConfigMapKey(key));
}
