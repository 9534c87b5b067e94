// Small helpers for benchmarks: percentiles and a bounded concurrent loop.

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)]!;
}

export class Timings {
  private readonly samples = new Map<string, number[]>();
  async time<T>(name: string, fn: () => Promise<T>): Promise<T> {
    const start = performance.now();
    try {
      return await fn();
    } finally {
      this.record(name, performance.now() - start);
    }
  }
  /** Adds a duration measured elsewhere (e.g. read from a `Server-Timing` header). */
  record(name: string, milliseconds: number): void {
    const list = this.samples.get(name) ?? [];
    list.push(milliseconds);
    this.samples.set(name, list);
  }
  summary() {
    return [...this.samples].map(([name, list]) => {
      const sorted = [...list].sort((a, b) => a - b);
      return {
        name,
        count: sorted.length,
        p50: percentile(sorted, 50),
        p95: percentile(sorted, 95),
        p99: percentile(sorted, 99),
      };
    });
  }
}

/** Runs `task` `count` times with at most `concurrency` at once, stopping early after `maxMs`. */
export async function runConcurrent(
  count: number,
  concurrency: number,
  maxMs: number,
  task: (i: number) => Promise<void>,
) {
  let next = 0;
  let errors = 0;
  let done = 0;
  const deadline = Date.now() + maxMs;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count && Date.now() < deadline) {
        const i = next++;
        try {
          await task(i);
          done++;
        } catch (error) {
          errors++;
          if (errors <= 3) console.error("  error:", error instanceof Error ? error.message : error);
        }
      }
    }),
  );
  return { done, errors, seconds: (performance.now() - start) / 1000 };
}

export const ms = (value: number) => `${value.toFixed(1)} ms`;

/** A Markdown table (pastes into the README as is), columns padded for the terminal. */
export function markdownTable(headers: string[], rows: (string | number)[][]): string {
  const cells = [headers, ...rows.map((row) => row.map(String))];
  const widths = headers.map((_, i) => Math.max(3, ...cells.map((row) => row[i]?.length ?? 0)));
  const line = (row: string[]) => `| ${row.map((cell, i) => cell.padEnd(widths[i]!)).join(" | ")} |`;
  return [line(cells[0]!), `|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`, ...cells.slice(1).map(line)].join(
    "\n",
  );
}

/**
 * RSS climb over the last half of the run, counting only steady growth: the last half is cut into
 * four quarters, and the median quarter's growth is multiplied by four. A leak grows RSS in every
 * quarter and shows in full; a single step (V8 or the embedded database taking one more block of
 * memory once) lands in one quarter and does not. (A least-squares slope reads such a step as a climb.)
 */
export function steadyClimbMB(samples: { operations: number; rssMB: number }[], operations: number): number {
  const rssAt = (at: number) =>
    samples.reduce((best, s) => (Math.abs(s.operations - at) < Math.abs(best.operations - at) ? s : best)).rssMB;
  const quarters = [0, 1, 2, 3].map((q) => rssAt(operations * (0.5 + (q + 1) / 8)) - rssAt(operations * (0.5 + q / 8)));
  const sorted = [...quarters].sort((x, y) => x - y);
  return ((sorted[1]! + sorted[2]!) / 2) * 4;
}
