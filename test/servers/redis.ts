// A real redis-server for tests: on a free loopback port, in a temporary folder, with the settings
// BullMQ needs in production (append-only file, no eviction) and no RDB snapshots. `restart()`
// stops it cleanly (the append-only file is flushed) and starts it again on the same port with the
// same data, so tests can take Redis away under running workers.
//
// redis-server must be installed (Debian package redis-server; .ci/run installs it). When it is
// not, startRedis() throws with that message: the tests fail, they are never skipped.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';

export interface RedisServer {
  /** redis://127.0.0.1:PORT */
  url: string;
  port: number;
  /** The data folder (append-only files and the log). */
  dir: string;
  /** Stops the server and deletes its folder. */
  stop(): Promise<void>;
  /** Stops the server cleanly, waits `downMs`, starts it again on the same port with the same data. */
  restart(downMs?: number): Promise<void>;
}

export function findRedisServer(): string {
  const dirs = [...(process.env.PATH ?? '').split(delimiter), '/usr/bin', '/usr/sbin', '/usr/local/bin'];
  for (const d of dirs) {
    if (d && existsSync(join(d, 'redis-server'))) return join(d, 'redis-server');
  }
  throw new Error(
    'redis-server not found on PATH: the distributed tests need a real Redis. Install the Debian package ' +
      '(apt-get install -y --no-install-recommends redis-server), as .ci/run does.',
  );
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** True once the server answers PING with PONG. */
function ping(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const sock = connect({ host: '127.0.0.1', port });
    let buf = '';
    const done = (ok: boolean) => {
      sock.destroy();
      resolve(ok);
    };
    sock.setTimeout(1000, () => done(false));
    sock.on('error', () => done(false));
    sock.on('connect', () => sock.write('PING\r\n'));
    sock.on('data', (d) => {
      buf += d.toString('latin1');
      if (buf.includes('\r\n')) done(buf.startsWith('+PONG'));
    });
  });
}

function logTail(dir: string): string {
  try {
    return readFileSync(join(dir, 'redis.log'), 'utf8').split('\n').slice(-15).join('\n');
  } catch {
    return '(no log)';
  }
}

const live = new Set<ChildProcess>();
process.once('exit', () => {
  for (const p of live) p.kill('SIGKILL');
});

export async function startRedis(): Promise<RedisServer> {
  const bin = findRedisServer();
  const dir = mkdtempSync(join(tmpdir(), 'pressx-redis-'));
  const port = await freePort();
  let proc: ChildProcess | null = null;

  const launch = async () => {
    const args = [
      '--port', String(port),
      '--bind', '127.0.0.1',
      '--dir', dir,
      '--appendonly', 'yes',
      '--maxmemory-policy', 'noeviction',
      '--save', '',
      '--daemonize', 'no',
      '--logfile', join(dir, 'redis.log'),
    ];
    const p = spawn(bin, args, { stdio: 'ignore' });
    live.add(p);
    p.once('exit', () => live.delete(p));
    let exited = false;
    p.once('exit', () => {
      exited = true;
    });
    proc = p;
    const deadline = Date.now() + 15_000;
    while (Date.now() < deadline) {
      if (exited) throw new Error(`redis-server exited at start (port ${port}):\n${logTail(dir)}`);
      if (await ping(port)) return;
      await sleep(50);
    }
    p.kill('SIGKILL');
    throw new Error(`redis-server did not answer on port ${port} within 15 s:\n${logTail(dir)}`);
  };

  const halt = async () => {
    const p = proc;
    proc = null;
    if (!p || p.exitCode !== null || p.signalCode !== null) return;
    const exited = new Promise<void>((r) => p.once('exit', () => r()));
    p.kill('SIGTERM'); // a clean shutdown: the append-only file is flushed and fsynced
    const timer = setTimeout(() => p.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  };

  await launch();
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    dir,
    async stop() {
      await halt();
      rmSync(dir, { recursive: true, force: true });
    },
    async restart(downMs = 0) {
      await halt();
      if (downMs > 0) await sleep(downMs);
      await launch();
    },
  };
}
