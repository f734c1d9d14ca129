// A real PostgreSQL server for tests: initdb into a fresh temp folder, a free loopback port, the
// unix socket in that folder, `pg_ctl start -w`, one database. Works as root (initdb refuses root:
// the commands then run as the `postgres` user through runuser or su, on a folder it owns).
// Without PostgreSQL binaries the harness throws, so that the tests fail instead of skipping.
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import pg from 'pg';

export interface PgServer {
  /** postgresql://pressx:<password>@127.0.0.1:<port>/<database> */
  url: string;
  host: string;
  port: number;
  database: string;
  password: string;
  dataDir: string;
  /** Stops the server and removes its folder. */
  stop(): Promise<void>;
  /** pgStop then pgStart. */
  restart(): Promise<void>;
  /** Stops the server (fast shutdown: sessions are terminated), keeping its data. */
  pgStop(): Promise<void>;
  /** Starts it again on the same port. */
  pgStart(): Promise<void>;
  /** The server log, for failure messages. */
  log(): string;
}

const INSTALL_HINT =
  'PostgreSQL server binaries (initdb, pg_ctl) not found in $PG_BIN, in PATH or in /usr/lib/postgresql/<version>/bin: ' +
  'install the `postgresql` package (Debian/Ubuntu: apt-get install postgresql) or set PG_BIN to the folder holding initdb and pg_ctl. ' +
  'These tests need a real server and do not skip.';

/** The folder holding initdb and pg_ctl: $PG_BIN, then PATH, then the newest /usr/lib/postgresql/<ver>/bin. */
export function findPgBin(): string {
  const candidates: string[] = [];
  if (process.env.PG_BIN) candidates.push(process.env.PG_BIN);
  candidates.push(...(process.env.PATH ?? '').split(delimiter).filter(Boolean));
  for (const base of ['/usr/lib/postgresql', '/usr/local/pgsql', '/opt/homebrew/opt']) {
    if (!existsSync(base)) continue;
    const versions = readdirSync(base).filter((v) => /^\d+(\.\d+)?$/.test(v)).sort((a, b) => Number(b) - Number(a));
    candidates.push(...versions.map((v) => join(base, v, 'bin')));
    candidates.push(join(base, 'bin'));
  }
  const found = candidates.find((dir) => existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl')));
  if (!found) throw new Error(INSTALL_HINT);
  return found;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

interface Runner {
  run(cmd: string, args: string[], timeoutMs?: number): { code: number | null; out: string };
  chown(path: string): void;
}

/** Runs server commands as the current user, or as `postgres` when we are root. */
function runner(): Runner {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot) {
    return {
      run: (cmd, args, timeoutMs = 60_000) => {
        const r = spawnSync(cmd, args, { encoding: 'utf8', timeout: timeoutMs });
        return { code: r.status, out: `${r.stdout ?? ''}${r.stderr ?? ''}${r.error ? String(r.error) : ''}` };
      },
      chown: () => undefined,
    };
  }
  let uid: number;
  let gid: number;
  try {
    uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
  } catch {
    throw new Error('running as root, and initdb refuses root: a `postgres` user is needed (the `postgresql` package creates it; or run the tests as another user)');
  }
  const haveRunuser = spawnSync('runuser', ['--help'], { encoding: 'utf8' }).status === 0;
  const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
  return {
    run: (cmd, args, timeoutMs = 60_000) => {
      const r = haveRunuser
        ? spawnSync('runuser', ['-u', 'postgres', '--', cmd, ...args], { encoding: 'utf8', timeout: timeoutMs })
        : spawnSync('su', ['postgres', '-s', '/bin/sh', '-c', [cmd, ...args].map(quote).join(' ')], { encoding: 'utf8', timeout: timeoutMs });
      return { code: r.status, out: `${r.stdout ?? ''}${r.stderr ?? ''}${r.error ? String(r.error) : ''}` };
    },
    chown: (path) => chownSync(path, uid, gid),
  };
}

export async function startPostgres(options: { database?: string } = {}): Promise<PgServer> {
  const bin = findPgBin();
  const database = options.database ?? 'pressx_test';
  const password = `pw-${Math.random().toString(36).slice(2)}-secret`;
  const as = runner();
  const root = mkdtempSync(join(tmpdir(), 'pressx-pg-'));
  chmodSync(root, 0o700);
  as.chown(root);
  const dataDir = join(root, 'data');
  const logFile = join(root, 'server.log');
  const pwFile = join(root, 'pw');
  writeFileSync(pwFile, password + '\n', { mode: 0o600 });
  as.chown(pwFile);

  const init = as.run(join(bin, 'initdb'), ['-D', dataDir, '-U', 'pressx', `--pwfile=${pwFile}`, '--auth-local=trust', '--auth-host=scram-sha-256', '-E', 'UTF8', '--locale=C', '--no-sync', '--no-instructions']);
  if (init.code !== 0) {
    rmSync(root, { recursive: true, force: true });
    throw new Error(`initdb failed (${bin}/initdb, exit ${init.code}):\n${init.out}`);
  }

  let port = 0;
  let running = false;
  const readLog = () => {
    try {
      return readFileSync(logFile, 'utf8');
    } catch {
      return '(no server log)';
    }
  };
  const pgStart = async () => {
    const r = as.run(join(bin, 'pg_ctl'), ['-D', dataDir, '-l', logFile, '-w', '-t', '60', '-o', `-p ${port} -k ${root} -c listen_addresses=127.0.0.1`, 'start'], 90_000);
    if (r.code !== 0) throw new Error(`pg_ctl start failed on port ${port} (exit ${r.code}):\n${r.out}\n${readLog()}`);
    running = true;
  };
  const pgStop = async () => {
    if (!running) return;
    const r = as.run(join(bin, 'pg_ctl'), ['-D', dataDir, '-m', 'fast', '-w', '-t', '60', 'stop'], 90_000);
    if (r.code !== 0) throw new Error(`pg_ctl stop failed (exit ${r.code}):\n${r.out}`);
    running = false;
  };
  // If the test process exits without afterAll (a crash), do not leave a server behind.
  const onExit = () => {
    if (running) as.run(join(bin, 'pg_ctl'), ['-D', dataDir, '-m', 'immediate', '-w', 'stop'], 30_000);
    rmSync(root, { recursive: true, force: true });
  };
  process.once('exit', onExit);

  // Another process may take the free port between our check and the start: try a few ports.
  for (let tries = 1; ; tries++) {
    port = await freePort();
    try {
      await pgStart();
      break;
    } catch (err) {
      if (tries >= 3) {
        onExit();
        process.off('exit', onExit);
        throw err;
      }
    }
  }

  const host = '127.0.0.1';
  const admin = new pg.Client({ host, port, user: 'pressx', password, database: 'postgres' });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${database}`);
  await admin.end();

  return {
    url: `postgresql://pressx:${encodeURIComponent(password)}@${host}:${port}/${database}`,
    host,
    port,
    database,
    password,
    dataDir,
    pgStop,
    pgStart,
    async restart() {
      await pgStop();
      await pgStart();
    },
    async stop() {
      try {
        await pgStop();
      } finally {
        process.off('exit', onExit);
        rmSync(root, { recursive: true, force: true });
      }
    },
    log: readLog,
  };
}
