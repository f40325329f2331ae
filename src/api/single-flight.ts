/**
 * Shares one in-flight promise among concurrent callers with the same key; the next call after it settles
 * starts anew. Keys keep flights apart that must never be joined — e.g. the renewals of two logins.
 */
export function singleFlight<K, T>(): (key: K, task: () => Promise<T>) => Promise<T> {
  const inFlight = new Map<K, Promise<T>>();
  return (key, task) => {
    let flight = inFlight.get(key);
    if (!flight) {
      flight = task().finally(() => inFlight.delete(key));
      inFlight.set(key, flight);
    }
    return flight;
  };
}
