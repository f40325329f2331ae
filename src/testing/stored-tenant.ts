/**
 * The opt-in `persist` option: the tenant and its tokens kept in a Web Storage, so a demo on the simulator
 * outlives a reload and every tab of the browser (each running a simulator of its own) serves one tenant.
 */
import type { Runtime, SimulatorConfig } from './runtime';
import { TenantState, type TenantStateData } from './tenant-state';
import { TokenStore, type TokenStoreData } from './token-store';
import type { SimulatorStorage } from './types';

interface StoredData {
  v: 1;
  tenant: string;
  state: TenantStateData;
  tokens: TokenStoreData;
}

export class StoredTenant {
  /** The text this simulator last read or wrote: anything else in storage was written elsewhere. */
  private seen: string | null = null;

  constructor(
    private readonly storage: SimulatorStorage,
    private readonly key: string,
    private readonly config: SimulatorConfig,
  ) {}

  /** Takes over what another tab (or an earlier page) stored since this simulator last looked. */
  load(runtime: Runtime): void {
    const text = this.storage.getItem(this.key);
    if (text === null || text === this.seen) return;
    let data: StoredData;
    try {
      data = JSON.parse(text) as StoredData;
    } catch {
      return; // unreadable: this simulator's state stands and overwrites it on the next save
    }
    if (data?.v !== 1 || data.tenant !== this.config.tenant) return;
    runtime.state = TenantState.restore(data.state, this.config.tenant, this.config.now);
    runtime.tokens = TokenStore.restore(data.tokens, this.config.now, this.config.lifetimes);
    this.seen = text;
  }

  /** Writes the tenant when it changed. A full storage leaves the simulator working in memory. */
  save(runtime: Runtime): void {
    const data: StoredData = { v: 1, tenant: this.config.tenant, state: runtime.state.toJSON(), tokens: runtime.tokens.toJSON() };
    const text = JSON.stringify(data);
    if (text === this.seen) return;
    try {
      this.storage.setItem(this.key, text);
      this.seen = text;
    } catch {
      // quota exceeded or storage disabled: other tabs do not see this change
    }
  }

  clear(): void {
    this.storage.removeItem(this.key);
    this.seen = null;
  }
}
