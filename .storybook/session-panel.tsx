/**
 * A panel beside every story showing what the simulator knows: who is logged in, when the token expires,
 * the session's events, and the dev inbox with the activation, reset and email-change mails (and their
 * tokens). It renders outside the story root, so story tests and their queries never see it.
 */
import { useEffect, useState, useSyncExternalStore } from 'react';
import { createPortal } from 'react-dom';
import type { CustomerClient, SessionEvent } from '../src/api';
import type { EmporixSimulator, SimulatorMail } from '../src/testing';

const POLL_MS = 500;

/** Re-reads the simulator on a timer: it has no change events, and the panel is a development aid. */
function useSimulatorSnapshot(simulator: EmporixSimulator) {
  const [snapshot, setSnapshot] = useState(() => ({ mails: simulator.outbox(), requests: simulator.requests.length }));
  useEffect(() => {
    const timer = setInterval(() => {
      setSnapshot((previous) => {
        const mails = simulator.outbox();
        const requests = simulator.requests.length;
        return mails.length === previous.mails.length && requests === previous.requests ? previous : { mails, requests };
      });
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [simulator]);
  return snapshot;
}

function useSessionEvents(client: CustomerClient) {
  const [events, setEvents] = useState<{ at: Date; event: SessionEvent }[]>([]);
  useEffect(
    () => client.session.on((event) => setEvents((previous) => [{ at: new Date(), event }, ...previous].slice(0, 8))),
    [client],
  );
  return events;
}

function describe(event: SessionEvent): string {
  return event.type === 'refresh' ? `${event.kind} token refreshed` : event.type;
}

function secondsLeft(expiresAt: number | undefined): string {
  return expiresAt === undefined ? '—' : `${Math.max(0, Math.round((expiresAt - Date.now()) / 1000))} s`;
}

const panelStyle = {
  position: 'fixed',
  right: 8,
  bottom: 8,
  maxWidth: 360,
  maxHeight: '45vh',
  overflow: 'auto',
  font: '12px/1.4 system-ui, sans-serif',
  background: '#fff',
  color: '#111',
  border: '1px solid #999',
  borderRadius: 6,
  padding: '4px 8px',
} as const;

export function SessionPanel({ client, simulator }: { client: CustomerClient; simulator: EmporixSimulator }) {
  const state = useSyncExternalStore(client.session.subscribe, client.session.getState);
  const { mails, requests } = useSimulatorSnapshot(simulator);
  const events = useSessionEvents(client);
  return createPortal(
    <aside aria-label="Simulator session" style={panelStyle}>
      <details>
        <summary>
          Simulator: {state.status === 'customer' ? `customer ${state.customerId ?? ''}` : 'guest'} · {mails.length}{' '}
          {mails.length === 1 ? 'mail' : 'mails'}
        </summary>
        <dl>
          <dt>Session</dt>
          <dd>{state.sessionId ?? 'none yet'}</dd>
          <dt>Legal entity</dt>
          <dd>{state.legalEntityId ?? '—'}</dd>
          <dt>Token expires in</dt>
          <dd>{secondsLeft(state.expiresAt)}</dd>
          <dt>Requests served</dt>
          <dd>{requests}</dd>
        </dl>
        <h2 style={{ fontSize: 12 }}>Session events</h2>
        <ul>
          {events.length === 0 && <li>none yet</li>}
          {events.map(({ at, event }, index) => (
            <li key={`${at.getTime()}-${index}`}>
              {at.toLocaleTimeString()} {describe(event)}
            </li>
          ))}
        </ul>
        <h2 style={{ fontSize: 12 }}>Dev inbox</h2>
        <ul>
          {mails.length === 0 && <li>empty</li>}
          {mails.map((mail: SimulatorMail) => (
            <li key={`${mail.kind}-${mail.token}`}>
              {mail.kind} to {mail.to}: <code>{mail.token}</code>
            </li>
          ))}
        </ul>
      </details>
    </aside>,
    document.body,
  );
}
