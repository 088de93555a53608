// nginx (Debian's package) as a TLS-terminating reverse proxy in front of several upstreams, run as this test's
// own process: a generated configuration in a temporary folder (its pid, logs and buffers there too), the test
// certificate of test/fixtures/tls, round-robin across the upstreams, and a refused connection passed on to the
// next upstream (nginx never passes on a POST it has already sent: proxy_next_upstream without non_idempotent).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EMULATOR_CA_FILE } from '../emulator/server.js';

export interface Nginx {
  url: string;
  /** nginx's access log: one line per request, `<status> <upstream address(es)> <method> <uri>`. */
  accessLog: () => string[];
  stop: () => Promise<void>;
}

export async function startNginx(binary: string, upstreams: string[]): Promise<Nginx> {
  const dir = mkdtempSync(join(tmpdir(), 'nginx-'));
  const port = await freePort();
  const hosts = upstreams.map((url) => new URL(url).host);
  const config = `
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 256; }
http {
  log_format upstreams '$status $upstream_addr $request_method $uri';
  access_log ${dir}/access.log upstreams;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  upstream brokers {
${hosts.map((host) => `    server ${host} max_fails=1 fail_timeout=30s;`).join('\n')}
    keepalive 8;
  }
  server {
    listen 127.0.0.1:${port} ssl;
    ssl_certificate ${EMULATOR_CA_FILE};
    ssl_certificate_key ${EMULATOR_CA_FILE.replace(/cert\.pem$/, 'key.pem')};
    location / {
      proxy_pass http://brokers;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $host;
      proxy_set_header X-Forwarded-For $remote_addr;
      proxy_next_upstream error timeout;
      proxy_read_timeout 60s;
    }
  }
}
`;
  writeFileSync(join(dir, 'nginx.conf'), config);
  const child: ChildProcess = spawn(
    binary,
    ['-p', dir, '-c', join(dir, 'nginx.conf'), '-e', 'stderr', '-g', 'daemon off;'],
    {
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await untilListening(
    port,
    () => child.exitCode !== null,
    () => `nginx did not start: ${stderr}`,
  );
  return {
    url: `https://127.0.0.1:${port}`,
    accessLog: () => readFileSync(join(dir, 'access.log'), 'utf8').split('\n').filter(Boolean),
    stop: () => {
      child.kill('SIGQUIT'); // graceful: finish what is in flight, then exit
      return exited;
    },
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function untilListening(port: number, exited: () => boolean, why: () => string): Promise<void> {
  for (let waited = 0; waited < 10_000 && !exited(); waited += 50) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1', () => (socket.destroy(), resolve(true)));
      socket.on('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(why());
}
