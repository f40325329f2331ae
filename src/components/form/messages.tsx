import { createContext, useCallback, useContext, useMemo } from 'react';
import type { ReactNode } from 'react';
import { messageKey, PARAMS_SEPARATOR, type MessageKey, type MessageParams } from '../../forms/message-key';

export { messageKey };
export type { MessageKey, MessageParams };

/**
 * Every user-visible string of the form components, by key, in English. Override any of them with
 * `<MessagesProvider messages={…}>`. `{name}` placeholders are filled from the params of the message.
 * `choices.locale` is the locale (a BCP 47 tag) countries, languages and currencies are named in: a
 * translation sets it with its texts.
 */
export const defaultMessages = {
  'field.required': 'This field is required.',
  'field.invalid': 'This value is not valid.',
  'field.email': 'Enter a valid email address.',
  'field.tooShort': 'Must be at least {minimum} characters.',
  'field.tooLong': 'Must be at most {maximum} characters.',
  'field.length': 'Must be exactly {length} characters.',
  'form.networkError': 'We could not reach the server. Check your connection and try again.',
  'form.unknownError': 'Something went wrong. Please try again.',
  'form.sessionExpired': 'Your session has ended. Please log in again.',
  'form.fieldDetail': '{field}: {message}',
  'choices.locale': 'en',
  'choices.none': 'Not set',
  'login.invalidCredentials': 'The email or password is incorrect.',
  'login.notActivated': 'Please confirm your email address first: follow the link in the activation mail we sent you.',
} as const satisfies Readonly<Record<MessageKey, string>>;

/** Replacements for some messages; keys beyond {@link MessageKey} are allowed for messages of your own. */
export type MessageOverrides = { readonly [K in MessageKey]?: string } & Readonly<Record<string, string>>;

/**
 * Turns a message key (or a stored {@link messageKey} reference) into text. Anything that is not a known key —
 * such as a message sent by the server — comes back unchanged.
 */
export type Translate = (message: string, params?: MessageParams) => string;

/**
 * The value stored under `key` itself — never one inherited from `Object.prototype`: a server message such as
 * `"constructor"` or `"__proto__"` is text to show, not a key.
 */
function ownValue(record: Readonly<Record<string, string | number>>, key: string): string | undefined {
  if (!Object.prototype.hasOwnProperty.call(record, key)) return undefined;
  const value = record[key];
  return value === undefined ? undefined : String(value);
}

function interpolate(template: string, params: MessageParams): string {
  return template.replace(/\{(\w+)\}/g, (placeholder, name: string) => ownValue(params, name) ?? placeholder);
}

function translate(messages: Readonly<Record<string, string>>, message: string, params?: MessageParams): string {
  const direct = ownValue(messages, message);
  if (direct !== undefined) return params ? interpolate(direct, params) : direct;

  const separator = message.indexOf(PARAMS_SEPARATOR);
  if (separator > 0) {
    const template = ownValue(messages, message.slice(0, separator));
    if (template !== undefined) {
      const stored = Object.fromEntries(new URLSearchParams(message.slice(separator + 1)));
      return interpolate(template, { ...stored, ...params });
    }
  }
  return message;
}

const MessagesContext = createContext<Readonly<Record<string, string>>>(defaultMessages);
MessagesContext.displayName = 'MessagesContext';

/** Props of {@link MessagesProvider}. */
export interface MessagesProviderProps {
  /** Messages to replace; the rest come from the enclosing provider, and finally from {@link defaultMessages}. */
  messages: MessageOverrides;
  /** The components whose messages these replace. */
  children?: ReactNode;
}

/**
 * Replaces some of the form messages for everything inside it, e.g. to translate them. Providers nest: an
 * inner provider overrides the outer one key by key.
 */
export function MessagesProvider({ messages, children }: MessagesProviderProps): ReactNode {
  const outer = useContext(MessagesContext);
  const value = useMemo(() => ({ ...outer, ...messages }), [outer, messages]);
  return <MessagesContext.Provider value={value}>{children}</MessagesContext.Provider>;
}

/** Props of {@link MessageDefaults}. */
export interface MessageDefaultsProps {
  /** English defaults for keys a component brings; any value set further out (app or provider) wins. */
  messages: Readonly<Record<string, string>>;
  /** The component's content, which reads these messages with `useMessages`. */
  children?: ReactNode;
}

/**
 * Adds a component's own default messages underneath everything set further out, so a component can ship
 * its English texts with its code (and only with its code) while apps still override them by key.
 */
export function MessageDefaults({ messages, children }: MessageDefaultsProps): ReactNode {
  const outer = useContext(MessagesContext);
  const value = useMemo(() => ({ ...messages, ...outer }), [outer, messages]);
  return <MessagesContext.Provider value={value}>{children}</MessagesContext.Provider>;
}

/**
 * Returns `t(message, params?)`, which translates a message key — or a {@link messageKey} reference stored
 * in react-hook-form — using the nearest {@link MessagesProvider}, and returns unknown strings unchanged.
 * Use it in parts of your own so that they follow the app's translations.
 *
 * @example
 * ```tsx
 * const t = useMessages();
 * <p>{t('field.tooShort', { minimum: 6 })}</p> // "Must be at least 6 characters."
 * ```
 */
export function useMessages(): Translate {
  const messages = useContext(MessagesContext);
  return useCallback<Translate>((message, params) => translate(messages, message, params), [messages]);
}
