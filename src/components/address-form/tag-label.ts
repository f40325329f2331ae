import type { Translate } from '../form/messages';

/** A tag's label: the message `address.tag.<TAG>` when there is one, else the tag as it is named. */
export function tagLabel(t: Translate, tag: string): string {
  const key = `address.tag.${tag}`;
  const label = t(key);
  return label === key ? tag : label;
}

/** The tags to offer for an address: the offered ones first, then any other tag it already carries. */
export function tagChoices(offered: readonly string[], carried: readonly string[] = []): string[] {
  return [...new Set([...offered, ...carried])];
}
