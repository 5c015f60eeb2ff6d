import type { FileSystem } from '../../host/types.ts';
import type { ImageDef } from './types.ts';
import { BUSYBOX_APPLETS as BUSYBOX_APPLETS_FOR_DEBIAN, busyboxTools, debianTools, toolbox } from './toolbox.ts';
import { dockerEntrypoint, nginx, NGINX_DEFAULT_CONF, NGINX_INDEX } from './programs/nginx.ts';
import { httpd, pause, redisServer, sqlServer } from './programs/servers.ts';
import { stress } from './programs/stress.ts';
import { httpEcho } from './programs/http-echo.ts';
import { hostWork } from '../../base/host-work.ts';

const PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

function osRelease(id: string, pretty: string, version: string): (fs: FileSystem) => void {
  return (fs) => {
    fs.mkdir('/etc', { recursive: true });
    fs.writeFile('/etc/os-release', `PRETTY_NAME="${pretty}"\nNAME="${pretty.split(' ')[0]}"\nVERSION_ID="${version}"\nID=${id}\n`);
  };
}

const debianRelease = osRelease('debian', 'Debian GNU/Linux 12 (bookworm)', '12');

/** debian is the Debian base layer: its os-release and the /usr/local/sbin that heads the images' PATH. */
function debian(fs: FileSystem): void {
  debianRelease(fs);
  fs.mkdir('/usr/local/sbin', { recursive: true });
}

/** nginxImage is one nginx release line (the tags that name it, its version in NGINX_VERSION). */
function nginxImage(version: string, tags: string[]): ImageDef {
  return {
    repository: 'nginx',
    tags,
    size: 72_000_000 + Number(version.split('.')[1]) * 12_345,
    entrypoint: ['/docker-entrypoint.sh'],
    cmd: ['nginx', '-g', 'daemon off;'],
    env: { PATH, NGINX_VERSION: version, NJS_VERSION: '0.8.10', PKG_RELEASE: '1~bookworm' },
    exposedPorts: [80],
    binaries: { ...debianTools(['curl']), nginx, 'docker-entrypoint.sh': dockerEntrypoint },
    binaryPaths: { nginx: '/usr/sbin/nginx', 'docker-entrypoint.sh': '/docker-entrypoint.sh' },
    files(fs) {
      debian(fs);
      fs.mkdir('/usr/share/nginx/html', { recursive: true });
      fs.writeFile('/usr/share/nginx/html/index.html', NGINX_INDEX);
      fs.writeFile('/usr/share/nginx/html/50x.html', '<!DOCTYPE html>\n<html>\n<head>\n<title>Error</title>\n</head>\n<body>\n<h1>An error occurred.</h1>\n</body>\n</html>\n');
      fs.mkdir('/etc/nginx/conf.d', { recursive: true });
      fs.writeFile('/etc/nginx/conf.d/default.conf', NGINX_DEFAULT_CONF);
      fs.mkdir('/var/log/nginx', { recursive: true });
    },
  };
}

function shellImage(repository: string, tags: string[], size: number, cmd: string[], files: (fs: FileSystem) => void, bash = false): ImageDef {
  return { repository, tags, size, entrypoint: [], cmd, env: { PATH }, binaries: bash ? debianTools() : busyboxTools(), files };
}

/**
 * WORKLOAD_IMAGES are the images pods of the lab can run. Each entry is one
 * release line; its tags are the names a registry would resolve for it.
 */
export const WORKLOAD_IMAGES: ImageDef[] = [
  nginxImage('1.25.5', ['1.25', '1.25.5']),
  nginxImage('1.26.3', ['1.26', '1.26.3']),
  nginxImage('1.27.5', ['1.27', '1.27.5']),
  nginxImage('1.28.0', ['1.28', '1.28.0', 'stable', 'stable-alpine', '1.28-alpine']),
  nginxImage('1.29.3', ['1.29', '1.29.3', 'mainline', 'latest', 'alpine', '1.29-alpine']),
  shellImage('busybox', ['latest', '1.36', '1.36.1', '1.37', '1.37.0', 'stable', 'musl', 'glibc', 'uclibc'], 2_167_176, ['sh'], osRelease('busybox', 'BusyBox', '1.37.0')),
  shellImage('alpine', ['latest', '3', '3.19', '3.20', '3.21', '3.22'], 3_802_452, ['/bin/sh'], osRelease('alpine', 'Alpine Linux v3.22', '3.22.2')),
  shellImage('ubuntu', ['latest', '22.04', '24.04', 'jammy', 'noble'], 29_723_147, ['/bin/bash'], osRelease('ubuntu', 'Ubuntu 24.04.3 LTS', '24.04'), true),
  shellImage('debian', ['latest', '12', 'bookworm', 'bookworm-slim', '13', 'trixie'], 48_482_000, ['bash'], debian, true),
  {
    repository: 'curlimages/curl',
    tags: ['latest', '8.10.1', '8.11.1', '8.16.0'],
    size: 10_410_000,
    entrypoint: ['/entrypoint.sh'],
    cmd: ['curl'],
    env: { PATH, CURL_CA_BUNDLE: '/cacert.pem' },
    user: 'curl_user',
    binaries: { ...toolbox(undefined, ['curl', 'nslookup', 'wget']), 'entrypoint.sh': async (p) => (await hostWork(import('./programs/exec.ts'))).execIn(p, p.argv.slice(1)) },
    binaryPaths: { 'entrypoint.sh': '/entrypoint.sh', curl: '/usr/bin/curl' },
    files: osRelease('alpine', 'Alpine Linux v3.22', '3.22.2'),
  },
  {
    repository: 'httpd',
    tags: ['latest', '2.4', '2.4.65', 'alpine'],
    size: 45_260_000,
    entrypoint: [],
    cmd: ['httpd-foreground'],
    env: { PATH: `/usr/local/apache2/bin:${PATH}`, HTTPD_VERSION: '2.4.65', HTTPD_PREFIX: '/usr/local/apache2' },
    workingDir: '/usr/local/apache2',
    exposedPorts: [80],
    binaries: { ...debianTools(), 'httpd-foreground': httpd, httpd },
    binaryPaths: { 'httpd-foreground': '/usr/local/bin/httpd-foreground', httpd: '/usr/local/apache2/bin/httpd' },
    files(fs) {
      debian(fs);
      fs.mkdir('/usr/local/apache2/htdocs', { recursive: true });
      fs.writeFile('/usr/local/apache2/htdocs/index.html', '<html><body><h1>It works!</h1></body></html>\n');
    },
  },
  {
    repository: 'redis',
    tags: ['latest', '7', '7.2', '7.4', '8', '8.2', 'alpine'],
    size: 52_180_000,
    entrypoint: ['docker-entrypoint.sh'],
    cmd: ['redis-server'],
    env: { PATH, REDIS_VERSION: '8.2.1' },
    workingDir: '/data',
    exposedPorts: [6379],
    binaries: { ...debianTools(), 'redis-server': redisServer, 'docker-entrypoint.sh': async (p) => (await hostWork(import('./programs/exec.ts'))).execIn(p, p.argv.slice(1)) },
    binaryPaths: { 'redis-server': '/usr/local/bin/redis-server', 'docker-entrypoint.sh': '/usr/local/bin/docker-entrypoint.sh' },
    files: (fs) => {
      debian(fs);
      fs.mkdir('/data', { recursive: true });
    },
  },
  {
    repository: 'mysql',
    tags: ['latest', '8', '8.0', '8.4', '9'],
    size: 233_400_000,
    entrypoint: ['docker-entrypoint.sh'],
    cmd: ['mysqld'],
    env: { PATH, MYSQL_VERSION: '8.4.6-1.el9' },
    exposedPorts: [3306],
    binaries: { ...debianTools(), mysqld: sqlServer('mysql'), 'docker-entrypoint.sh': async (p) => (await hostWork(import('./programs/exec.ts'))).execIn(p, p.argv.slice(1)) },
    binaryPaths: { mysqld: '/usr/sbin/mysqld', 'docker-entrypoint.sh': '/usr/local/bin/docker-entrypoint.sh' },
    files: osRelease('ol', 'Oracle Linux Server 9.6', '9.6'),
  },
  {
    repository: 'postgres',
    tags: ['latest', '15', '16', '17', 'alpine', '17-alpine'],
    size: 158_700_000,
    entrypoint: ['docker-entrypoint.sh'],
    cmd: ['postgres'],
    env: { PATH: `/usr/lib/postgresql/17/bin:${PATH}`, PG_VERSION: '17.6-1.pgdg130+1', PGDATA: '/var/lib/postgresql/data' },
    exposedPorts: [5432],
    binaries: { ...debianTools(), postgres: sqlServer('postgres'), 'docker-entrypoint.sh': async (p) => (await hostWork(import('./programs/exec.ts'))).execIn(p, p.argv.slice(1)) },
    binaryPaths: { postgres: '/usr/lib/postgresql/17/bin/postgres', 'docker-entrypoint.sh': '/usr/local/bin/docker-entrypoint.sh' },
    files: debian,
  },
  {
    repository: 'polinux/stress',
    tags: ['latest', '1.0.4'],
    size: 4_041_734,
    entrypoint: [],
    cmd: ['stress', '--help'],
    env: { PATH },
    binaries: { ...busyboxTools(), stress },
    binaryPaths: { stress: '/usr/local/bin/stress' },
    files: osRelease('alpine', 'Alpine Linux v3.8', '3.8.1'),
  },
  {
    // the image of Kubernetes' DNS debugging page (dnsutils.yaml): Debian 8 with bind9's dig, host and nslookup
    repository: 'registry.k8s.io/e2e-test-images/jessie-dnsutils',
    tags: ['1.3', '1.7'],
    size: 112_458_127,
    entrypoint: [],
    cmd: ['/bin/sh'],
    env: { PATH },
    binaries: toolbox([...BUSYBOX_APPLETS_FOR_DEBIAN, 'bash'], ['nslookup', 'dig', 'host', 'ping', 'nc']),
    files: osRelease('debian', 'Debian GNU/Linux 8 (jessie)', '8'),
  },
  {
    // a static Go binary on scratch: no shell, only /http-echo
    repository: 'hashicorp/http-echo',
    tags: ['latest', '1.0', '1.0.0'],
    size: 3_525_137,
    entrypoint: ['/http-echo'],
    cmd: [],
    env: { PATH },
    exposedPorts: [5678],
    binaries: { 'http-echo': httpEcho },
    binaryPaths: { 'http-echo': '/http-echo' },
  },
  {
    repository: 'registry.k8s.io/pause',
    tags: ['3.8', '3.9', '3.10', '3.10.1'],
    size: 320_448,
    entrypoint: ['/pause'],
    cmd: [],
    env: { PATH },
    binaries: { pause },
    binaryPaths: { pause: '/pause' },
  },
];

/**
 * CHART_IMAGES are the images of the charts the lab's Helm repositories
 * serve: Bitnami's nginx (listening on 8080, as a non-root image does) and
 * Argo CD's components (they start and run; their work is out of the lab's
 * scope).
 */
export const CHART_IMAGES: ImageDef[] = [
  (() => {
    const base = nginxImage('1.27.3', ['1.27.3-debian-12-r0', '1.27.2-debian-12-r0', '1.26.3-debian-12-r0', 'latest']);
    return {
      ...base,
      repository: 'bitnami/nginx',
      user: '1001',
      files(fs: FileSystem) {
        base.files?.(fs);
        fs.writeFile('/etc/nginx/conf.d/default.conf', NGINX_DEFAULT_CONF.replace(/listen {7}80;/, 'listen       8080;').replace(/listen {2}\[::\]:80;/, 'listen  [::]:8080;'));
      },
    };
  })(),
  {
    repository: 'quay.io/argoproj/argocd',
    tags: ['v2.13.3', 'v2.13.0', 'v2.12.6', 'latest'],
    size: 181_221_140,
    entrypoint: [],
    cmd: ['/usr/local/bin/argocd'],
    env: { PATH },
    binaries: { ...debianTools(), argocd: idleServer, 'argocd-server': idleServer, 'argocd-repo-server': idleServer, 'argocd-application-controller': idleServer, 'argocd-applicationset-controller': idleServer },
    binaryPaths: { argocd: '/usr/local/bin/argocd', 'argocd-server': '/usr/local/bin/argocd-server', 'argocd-repo-server': '/usr/local/bin/argocd-repo-server', 'argocd-application-controller': '/usr/local/bin/argocd-application-controller', 'argocd-applicationset-controller': '/usr/local/bin/argocd-applicationset-controller' },
  },
];

/** idleServer is a long-running component whose work the lab does not simulate: it runs until stopped. */
function idleServer(p: Parameters<ImageDef['binaries'][string]>[0]): Promise<number> {
  return new Promise<number>((resolve) => p.signal.onInterrupt(() => resolve(0)));
}

/** SANDBOX_IMAGE is the pause image containerd 1.7/2.x starts each pod sandbox from. */
export const SANDBOX_IMAGE = 'registry.k8s.io/pause:3.10';
