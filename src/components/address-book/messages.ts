/**
 * The address book's own texts, by key; override any of them with the `messages` prop or a `MessagesProvider`.
 * `{name}` is the address's short name (contact name and city), so every action is named after its address.
 */
export const addressBookMessages = {
  'addressBook.loading': 'Loading your addresses…',
  'addressBook.loadError': 'We could not load your addresses.',
  'addressBook.retry': 'Try again',
  'addressBook.empty': 'No addresses yet',
  'addressBook.add': 'Add address',
  'addressBook.createTitle': 'New address',
  'addressBook.editTitle': 'Edit {name}',
  'addressBook.default': 'Default',
  'addressBook.tags': 'Tags',
  'addressBook.tagsLabel': 'Tags of {name}',
  'addressBook.edit': 'Edit',
  'addressBook.editLabel': 'Edit {name}',
  'addressBook.delete': 'Delete',
  'addressBook.deleteLabel': 'Delete {name}',
  'addressBook.deleteQuestion': 'Delete this address?',
  'addressBook.confirmDelete': 'Confirm delete',
  'addressBook.confirmDeleteLabel': 'Confirm delete {name}',
  'addressBook.cancelDelete': 'Cancel',
  'addressBook.cancelDeleteLabel': 'Cancel deleting {name}',
  'addressBook.setDefault': 'Set as default',
  'addressBook.setDefaultLabel': 'Set as default: {name}',
  'addressBook.setDefaultFailed': '{name} could not be made your default address.',
  'addressBook.removeFailed': '{name} could not be deleted.',
  'addressBook.tagsFailed': 'The tags of {name} could not be changed.',
} as const;
