import { describe, expect, it } from 'vitest';
import { parseQuantity, Quantity, QUANTITY_FORMAT_MSG, QUANTITY_SUFFIX_MSG, quantityOf, milliQuantity, intQuantity } from './quantity.ts';

// Facts from apimachinery's quantity_test.go (TestQuantityString, TestQuantityParseEmit) and docs.
const canonical: [string, string][] = [
  ['1Gi', '1Gi'], ['1024Mi', '1Gi'], ['300Mi', '300Mi'], ['307200Ki', '300Mi'], ['6Ki', '6Ki'],
  ['1025024Mi', '1001Gi'], ['1024Gi', '1Ti'], ['5000m', '5'], ['0.5', '500m'], ['1000M', '1G'],
  ['0.001T', '1G'], ['1000u', '1m'], ['80m', '80m'], ['1.08', '1080m'], ['1080000000n', '1080m'],
  ['3k', '3k'], ['1025', '1025'], ['0', '0'], ['.001e12', '1e9'], ['0.001e0', '1e-3'],
  ['1000e-12', '1e-9'], ['1e3', '1e3'], ['1E6', '1e6'], ['00', '0'], ['1Ki', '1Ki'],
  ['.001Ki', '1024m'], ['.000001Ki', '1024u'], ['.000000001Ki', '1024n'], ['.000000000001Ki', '2n'],
  ['-1024Mi', '-1Gi'], ['-0.5', '-500m'], ['128974848', '128974848'], ['129e6', '129e6'],
  ['123Mi', '123Mi'], ['250m', '250m'], ['2', '2'], ['1.5Gi', '1536Mi'], ['0.1', '100m'], ['1E', '1E'],
];

describe('parseQuantity', () => {
  it.each(canonical)('%s → %s', (input, want) => {
    expect(parseQuantity(input).toString()).toBe(want);
  });

  it.each(['', 'abc', '1.2.3', 'Mi', ' 1', '1 ', '1Mix', '1.5e'])('rejects %j with the format error or suffix error', (bad) => {
    expect(() => parseQuantity(bad)).toThrow();
  });

  it('reports the regular expression for malformed input', () => {
    expect(() => parseQuantity('abc')).toThrow(QUANTITY_FORMAT_MSG);
    expect(() => parseQuantity('1.2.3')).toThrow(QUANTITY_FORMAT_MSG);
  });

  it('reports an unknown suffix', () => {
    expect(() => parseQuantity('1Mm')).toThrow(QUANTITY_SUFFIX_MSG);
    expect(() => parseQuantity('1ki')).toThrow(QUANTITY_SUFFIX_MSG);
    expect(() => parseQuantity('1Mb')).toThrow(QUANTITY_FORMAT_MSG);
  });

  it('keeps the format of the input', () => {
    expect(parseQuantity('1Gi').format).toBe('BinarySI');
    expect(parseQuantity('1G').format).toBe('DecimalSI');
    expect(parseQuantity('1e3').format).toBe('DecimalExponent');
    // A binary amount below one is written in decimal.
    expect(parseQuantity('.5Ki').toString()).toBe('512');
  });
});

describe('arithmetic', () => {
  it('compares across formats', () => {
    expect(parseQuantity('1Gi').cmp(parseQuantity('1024Mi'))).toBe(0);
    expect(parseQuantity('1G').cmp(parseQuantity('1Gi'))).toBe(-1);
    expect(parseQuantity('500m').cmp(parseQuantity('0.4'))).toBe(1);
  });

  it('adds and subtracts keeping the receiver format', () => {
    expect(parseQuantity('100m').add(parseQuantity('900m')).toString()).toBe('1');
    expect(parseQuantity('1Gi').sub(parseQuantity('512Mi')).toString()).toBe('512Mi');
    expect(new Quantity(0n).add(parseQuantity('1Gi')).toString()).toBe('1Gi');
    expect(parseQuantity('100m').sub(parseQuantity('200m')).toString()).toBe('-100m');
  });

  it('gives milli-values for CPU and bytes for memory, rounding up', () => {
    expect(parseQuantity('250m').milliValue()).toBe(250);
    expect(parseQuantity('1.5').milliValue()).toBe(1500);
    expect(parseQuantity('1n').milliValue()).toBe(1);
    expect(parseQuantity('128Mi').value()).toBe(134217728);
    expect(parseQuantity('1.5k').value()).toBe(1500);
    expect(parseQuantity('100m').value()).toBe(1);
  });

  it('reads JSON numbers', () => {
    expect(quantityOf(2).toString()).toBe('2');
    expect(quantityOf(0.5).toString()).toBe('500m');
    expect(JSON.stringify({ cpu: quantityOf('0.25') })).toBe('{"cpu":"250m"}');
  });

  it('builds quantities from numbers', () => {
    expect(milliQuantity(1500).toString()).toBe('1500m');
    expect(intQuantity(1024 * 1024, 'BinarySI').toString()).toBe('1Mi');
  });
});
