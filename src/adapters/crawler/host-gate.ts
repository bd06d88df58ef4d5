// Politeness per host: at most `concurrency` requests in flight to one host, and at least `delayMs` between the
// starts of two requests to it. Waiters are served in order.

/** Limits the requests to each host. */
export class HostGate {
  private readonly hosts = new Map<string, { active: number; lastStart: number; waiting: (() => void)[] }>();

  constructor(
    private readonly concurrency: number,
    private readonly delayMs: number,
  ) {}

  /** Runs `task` when the host has a free slot and its delay has passed. */
  async run<T>(host: string, task: () => Promise<T>): Promise<T> {
    let h = this.hosts.get(host);
    if (!h) this.hosts.set(host, (h = { active: 0, lastStart: 0, waiting: [] }));
    const state = h;
    if (state.active >= this.concurrency) await new Promise<void>((go) => state.waiting.push(go));
    state.active++;
    const wait = state.lastStart + this.delayMs - Date.now();
    state.lastStart = Math.max(Date.now(), state.lastStart + this.delayMs);
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    try {
      return await task();
    } finally {
      state.active--;
      state.waiting.shift()?.();
      if (state.active === 0 && state.waiting.length === 0 && this.hosts.size > 1000) this.hosts.delete(host);
    }
  }
}
