/**
 * Where one request spends its time, by phase (sql, map, domain, json), sent as a Server-Timing
 * header: the browser's developer tools show it, and the benchmark reads it to say where the
 * time of a results read goes. Durations of a phase add up when it runs several times.
 */
export class ServerTiming {
  private readonly phases = new Map<string, number>();

  async measure<T>(phase: string, work: () => Promise<T>): Promise<T> {
    const started = performance.now();
    try {
      return await work();
    } finally {
      this.add(phase, performance.now() - started);
    }
  }

  measureSync<T>(phase: string, work: () => T): T {
    const started = performance.now();
    try {
      return work();
    } finally {
      this.add(phase, performance.now() - started);
    }
  }

  header(): string {
    return [...this.phases].map(([phase, ms]) => `${phase};dur=${ms.toFixed(1)}`).join(', ');
  }

  private add(phase: string, ms: number): void {
    this.phases.set(phase, (this.phases.get(phase) ?? 0) + ms);
  }
}
