/** A tag as staff type it: 1 to 40 letters, digits, "-" or "_" (stored in lower case). */
export const TAG_PATTERN = /^\s*[\p{L}\p{N}_-]{1,40}\s*$/u;
export const TAG_RULE = { each: true, message: 'must be tags of 1 to 40 letters, digits, "-" or "_"' };

/** Tags as stored: trimmed, lower case, each once, in the order first given. */
export function normalizedTags(tags: readonly string[]): string[] {
  return [...new Set(tags.map((tag) => tag.trim().toLowerCase()).filter(Boolean))];
}

/** The tags after adding and removing these, and what actually changed. */
export function retagged(current: readonly string[], add: readonly string[], remove: readonly string[]): { tags: string[]; added: string[]; removed: string[] } {
  const dropped = new Set(normalizedTags(remove));
  const tags = normalizedTags([...current, ...add]).filter((tag) => !dropped.has(tag));
  return { tags, added: tags.filter((tag) => !current.includes(tag)), removed: current.filter((tag) => !tags.includes(tag)) };
}
