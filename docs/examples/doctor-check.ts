import { formatDoctorReport, runDoctor } from 'emporix-customer-react/doctor';

const report = await runDoctor({ tenant: 'myshop', clientId: import.meta.env.VITE_EMPORIX_CLIENT_ID });
if (!report.ok) console.error(formatDoctorReport(report));
for (const { check, status, summary, fix } of report.findings) {
  // check: 'settings' | 'baseUrl' | 'clientId' | 'tenant' | 'anonymousToken' | 'anonymousRefresh' | 'customerApi' | 'cors'
  // status: 'ok' | 'warning' | 'problem' | 'skipped'
  if (status === 'problem') showProblem(check, summary, fix);
}

declare function showProblem(check: string, summary: string, fix: string | undefined): void;
