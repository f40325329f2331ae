/**
 * Background renewal: one timer for the next token due for renewal. The timer never keeps Node alive
 * (`unref`), pauses while the page is hidden (browsers throttle hidden tabs anyway, and a hidden tab
 * has nobody waiting) and catches up on `visibilitychange`. A failed renewal is tried again after
 * 5 s, 10 s, 20 s, 40 s, then every 60 s, for as long as a token needs it; two background renewals are
 * never closer than 5 s. A renewal always starts from its own timer, never inside the call (a request, a
 * message from another tab) that found it due.
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

  /** Runs a renewal that is due, always from a timer of its own: never inside the call that made it due. */
  function tick(): void {
    timer = undefined;
    const wait = waitFor();
    if (wait === undefined) return;
    if (wait > 0) return wakeIn(wait);
    void run();
  }

  /** Milliseconds until the next renewal may run; `undefined` when none should be planned now. */
  function waitFor(): number | undefined {
    if (disposed || running || hidden()) return undefined;
    const due = config.nextDue();
    return due === undefined ? undefined : Math.max(due, notBefore) - config.now();
  }

  function plan(): void {
    const wait = waitFor();
    if (wait === undefined) return cancel();
    wakeIn(wait);
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
