import { toGoJson } from './go-json.ts';
import { goJson, goText } from './gofmt.ts';
import { parseJsonPath, type Node } from './parser.ts';

/** JsonPathExecError is a template that failed on the given object; the message is client-go's. */
export class JsonPathExecError extends Error {}

type V = unknown;

const isMap = (v: V): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** goType names a decoded JSON value's Go type, for error texts. */
function goType(v: V): string {
  if (Array.isArray(v)) return '[]interface {}';
  if (isMap(v)) return 'map[string]interface {}';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'number') return Number.isInteger(v) ? 'int64' : 'float64';
  return 'interface {}';
}

/**
 * JsonPath executes a parsed template over a decoded JSON value with
 * client-go's semantics: results of one action are joined by spaces; maps,
 * slices print as compact JSON; missing keys print nothing when allowed.
 */
export class JsonPath {
  private readonly nodes: Node[];
  private beginRange = 0;
  private inRange = 0;
  private endRange = 0;
  private lastEnd: Node | undefined;

  constructor(
    template: string,
    readonly allowMissingKeys = true,
    readonly outputJson = false,
  ) {
    this.nodes = parseJsonPath(template);
  }

  /** findResults returns the result groups, one per action (ranges expanded). */
  findResults(data: V): V[][] {
    this.beginRange = this.inRange = this.endRange = 0;
    return this.find(data, this.nodes);
  }

  private find(data: V, nodes: Node[]): V[][] {
    const full: V[][] = [];
    const cur: V[] = [data];
    for (let i = 0; i < nodes.length; i++) {
      const node = nodes[i]!;
      const results = this.walk(cur, node);
      if (this.endRange > 0 && this.endRange <= this.inRange) {
        this.endRange--;
        this.lastEnd = node;
        break;
      }
      if (this.beginRange > 0) {
        this.beginRange--;
        this.inRange++;
        const body = nodes.slice(i + 1);
        if (results.length > 0) for (const v of results) full.push(...this.find(v, body));
        else this.find(null, body);
        this.inRange--;
        for (let k = i + 1; k < nodes.length; k++) {
          if (nodes[k] === this.lastEnd) {
            i = k;
            break;
          }
        }
        continue;
      }
      full.push(results);
    }
    return full;
  }

  /** execute runs the template and returns the text kubectl prints. */
  execute(data: V): string {
    let out = '';
    for (const group of this.findResults(data)) out += this.printResults(group);
    return out;
  }

  /** printResults formats results as PrintResults does: space-separated, maps and lists as compact JSON. */
  printResults(results: V[]): string {
    // jsonpath-as-json prints each action's results as one indented JSON array
    if (this.outputJson) return toGoJson(results, { sortKeys: true });
    let out = '';
    results.forEach((r, i) => {
      let text: string;
      const container = Array.isArray(r) || isMap(r);
      if (container) text = goJson(r);
      // evalToText writes a nil result as "null" (fmt would print <nil>, as it still does inside a map)
      else text = r === null ? 'null' : goText(r);
      if (i !== results.length - 1) text += ' ';
      out += text;
    });
    return out;
  }

  private walk(input: V[], node: Node): V[] {
    switch (node.t) {
      case 'list':
        return this.evalList(input, node.nodes);
      case 'text':
        return [node.text];
      case 'field':
        return this.evalField(input, node.name);
      case 'array':
        return this.evalArray(input, node.params);
      case 'wildcard':
        return this.evalWildcard(input);
      case 'recursive':
        return this.evalRecursive(input);
      case 'union':
        return node.lists.flatMap((l) => this.evalList(input, l));
      case 'ident':
        return this.evalIdent(input, node.name);
      case 'filter':
        return this.evalFilter(input, node);
      case 'int':
      case 'float':
      case 'bool':
        return [node.value];
    }
  }

  private evalList(input: V[], nodes: Node[]): V[] {
    let cur = input;
    for (const n of nodes) cur = this.walk(cur, n);
    return cur;
  }

  private evalIdent(input: V[], name: string): V[] {
    if (name === 'range') {
      this.beginRange++;
      return input;
    }
    if (name === 'end') {
      if (this.inRange > 0) {
        this.endRange++;
        return input;
      }
      throw new JsonPathExecError('not in range, nothing to end');
    }
    throw new JsonPathExecError(`unrecognized identifier ${name}`);
  }

  private evalField(input: V[], name: string): V[] {
    const results: V[] = [];
    if (input.length === 0) return results;
    for (const v of input) {
      if (v === null || v === undefined) continue;
      if (isMap(v) && Object.prototype.hasOwnProperty.call(v, name)) results.push(v[name]);
    }
    if (results.length === 0 && !this.allowMissingKeys) throw new JsonPathExecError(`${name} is not found`);
    return results;
  }

  private evalArray(input: V[], params0: { value: number; known: boolean; derived: boolean }[]): V[] {
    const result: V[] = [];
    for (const v of input) {
      if (v === null || v === undefined) continue;
      if (!Array.isArray(v)) throw new JsonPathExecError(`${goType(v)} is not array or slice`);
      const p = params0.map((x) => ({ ...x }));
      const len = v.length;
      if (!p[0]!.known) p[0]!.value = 0;
      if (p[0]!.value < 0) p[0]!.value += len;
      if (!p[1]!.known) p[1]!.value = len;
      if (p[1]!.value < 0 || (p[1]!.value === 0 && p[1]!.derived)) p[1]!.value += len;
      if (p[1]!.value !== p[0]!.value) {
        if (p[0]!.value >= len || p[0]!.value < 0) throw new JsonPathExecError(`array index out of bounds: index ${p[0]!.value}, length ${len}`);
        if (p[1]!.value > len || p[1]!.value < 0) throw new JsonPathExecError(`array index out of bounds: index ${p[1]!.value - 1}, length ${len}`);
        if (p[0]!.value > p[1]!.value) throw new JsonPathExecError(`starting index ${p[0]!.value} is greater than ending index ${p[1]!.value}`);
      } else {
        return result;
      }
      const slice = v.slice(p[0]!.value, p[1]!.value);
      let step = 1;
      if (p[2]!.known) {
        if (p[2]!.value <= 0) throw new JsonPathExecError('step must be > 0');
        step = p[2]!.value;
      }
      for (let i = 0; i < slice.length; i += step) result.push(slice[i]);
    }
    return result;
  }

  private children(v: V): V[] {
    if (isMap(v))
      return Object.keys(v)
        .sort()
        .map((k) => v[k]);
    if (Array.isArray(v)) return v;
    if (typeof v === 'string') return Array.from(new TextEncoder().encode(v));
    return [];
  }

  private evalWildcard(input: V[]): V[] {
    return input.flatMap((v) => (v === null || v === undefined ? [] : this.children(v)));
  }

  private evalRecursive(input: V[]): V[] {
    const result: V[] = [];
    for (const v of input) {
      if (v === null || v === undefined) continue;
      const kids = this.children(v);
      if (kids.length !== 0) {
        result.push(v);
        result.push(...this.evalRecursive(kids));
      }
    }
    return result;
  }

  private evalFilter(input: V[], node: Extract<Node, { t: 'filter' }>): V[] {
    const results: V[] = [];
    for (const v0 of input) {
      const v = v0;
      if (!Array.isArray(v)) throw new JsonPathExecError(`${goText(v)} is not array or slice and cannot be filtered`);
      for (const item of v) {
        let lefts: V[];
        try {
          lefts = this.evalList([item], node.left);
        } catch (e) {
          if (node.op === 'exists') continue;
          throw e;
        }
        if (node.op === 'exists') {
          if (lefts.length > 0) results.push(item);
          continue;
        }
        if (lefts.length === 0) continue;
        if (lefts.length > 1) throw new JsonPathExecError('can only compare one element at a time');
        const rights = this.evalList([item], node.right);
        if (rights.length === 0) continue;
        if (rights.length > 1) throw new JsonPathExecError('can only compare one element at a time');
        if (compare(lefts[0], rights[0], node.op)) results.push(item);
      }
    }
    return results;
  }
}

type Kind = 'int' | 'float' | 'string' | 'bool' | 'other';
function kindOf(v: V): Kind {
  if (typeof v === 'number') return Number.isInteger(v) ? 'int' : 'float';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'bool';
  return 'other';
}

/** compare is text/template's eq/ne/lt/le/gt/ge over basic kinds ("incompatible types for comparison" otherwise). */
function compare(a: V, b: V, op: string): boolean {
  const ka = kindOf(a);
  const kb = kindOf(b);
  if (op === '==' || op === '!=') {
    let eq: boolean;
    if (ka === 'other' || kb === 'other') {
      if (a === null && b === null) eq = true;
      else throw new JsonPathExecError(ka === 'other' && a !== null ? 'uncomparable type' : 'incompatible types for comparison');
    } else if (ka !== kb) throw new JsonPathExecError('incompatible types for comparison');
    else eq = a === b;
    return op === '==' ? eq : !eq;
  }
  if (ka !== kb) throw new JsonPathExecError('incompatible types for comparison');
  if (ka === 'bool' || ka === 'other') throw new JsonPathExecError('invalid type for comparison');
  const lt = (a as number | string) < (b as number | string);
  const eq = a === b;
  switch (op) {
    case '<':
      return lt;
    case '<=':
      return lt || eq;
    case '>':
      return !lt && !eq;
    case '>=':
      return !lt;
  }
  throw new JsonPathExecError(`unrecognized filter operator ${op}`);
}
