/** Queue of injected faults (`failNext`). */
import type { SimulatorFailNextOptions, SimulatorFault } from './types';

interface FaultRule {
  remaining: number;
  fault: SimulatorFault;
  method?: string;
  path?: string | RegExp;
}

function matches(rule: FaultRule, method: string, path: string): boolean {
  if (rule.method !== undefined && rule.method.toUpperCase() !== method.toUpperCase()) return false;
  if (rule.path === undefined) return true;
  return typeof rule.path === 'string' ? path.includes(rule.path) : rule.path.test(path);
}

export class FaultQueue {
  private rules: FaultRule[] = [];

  add(options: SimulatorFailNextOptions): void {
    const remaining = options.count ?? 1;
    if (!Number.isInteger(remaining) || remaining < 1) throw new Error('Simulator: failNext count must be a positive integer.');
    this.rules.push({ remaining, fault: options.with, ...options.match });
  }

  /** The fault for this request, if a queued rule matches (consuming one of its uses). */
  take(method: string, path: string): SimulatorFault | undefined {
    const rule = this.rules.find((r) => matches(r, method, path));
    if (!rule) return undefined;
    rule.remaining -= 1;
    if (rule.remaining === 0) this.rules = this.rules.filter((r) => r !== rule);
    return rule.fault;
  }

  clear(): void {
    this.rules = [];
  }
}
