// Runs the `forcebridge` command as it is installed (bin/forcebridge.js with the Node options its
// first line sets, on the compiled sidecar, built first) in a child process and keeps the child's peak
// resident memory: the kernel's high-water mark (VmHWM in /proc/<pid>/status), read every 100 ms,
// so nothing between samples is missed except growth in the last 100 ms.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';

const ROOT = new URL('..', import.meta.url).pathname;
const COMMAND = new URL('../bin/forcebridge.js', import.meta.url).pathname;

/** Compiles the sidecar (tsc, as `npm run build` does) so the command measured is the current source. */
export function buildSidecar(): void {
  execFileSync(process.execPath, [`${ROOT}node_modules/typescript/bin/tsc`, '-p', `${ROOT}tsconfig.build.json`], { stdio: 'inherit' });
}
const SAMPLE_MS = 100;

export interface SidecarRun {
  seconds: number;
  peakRssMb: number;
  stdout: string;
}

/** VmHWM of a live process in MB, or undefined once it is gone. */
function peakRssMb(pid: number): number | undefined {
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

function spawnSidecar(args: string[], env: Record<string, string>): { child: ChildProcess; output: () => { stdout: string; stderr: string }; peak: () => number; stopSampling: () => void } {
  const child = spawn(COMMAND, args, { env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
  let peak = 0;
  const sampler = setInterval(() => (peak = Math.max(peak, peakRssMb(child.pid!) ?? 0)), SAMPLE_MS);
  return { child, output: () => ({ stdout, stderr }), peak: () => peak, stopSampling: () => clearInterval(sampler) };
}

/** Runs one command to its end; fails with the command's last error output when it does not exit 0. */
export async function runSidecarCommand(args: string[], env: Record<string, string>): Promise<SidecarRun> {
  const started = performance.now();
  const running = spawnSidecar(args, env);
  const [code] = (await once(running.child, 'exit')) as [number | null];
  running.stopSampling();
  const seconds = (performance.now() - started) / 1000;
  const { stdout, stderr } = running.output();
  if (code !== 0) throw new Error(`forcebridge ${args.join(' ')} exited with ${code}:\n${stderr}`);
  return { seconds, peakRssMb: running.peak(), stdout };
}

export interface RunningService {
  /** Stops the service (SIGTERM, as systemd does) and gives its peak memory. */
  stop(): Promise<number>;
}

/** Starts `forcebridge start` and resolves once it logged that it started. */
export async function startSidecarService(env: Record<string, string>): Promise<RunningService> {
  const running = spawnSidecar(['start'], { ...env, FORCEBRIDGE_LOG_LEVEL: 'info' });
  const exited = once(running.child, 'exit');
  await new Promise<void>((resolve, reject) => {
    const check = () => (running.output().stdout.includes('Forcebridge started') ? resolve() : undefined);
    running.child.stdout!.on('data', check);
    void exited.then(() => reject(new Error(`forcebridge start exited:\n${running.output().stderr}`)));
  });
  return {
    async stop() {
      running.child.kill('SIGTERM');
      await exited;
      running.stopSampling();
      return running.peak();
    },
  };
}
