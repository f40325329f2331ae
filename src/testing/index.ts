/**
 * `emporix-customer-react/testing` — an Emporix Customer Service (customer-managed) simulator:
 * MSW request handlers over an in-memory tenant, for tests (`setupServer`), Storybook and demos
 * (`setupWorker`). Framework-free; depends on `msw` only.
 */
export { createEmporixSimulator } from './simulator';
export {
  ANONYMOUS_CUSTOMER_ID,
  DEFAULT_TOKEN_LIFETIMES,
  DEFAULT_UNDOCUMENTED,
  REFERENCE_TOKEN_LIFETIMES,
  SIMULATOR_OPERATIONS,
  simulatorDefaults,
  UNDOCUMENTED_CHOICES,
  type SimulatorDefaults,
} from './constants';
export { SIMULATOR_EVIDENCE, type EvidenceBasis, type SimulatorEvidence, type SimulatorEvidenceCase } from './evidence';
export { UNDOCUMENTED_ERRORCODE } from './refusal';
export type {
  EmporixSimulator,
  EmporixSimulatorOptions,
  SimulatorActivation,
  SimulatorAddressFields,
  SimulatorAddressSeed,
  SimulatorAddressSnapshot,
  SimulatorAuth,
  SimulatorCustomerSeed,
  SimulatorCustomerSnapshot,
  SimulatorFailNextOptions,
  SimulatorFault,
  SimulatorLegalEntity,
  SimulatorMail,
  SimulatorMailKind,
  SimulatorOperation,
  SimulatorProfileFields,
  SimulatorRequest,
  SimulatorSocialCodeOptions,
  SimulatorStorage,
  SimulatorTokenKind,
  SimulatorUndocumented,
  TokenLifetimes,
} from './types';
