/**
 * The simulator's outbox as a panel: the activation, password-reset and email-change mails the tenant would
 * have sent, each with its link into this app. Shown only on the simulator. On a wide screen it starts open;
 * on a phone it is a bar that opens on demand, so it never covers the page (see styles.css).
 */
import { useEffect, useState } from 'react';
import { useLogout, useSession } from 'emporix-customer-react';
import type { EmporixSimulator, SimulatorMail, SimulatorMailKind } from 'emporix-customer-react/testing';
import { paths } from './paths';
import { Link, navigate } from './router';

const POLL_MS = 500;
/** Keep in step with the breakpoint in styles.css. */
const WIDE = '(min-width: 48rem)';

const subjects: Record<SimulatorMailKind, string> = {
  activation: 'Activate your account',
  passwordReset: 'Reset your password',
  emailChange: 'Confirm your new email address',
};

/** The outbox, newest first, re-read on a timer: the simulator has no change events (and other tabs write too). */
function useOutbox(simulator: EmporixSimulator): SimulatorMail[] {
  const [mails, setMails] = useState(() => simulator.outbox().reverse());
  useEffect(() => {
    const timer = setInterval(() => {
      const latest = simulator.outbox().reverse();
      setMails((previous) => (latest.length === previous.length && latest[0]?.token === previous[0]?.token ? previous : latest));
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [simulator]);
  return mails;
}

export function DevInbox({ simulator }: { simulator: EmporixSimulator }) {
  const mails = useOutbox(simulator);
  const session = useSession();
  const logout = useLogout();
  const [open, setOpen] = useState(() => window.matchMedia(WIDE).matches);

  const reset = async () => {
    if (session.status === 'customer') await logout.mutateAsync().catch(() => undefined);
    simulator.reset();
    navigate(paths.login, { replace: true });
  };

  return (
    <aside className="dev-inbox" aria-label="Dev inbox">
      <details open={open} onToggle={(event) => setOpen(event.currentTarget.open)}>
        <summary>
          Dev inbox <span className="hint">({mails.length === 1 ? '1 mail' : `${mails.length} mails`})</span>
        </summary>
        <p className="hint">Mails the simulated tenant would have sent.</p>
        {mails.length === 0 ? (
          <p>No mails yet.</p>
        ) : (
          <ul>
            {mails.map((mail) => (
              <li key={mail.token}>
                <Link href={mail.link ?? '#'}>{subjects[mail.kind]}</Link>
                <br />
                <small>
                  to {mail.to} at {new Date(mail.sentAt).toLocaleTimeString()}
                </small>
              </li>
            ))}
          </ul>
        )}
        <button type="button" onClick={() => void reset()}>
          Reset simulator
        </button>
      </details>
    </aside>
  );
}
