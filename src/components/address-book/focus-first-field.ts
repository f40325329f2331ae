/** Moves the focus to the first field of `form` (an address form just opened in place), if there is one. */
export function focusFirstField(form: HTMLFormElement | null): void {
  form?.querySelector<HTMLElement>('input, select, textarea')?.focus();
}
