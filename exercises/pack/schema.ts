import { DOMAINS } from './types.ts';
import type { Field, Schema } from './schema-dsl.ts';

const str: Schema = { t: 'string' };
const md: Schema = { t: 'string', markdown: true };
const num: Schema = { t: 'number' };
const bool: Schema = { t: 'boolean' };
const req = (s: Schema): Field => ({ s, required: true });
const opt = (s: Schema): Field => ({ s });
const DNS = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

const objectRef = (nameRequired: boolean): Schema => ({
  t: 'object',
  fields: { kind: req(str), apiVersion: opt(str), namespace: opt(str), name: nameRequired ? req(str) : opt(str) },
});

const textMatch: Record<string, Field> = { equals: opt(str), contains: opt(str), matches: opt(str), notContains: opt(str) };
const base: Record<string, Field> = { type: req(str), description: opt(md), weight: opt({ t: 'number', min: 0 }), context: opt(str) };

/** CHECK_SCHEMAS are the check types and their fields. */
export const CHECK_SCHEMAS: Record<string, Schema> = {
  'exists': { t: 'object', fields: { ...base, object: req(objectRef(true)) } },
  'absent': { t: 'object', fields: { ...base, object: req(objectRef(true)) } },
  'jsonpath': { t: 'object', fields: { ...base, object: req(objectRef(true)), path: req(str), ...textMatch } },
  'count': {
    t: 'object',
    fields: { ...base, object: req(objectRef(false)), selector: opt(str), fieldSelector: opt(str), equals: opt(num), min: opt(num), max: opt(num) },
  },
  'condition': { t: 'object', fields: { ...base, object: req(objectRef(true)), condition: req(str), status: opt({ t: 'string', enum: ['True', 'False', 'Unknown'] }) } },
  'file': { t: 'object', fields: { ...base, host: req(str), path: req(str), exists: opt(bool), ...textMatch } },
  'command': { t: 'object', fields: { ...base, host: req(str), user: opt(str), run: req(str), exit: opt({ t: 'number', integer: true }), ...textMatch } },
  'can-i': {
    t: 'object',
    fields: {
      ...base,
      user: opt(str),
      groups: opt({ t: 'array', of: str }),
      serviceAccount: opt(str),
      verb: req(str),
      resource: req(str),
      subresource: opt(str),
      namespace: opt(str),
      name: opt(str),
      allowed: req(bool),
    },
  },
  'http': { t: 'object', fields: { ...base, host: req(str), url: req(str), status: opt(num), headers: opt({ t: 'map', of: str }), ...textMatch } },
};

const fault: Schema = {
  t: 'tagged',
  key: 'type',
  variants: {
    'stop-service': { t: 'object', fields: { type: req(str), host: req(str), service: req(str) } },
    'edit-file': { t: 'object', fields: { type: req(str), host: req(str), path: req(str), replace: req(str), with: req(str) } },
    'delete-file': { t: 'object', fields: { type: req(str), host: req(str), path: req(str) } },
  },
};

const step: Schema = {
  t: 'oneKey',
  variants: {
    run: str,
    apply: str,
    file: { t: 'object', fields: { host: req(str), path: req(str), content: req(str), mode: opt({ t: 'number', integer: true, min: 0 }) } },
    fault,
  },
  common: { host: opt(str), user: opt(str), context: opt(str) },
};

/** EXERCISE_SCHEMA is the shape of one exercise file. */
export const EXERCISE_SCHEMA: Schema = {
  t: 'object',
  fields: {
    apiVersion: req({ t: 'string', enum: ['kubelab.dev/v1'] }),
    kind: req({ t: 'string', enum: ['Exercise'] }),
    id: req({ t: 'string', pattern: DNS, patternText: 'a lower-case DNS label' }),
    title: req(str),
    domain: req({ t: 'string', enum: Object.keys(DOMAINS) }),
    curriculum: req({ t: 'array', of: str, minItems: 1 }),
    context: opt(str),
    host: opt(str),
    weight: opt({ t: 'number', min: 0 }),
    minutes: opt({ t: 'number', min: 0 }),
    setup: opt({ t: 'array', of: step }),
    /** task: Markdown; may instead live in a .md file beside the exercise file */
    task: opt(md),
    hints: opt({ t: 'array', of: md }),
    checks: req({ t: 'array', of: { t: 'tagged', key: 'type', variants: CHECK_SCHEMAS }, minItems: 1 }),
    solution: req({ t: 'array', of: step, minItems: 1 }),
  },
};

/** PACK_SCHEMA is the shape of a pack's pack.yaml. */
export const PACK_SCHEMA: Schema = {
  t: 'object',
  fields: {
    apiVersion: req({ t: 'string', enum: ['kubelab.dev/v1'] }),
    kind: req({ t: 'string', enum: ['Pack'] }),
    id: req({ t: 'string', pattern: DNS, patternText: 'a lower-case DNS label' }),
    title: req(str),
    description: opt(md),
    /** lab: file name (inside the pack) of a lab definition */
    lab: opt(str),
    /** exercises: the exercise files in order (default: every other .yaml file, sorted) */
    exercises: opt({ t: 'array', of: str }),
  },
};
