/**
 * What the model-based tests (the soak and the identity test) build their browsers from: a fake clock that
 * jumps from timer to timer, and an in-process BroadcastChannel whose messages wait until the test delivers.
 */
import { vi } from 'vitest';
import type { TabChannel, TabChannelFactory } from '../../src/api';

// ---- fake clock ---------------------------------------------------------------------------------

/**
 * `vi.useFakeTimers` for setTimeout and Date, plus a record of when each pending timer is due, so that
 * time can jump from one timer to the next (30 days in 1 s steps would take hours).
 */
export class SimClock {
  private readonly due = new Map<unknown, number>();
  private restore: (() => void) | undefined;

  install(start: number): void {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'], now: start });
    const fakeSet = globalThis.setTimeout;
    const fakeClear = globalThis.clearTimeout;
    const due = this.due;
    function trackedSetTimeout(handler: TimerHandler, timeout?: number, ...args: unknown[]) {
      const handle = fakeSet(() => {
        due.delete(handle);
        if (typeof handler === 'function') (handler as (...a: unknown[]) => void)(...args);
      }, timeout);
      // As in Node, a delay under 1 ms is 1 ms (fake timers do so for timers set while they fire others).
      due.set(handle, Date.now() + Math.max(1, Number(timeout) || 0));
      return handle;
    }
    globalThis.setTimeout = trackedSetTimeout as unknown as typeof setTimeout;
    globalThis.clearTimeout = ((handle?: Parameters<typeof clearTimeout>[0]) => {
      due.delete(handle);
      fakeClear(handle);
    }) as typeof clearTimeout;
    this.restore = () => {
      globalThis.setTimeout = fakeSet;
      globalThis.clearTimeout = fakeClear;
      vi.useRealTimers();
    };
  }

  uninstall(): void {
    this.restore?.();
    this.restore = undefined;
    this.due.clear();
  }

  /** When the earliest pending timer is due (epoch ms). */
  nextDue(): number | undefined {
    let next: number | undefined;
    for (const at of this.due.values()) if (next === undefined || at < next) next = at;
    return next;
  }

  /** Moves the clock to `at`, firing every timer due on the way. */
  async advanceTo(at: number): Promise<void> {
    await vi.advanceTimersByTimeAsync(Math.max(0, at - Date.now()));
  }
}

/** Lets the real event loop run (MSW answers, promise chains); the fake clock does not move. */
export async function realTurns(count: number): Promise<void> {
  for (let i = 0; i < count; i++) await new Promise<void>((resolve) => setImmediate(resolve));
}

// ---- broadcast channel --------------------------------------------------------------------------

/**
 * An in-process BroadcastChannel: a message goes to every other channel of the same name that is open
 * when it is posted (not to the sender, not to a channel closed meanwhile), as a structured clone, in
 * order — but only when the harness delivers, so "messages have settled" is a state the test can reach.
 */
export class TabBus {
  private readonly open = new Set<BusChannel>();
  private queue: { from: BusChannel; to: BusChannel[]; data: unknown }[] = [];
  delivered = 0;
  /** Told of every post and delivery (the soak's trace). */
  onTraffic: (line: string) => void = () => undefined;

  readonly factory: TabChannelFactory = (name) => {
    const channel = new BusChannel(this, name);
    this.open.add(channel);
    return channel;
  };

  post(from: BusChannel, data: unknown): void {
    const to = [...this.open].filter((channel) => channel !== from && channel.name === from.name);
    this.queue.push({ from, to, data: structuredClone(data) });
    this.onTraffic(`${from.label} posts ${(data as { type?: string }).type ?? '?'}`);
  }

  close(channel: BusChannel): void {
    this.open.delete(channel);
  }

  get pending(): number {
    return this.queue.length;
  }

  deliverAll(): void {
    while (this.queue.length > 0) {
      const { from, to, data } = this.queue.shift() as { from: BusChannel; to: BusChannel[]; data: unknown };
      this.onTraffic(`${from.label}'s ${(data as { type?: string }).type ?? '?'} delivered to ${to.map((c) => c.label).join(', ') || 'nobody'}`);
      for (const channel of to) channel.dispatch(data);
      this.delivered += 1;
    }
  }
}

export class BusChannel implements TabChannel {
  private readonly listeners: ((event: { data: unknown }) => void)[] = [];
  private closed = false;
  label = 'a channel';

  constructor(
    private readonly bus: TabBus,
    readonly name: string,
  ) {}

  postMessage(message: unknown): void {
    if (this.closed) throw new Error('BroadcastChannel is closed');
    this.bus.post(this, message);
  }

  addEventListener(_type: 'message', listener: (event: { data: unknown }) => void): void {
    this.listeners.push(listener);
  }

  close(): void {
    this.closed = true;
    this.bus.close(this);
  }

  dispatch(data: unknown): void {
    if (this.closed) return;
    for (const listener of this.listeners) listener({ data: structuredClone(data) });
  }
}

