import { describe, expect, it } from 'vitest';
import { parseSet, parseSetInto } from './strvals.ts';

// Cases from helm's pkg/strvals parser tests: what --set (and --set-string) make of an expression.
const OK: [string, Record<string, unknown>][] = [
  ['name1=null,f=false,t=true', { name1: null, f: false, t: true }],
  ['name1=value1,name2=value2,', { name1: 'value1', name2: 'value2' }],
  ['name1=,name2=value2', { name1: '', name2: 'value2' }],
  ['leading_zeros=00009', { leading_zeros: '00009' }],
  ['zero_int=0', { zero_int: 0 }],
  ['long_int=1234567890', { long_int: 1234567890 }],
  ['name1=one\\,two,name2=three\\=four', { name1: 'one,two', name2: 'three=four' }],
  ['name1=one two three', { name1: 'one two three' }],
  ['outer.inner1=value,outer.middle.inner=value', { outer: { inner1: 'value', middle: { inner: 'value' } } }],
  ['name1.name2=', { name1: { name2: '' } }],
  ['name1={value1,value2},name2={1021,902}', { name1: ['value1', 'value2'], name2: [1021, 902] }],
  ['list[0].foo=bar,list[0].hello=world', { list: [{ foo: 'bar', hello: 'world' }] }],
  ['list[0]=foo,list[3]=bar', { list: ['foo', null, null, 'bar'] }],
  ['noval[0]', { noval: [] }],
  ['noval[0]=', { noval: [''] }],
  ['nested[1][1]=1', { nested: [null, [null, 1]] }],
  ['name1.name2[1].foo=bar', { name1: { name2: [null, { foo: 'bar' }] } }],
];
const BAD = ['name1=value1,,,,name2=value2,', 'name1,name2=', 'name1,name2=value2', 'name1,name2', 'name1.name2', 'name1.=name2', 'name1={1021,902', 'list[0]=foo,list[-20]=bar', 'illegal[0]name.foo=bar', ']={}].'];

describe('--set expressions', () => {
  it.each(OK)('%s', (expr, want) => expect(parseSet(expr)).toEqual(want));
  it.each(BAD)('%s is an error', (expr) => expect(() => parseSet(expr)).toThrow());

  it('keeps everything a string under --set-string', () => {
    expect(parseSet('long_int_string=1234567890,boolean=true,is_null=null,zero=0', true)).toEqual({ long_int_string: '1234567890', boolean: 'true', is_null: 'null', zero: '0' });
  });

  it('sets into existing values, replacing only the keys it names', () => {
    const got: Record<string, unknown> = { outer: { inner1: 'overwrite', inner2: 'value2' } };
    parseSetInto('outer.inner1=value1,outer.inner3=value3,outer.inner4=4', got);
    expect(got).toEqual({ outer: { inner1: 'value1', inner2: 'value2', inner3: 'value3', inner4: 4 } });
    const lists: Record<string, unknown> = {};
    parseSetInto('listOuter[0][0].type=listValue', lists);
    parseSetInto('listOuter[0][0].status=alive', lists);
    expect(lists).toEqual({ listOuter: [[{ type: 'listValue', status: 'alive' }]] });
  });
});
