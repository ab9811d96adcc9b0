// How busy the machine was while a figure was measured. On a shared machine a slow figure can be
// slow code or a busy neighbour; these two numbers tell which: the share of wall time this process
// was on a CPU (well under 100% for CPU-bound work means it waited for a core, or for the disk)
// and how busy all cores were (from /proc/stat, others' processes included).
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

interface Stat {
  busy: number;
  total: number;
}

function readStat(): Stat | null {
  try {
    const line = readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '';
    const f = line.trim().split(/\s+/).slice(1).map(Number);
    const idle = (f[3] ?? 0) + (f[4] ?? 0);
    const total = f.reduce((a, b) => a + b, 0);
    return { busy: total - idle, total };
  } catch {
    return null;
  }
}

export interface CpuWindow {
  /** "this process on a CPU 48% of the time; all cores 97% busy" */
  describe(includeProcess: boolean): string;
}

export function startCpuWindow(): CpuWindow {
  const wall0 = performance.now();
  const cpu0 = process.cpuUsage();
  const stat0 = readStat();
  return {
    describe(includeProcess) {
      const wall = performance.now() - wall0;
      const used = process.cpuUsage(cpu0);
      const own = wall > 0 ? (used.user + used.system) / 1000 / wall : 0;
      const stat1 = readStat();
      const parts: string[] = [];
      if (includeProcess) parts.push(`the bench process was on a CPU ${Math.round(own * 100)}% of the time`);
      if (stat0 && stat1 && stat1.total > stat0.total) {
        parts.push(`all cores ${Math.round(((stat1.busy - stat0.busy) / (stat1.total - stat0.total)) * 100)}% busy`);
      }
      return parts.join(', ');
    }
  };
}
