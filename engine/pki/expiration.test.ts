import { describe, expect, it } from 'vitest';
import { checkExpirationTable, expirationInfo, kubeadmDate, shortHumanDuration } from './expiration.ts';
import { goTabwrite } from './go-tabwriter.ts';
import { FIXTURE_NOW, fixturePki } from './testing/fixtures.ts';

const DAY = 86400_000;

describe('kubeadm certs check-expiration', () => {
  const files = fixturePki().files['controlplane']!;
  const read = (p: string) => files[p]?.content;

  it('reports every kubeadm certificate and CA with its expiry and residual time', () => {
    const info = expirationInfo(read, FIXTURE_NOW + DAY);
    expect(info.certificates.map((c) => c.name)).toEqual([
      'admin.conf', 'apiserver', 'apiserver-etcd-client', 'apiserver-kubelet-client', 'controller-manager.conf',
      'etcd-healthcheck-client', 'etcd-peer', 'etcd-server', 'front-proxy-client', 'scheduler.conf', 'super-admin.conf',
    ]);
    expect(info.authorities.map((c) => c.name)).toEqual(['ca', 'etcd-ca', 'front-proxy-ca']);
    for (const c of info.certificates) {
      expect(c.expires, c.name).toBe(FIXTURE_NOW + 365 * DAY);
      expect(shortHumanDuration(c.residualSeconds!)).toBe('364d');
    }
    expect(info.certificates.find((c) => c.name === 'etcd-peer')!.caName).toBe('etcd-ca');
    expect(shortHumanDuration(info.authorities[0]!.residualSeconds!)).toBe('9y');
  });

  it('prints kubeadm\'s table: aligned columns and a padded last column', () => {
    const lines = checkExpirationTable(expirationInfo(read, FIXTURE_NOW + DAY)).split('\n');
    expect(lines[0]).toBe('CERTIFICATE                EXPIRES                  RESIDUAL TIME   CERTIFICATE AUTHORITY   EXTERNALLY MANAGED');
    expect(lines[1]).toBe('admin.conf                 Jan 05, 2027 09:00 UTC   364d            ca                      no      ');
    expect(lines[12]).toBe('');
    expect(lines[13]).toBe('CERTIFICATE AUTHORITY   EXPIRES                  RESIDUAL TIME   EXTERNALLY MANAGED');
    expect(lines[14]).toBe('ca                      Jan 03, 2036 09:00 UTC   9y              no      ');
    expect(lines.length).toBe(18);
  });

  it('marks missing files, external CAs and expired certificates', () => {
    const partial = (p: string) => (p.endsWith('super-admin.conf') || p === '/etc/kubernetes/pki/front-proxy-ca.key' ? undefined : read(p));
    const lines = checkExpirationTable(expirationInfo(partial, FIXTURE_NOW + 400 * DAY)).split('\n');
    // The missing row's name is the widest cell, so it sets the first column's width (26 + 3).
    expect(lines[0]).toBe('CERTIFICATE                  EXPIRES                  RESIDUAL TIME   CERTIFICATE AUTHORITY   EXTERNALLY MANAGED');
    expect(lines[1]).toBe('admin.conf                   Jan 05, 2027 09:00 UTC   <invalid>       ca                      no      ');
    expect(lines[9]).toBe('front-proxy-client           Jan 05, 2027 09:00 UTC   <invalid>       front-proxy-ca          yes     ');
    expect(lines[11]).toBe('!MISSING! super-admin.conf'.padEnd(29 + 25 + 16 + 24));
  });

  it('formats dates and durations as kubeadm and apimachinery do', () => {
    expect(kubeadmDate(Date.UTC(2027, 2, 9, 7, 5))).toBe('Mar 09, 2027 07:05 UTC');
    expect([-5, -1, 0, 59, 60, 3599, 3600, 86399, 86400, 365 * 86400 - 1, 365 * 86400].map(shortHumanDuration))
      .toEqual(['<invalid>', '0s', '0s', '59s', '1m', '59m', '1h', '23h', '1d', '364d', '1y']);
  });

  it('aligns cells per block like Go\'s text/tabwriter', () => {
    expect(goTabwrite('a\tbb\tc\nccc\td\te\n\nx\ty\n', 4, 1)).toBe('a   bb  c\nccc d   e\n\nx   y\n');
  });
});
