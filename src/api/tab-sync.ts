/**
 * Tells the other tabs of this browser what changed in the shared session, over a BroadcastChannel
 * named per tenant. Messages carry no tokens — only what happened; a tab that hears of new tokens
 * reads them from the shared storage itself.
 */
import { randomHex } from './random-hex';

/**
 * What a tab announces to the others: new tokens in the shared storage (`tokens`), a legal-entity switch
 * (`legalEntity`), a `logout`, or an expired session (`sessionExpired`).
 */
export type TabMessageType = 'tokens' | 'legalEntity' | 'logout' | 'sessionExpired';

/** What goes over the channel: `{ v: 1, type, from }` (`from` is the sending client's random id). */
export interface TabMessage {
  /** The message format version. */
  v: 1;
  /** What happened. */
  type: TabMessageType;
  /** The sending client's random id, so a client ignores its own messages. */
  from: string;
}

/** The part of `BroadcastChannel` the session uses; pass a factory of your own to replace it. */
export interface TabChannel {
  /** Sends a message to the other tabs. */
  postMessage(message: TabMessage): void;
  /** Listens for the other tabs' messages; `event.data` is the message as sent. */
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  /** Closes the channel; the client calls it from `dispose()`. */
  close(): void;
}

/**
 * Opens a channel by name (one per tenant, client id and API address). Pass one as the `tabSync` option to replace
 * the default `BroadcastChannel`.
 */
export type TabChannelFactory = (name: string) => TabChannel;

interface TabSync {
  post(type: TabMessageType): void;
  close(): void;
}

const TYPES: ReadonlySet<string> = new Set<TabMessageType>(['tokens', 'legalEntity', 'logout', 'sessionExpired']);

export function tabChannelName(tenant: string): string {
  return `emporix-customer-react:${tenant}`;
}

/**
 * The browser's BroadcastChannel, or `undefined` outside a page. Servers have one too (Node, Deno), but
 * there the clients of different visitors share a process: they must never hear each other.
 */
export function defaultTabChannel(): TabChannelFactory | undefined {
  if (typeof globalThis.document === 'undefined' || typeof globalThis.BroadcastChannel !== 'function') return undefined;
  return (name) => {
    const channel = new BroadcastChannel(name);
    // Test runners and other non-browser pages: an open channel would keep the process alive.
    (channel as { unref?: () => void }).unref?.();
    return channel as unknown as TabChannel;
  };
}

export function createTabSync(
  name: string,
  factory: TabChannelFactory | undefined,
  onMessage: (type: TabMessageType) => void,
): TabSync {
  const from = randomHex(8);
  let channel: TabChannel | undefined;
  try {
    channel = factory?.(name);
  } catch {
    channel = undefined; // no cross-tab sync where a channel cannot be opened
  }
  channel?.addEventListener('message', (event) => {
    const message = event.data as Partial<TabMessage> | null;
    if (message?.v !== 1 || message.from === from || typeof message.type !== 'string' || !TYPES.has(message.type)) return;
    onMessage(message.type);
  });
  return {
    post(type) {
      try {
        channel?.postMessage({ v: 1, type, from });
      } catch {
        // a closed channel: nobody left to tell
      }
    },
    close() {
      channel?.close();
      channel = undefined;
    },
  };
}
