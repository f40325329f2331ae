/** The doctor's report as plain text: one line per finding, its fix indented below it. */
import type { DoctorCheck, DoctorReport, DoctorStatus } from './run-doctor';

const MARK: Record<DoctorStatus, string> = { ok: '✓', warning: '!', problem: '✗', skipped: '-' };

const LABEL: Record<DoctorCheck, string> = {
  settings: 'Settings',
  baseUrl: 'Base URL',
  clientId: 'Client id',
  tenant: 'Tenant',
  anonymousToken: 'Anonymous token',
  anonymousRefresh: 'Anonymous refresh',
  customerApi: 'Customer API',
  cors: 'CORS',
};

export function formatDoctorReport(report: DoctorReport): string {
  const width = Math.max(...report.findings.map((finding) => LABEL[finding.check].length));
  const lines = [
    `Emporix tenant check: "${report.tenant}" at ${report.baseUrl}${report.origin ? `, for a shop on ${report.origin}` : ''}`,
    '',
  ];
  for (const finding of report.findings) {
    lines.push(`${MARK[finding.status]} ${LABEL[finding.check].padEnd(width)}  ${finding.summary}`);
    if (finding.fix) lines.push(`  ${' '.repeat(width)}  Fix: ${finding.fix}`);
  }
  const problems = report.findings.filter((finding) => finding.status === 'problem').length;
  const warnings = report.findings.filter((finding) => finding.status === 'warning').length;
  lines.push(
    '',
    problems === 0
      ? `All set${warnings ? `, with ${warnings} warning${warnings === 1 ? '' : 's'}` : ''}.`
      : `${problems} problem${problems === 1 ? '' : 's'} to fix.`,
  );
  return `${lines.join('\n')}\n`;
}
