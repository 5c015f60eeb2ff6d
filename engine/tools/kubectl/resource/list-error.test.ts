import { describe, expect, it } from 'vitest';
import { clusterHarness } from '../cmd/testing.ts';

// kubectl 1.33 against `kubelab serve`: the apiserver answers "field label not supported: foo",
// and kubectl's resource builder puts the resource and both selectors in front.
const FIELD = 'Error from server (BadRequest): Unable to find "/v1, Resource=pods" that match label selector "", field selector "foo=bar": field label not supported: foo\n';

describe('a list by selectors the server refuses', () => {
  it('is worded by the resource builder of get, describe and delete, once', async () => {
    const k = clusterHarness();
    for (const argv of [['get', 'pods', '--field-selector', 'foo=bar'], ['get', 'pods', '-o', 'name', '--field-selector', 'foo=bar'], ['delete', 'pods', '--field-selector', 'foo=bar']]) {
      expect(await k.run(argv), argv.join(' ')).toMatchObject({ stdout: '', stderr: FIELD, code: 1 });
    }
    expect((await k.run(['describe', 'pods', '-l', 'a in (b'])).stderr).toBe(
      'Error from server (BadRequest): Unable to find "/v1, Resource=pods" that match label selector "a in (b", field selector "": unable to parse requirement: found \'\', expected: \',\' or \')\'\n',
    );
  });
});
