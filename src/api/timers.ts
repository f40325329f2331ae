/**
 * Background renewal: one timer for the next token due for renewal. The timer never keeps Node alive
 * (`unref`), pauses while the page is hidden (browsers throttle hidden tabs anyway, and a hidden tab
 * has nobody waiting) and catches up on `visibilitychange`. A failed renewal is tried again after
 * 5 s, 10 s, 20 s, 40 s, then every 60 s, for as long as a token needs it; two background renewals are
 * never closer than 5 s.
 */

export interface RefreshScheduler {
  /** Plans again from the current expiries; call after any token change. */
  reschedule(): void;
  /** Stops the timer and the visibility listener for good. */
  dispose(): void;
}

export interface RefreshSchedulerConfig {
  now: () => number;
  /** Epoch milliseconds at which the next renewal is due; `undefined` when nothing needs one. */
  nextDue: () => number | undefined;
  /** Renews whatever is due; a rejection is retried with backoff. */
  renew: () => Promise<void>;
}

/** The longest delay `setTimeout` honours (about 24.8 days); longer ones would fire at once. */
const MAX_TIMER_DELAY = 2 ** 31 - 1;

/** The shortest time between two background renewals. */
const MIN_INTERVAL_MS = 5_000;

const backgroundRetryDelay = (failures: number): number => Math.min(5_000 * 2 ** (failures - 1), 60_000);

export function createRefreshScheduler(config: RefreshSchedulerConfig): RefreshScheduler {
  const page = globalThis.document as Document | undefined;
  const hidden = () => page?.visibilityState === 'hidden';
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running = false;
  let disposed = false;
  let failures = 0;
  /** After a failure, nothing runs before this time, whatever else changes. */
  let notBefore = 0;

  function cancel(): void {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
  }

  function wakeIn(ms: number): void {
    cancel();
    timer = setTimeout(tick, Math.min(Math.max(0, ms), MAX_TIMER_DELAY));
    (timer as { unref?: () => void }).unref?.();
  }

  function tick(): void {
    timer = undefined;
    plan();
  }

  function plan(): void {
    if (disposed || running) return;
    if (hidden()) return cancel();
    const due = config.nextDue();
    if (due === undefined) return cancel();
    const wait = Math.max(due, notBefore) - config.now();
    if (wait > 0) return wakeIn(wait);
    cancel();
    void run();
  }

  async function run(): Promise<void> {
    running = true;
    try {
      await config.renew();
      failures = 0;
      // Even a server that hands out tokens already due for renewal gets asked at most this often.
      notBefore = config.now() + MIN_INTERVAL_MS;
    } catch {
      failures += 1;
      notBefore = config.now() + backgroundRetryDelay(failures);
    } finally {
      running = false;
    }
    plan();
  }

  const onVisibilityChange = () => plan();
  page?.addEventListener?.('visibilitychange', onVisibilityChange);

  return {
    reschedule: plan,
    dispose() {
      disposed = true;
      cancel();
      page?.removeEventListener?.('visibilitychange', onVisibilityChange);
    },
  };
}
