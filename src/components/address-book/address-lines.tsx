import { Fragment, forwardRef } from 'react';
import type { ComponentPropsWithoutRef } from 'react';
import type { AddressDto } from '../../api/schemas';

/** Props of {@link AddressLines}. */
export interface AddressLinesProps extends Omit<ComponentPropsWithoutRef<'address'>, 'children'> {
  /** The address to show as postal lines. */
  address: AddressDto;
}

function lines(address: AddressDto): string[] {
  const join = (...parts: Array<string | undefined>) => parts.filter(Boolean).join(' ');
  return [
    address.contactName,
    address.companyName,
    join(address.street, address.streetNumber),
    address.streetAppendix,
    address.extraLine1,
    address.extraLine2,
    address.extraLine3,
    address.extraLine4,
    join(address.zipCode, address.city),
    address.state,
    address.country,
    address.contactPhone,
  ].filter((line): line is string => typeof line === 'string' && line.trim() !== '');
}

/** An address as postal lines in an `<address>` element, one line per filled part. */
export const AddressLines = forwardRef<HTMLElement, AddressLinesProps>(function AddressLines({ address, ...props }, ref) {
  return (
    <address ref={ref} {...props}>
      {lines(address).map((line, index) => (
        <Fragment key={index}>
          {index > 0 && <br />}
          {line}
        </Fragment>
      ))}
    </address>
  );
});
