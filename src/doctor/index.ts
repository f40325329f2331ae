/**
 * `emporix-customer-react/doctor` — the tenant check as a function, for a "connect a real tenant" screen or a
 * deployment script; the same check runs as `npx emporix-customer-react doctor`. Framework-free, read-only.
 */
export { runDoctor, DOCTOR_DEFAULT_BASE_URL } from './run-doctor';
export type {
  DoctorCheck,
  DoctorFinding,
  DoctorLifetimes,
  DoctorOptions,
  DoctorReport,
  DoctorStatus,
} from './run-doctor';
export { formatDoctorReport } from './format-report';
