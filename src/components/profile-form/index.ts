export { ProfileForm } from './profile-form';
export type { ProfileFormProps } from './profile-form';
export { useProfileForm } from './use-profile-form';
export type { UseProfileFormOptions } from './use-profile-form';
export * as ProfileFormParts from './parts';
export { profileMessages } from './messages';
