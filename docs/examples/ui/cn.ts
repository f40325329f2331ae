/** Joins class names, as shadcn/ui's `cn` does (without tailwind-merge: nothing here sets a class twice). */
export function cn(...classes: Array<string | false | null | undefined>): string {
  return classes.filter(Boolean).join(' ');
}
