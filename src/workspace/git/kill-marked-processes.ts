import { readdirSync, readFileSync } from 'node:fs';

/**
 * Kills every process whose environment holds `name=value`: the children a killed git leaves
 * behind (a `git-remote-https` blocked on a slow server survives its parent's death) inherit the
 * marker from it. Linux only (it reads /proc); elsewhere it does nothing.
 */
export function killMarkedProcesses(name: string, value: string): number {
  const needle = Buffer.from(`\0${name}=${value}\0`);
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((entry) => /^\d+$/.test(entry));
  } catch {
    return 0;
  }
  let killed = 0;
  for (const pid of pids) {
    if (Number(pid) === process.pid) continue;
    try {
      const environ = Buffer.concat([Buffer.from([0]), readFileSync(`/proc/${pid}/environ`)]);
      if (environ.includes(needle)) {
        process.kill(Number(pid), 'SIGKILL');
        killed += 1;
      }
    } catch {
      // ended meanwhile, or not ours to read
    }
  }
  return killed;
}
