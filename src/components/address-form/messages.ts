/**
 * The address form's own texts, by key; override any of them with the `messages` prop or a `MessagesProvider`.
 * A tag's label is `address.tag.<TAG>`; a tag without one is shown as it is named.
 */
export const addressFormMessages = {
  'address.contactName': 'Full name',
  'address.companyName': 'Company (optional)',
  'address.street': 'Street',
  'address.streetNumber': 'House number',
  'address.streetAppendix': 'Apartment, suite, floor (optional)',
  'address.zipCode': 'Postcode',
  'address.city': 'City',
  'address.state': 'State or region (optional)',
  'address.country': 'Country',
  'address.countryPlaceholder': 'Select a country',
  'address.countryCode': 'Enter a two-letter country code, for example DE.',
  'address.contactPhone': 'Phone (optional)',
  'address.tags': 'Use this address for',
  'address.tag.BILLING': 'Billing',
  'address.tag.SHIPPING': 'Shipping',
  'address.isDefault': 'Default address',
  'address.create': 'Save address',
  'address.creating': 'Saving address…',
  'address.update': 'Save changes',
  'address.updating': 'Saving changes…',
  'address.cancel': 'Cancel',
} as const;
