/**
 * The simulator's outbox: the mails the tenant would have sent, newest first, each with its link into this
 * app. Only on the simulator.
 */
import Link from 'next/link';
import { notFound } from 'next/navigation';
import type { SimulatorMailKind } from 'emporix-customer-react/testing';
import { storefrontSettings } from '../../../lib/emporix';

const subjects: Record<SimulatorMailKind, string> = {
  activation: 'Activate your account',
  passwordReset: 'Reset your password',
  emailChange: 'Confirm your new email address',
};

export default function DevInboxPage() {
  const { simulator } = storefrontSettings();
  if (!simulator) notFound();
  const mails = simulator.outbox().reverse();
  return (
    <main>
      <h1>Dev inbox</h1>
      <p className="hint">Mails the simulated tenant would have sent.</p>
      {mails.length === 0 ? (
        <p>No mails yet.</p>
      ) : (
        <ul aria-label="Mails">
          {mails.map((mail) => (
            <li key={mail.token}>
              <Link href={mail.link ?? '#'}>{subjects[mail.kind]}</Link> <small>to {mail.to}</small>
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}
