/** Log of handled requests (method, path without query, operation, credential kind, status). */
import type { SimulatorOperation, SimulatorRequest } from './types';

export class RequestLog {
  private entries: SimulatorRequest[] = [];

  record(entry: SimulatorRequest): void {
    this.entries.push(entry);
  }

  all(): SimulatorRequest[] {
    return this.entries.map((e) => ({ ...e }));
  }

  count(operation?: SimulatorOperation): number {
    return operation === undefined ? this.entries.length : this.entries.filter((e) => e.operation === operation).length;
  }

  clear(): void {
    this.entries = [];
  }
}
