'use client';

import { useCustomer, useSession, useSwitchLegalEntity } from 'emporix-customer-react';

/** B2B: act for another legal entity of the customer (the profile lists them under `b2b.legalEntities`). */
export function LegalEntitySwitcher() {
  const session = useSession();
  const { data: customer } = useCustomer({ expand: ['addresses'] });
  const switchLegalEntity = useSwitchLegalEntity();
  const entities = customer?.b2b?.legalEntities ?? [];
  if (entities.length < 2) return null;

  return (
    <p>
      <label>
        Buying for{' '}
        <select
          value={session.legalEntityId ?? ''}
          disabled={switchLegalEntity.isPending}
          onChange={(event) => switchLegalEntity.mutate({ legalEntityId: event.target.value })}
        >
          {session.legalEntityId === undefined && <option value="">Choose a company</option>}
          {entities.map((entity) => (
            <option key={entity.id} value={entity.id}>
              {entity.name}
            </option>
          ))}
        </select>
      </label>
      {switchLegalEntity.isError && <span role="alert"> {switchLegalEntity.error.message}</span>}
    </p>
  );
}
