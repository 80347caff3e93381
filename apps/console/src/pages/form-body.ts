/** A text field of a posted form: trimmed, bounded, '' when absent or not text. */
export function textField(body: unknown, name: string, maxLength = 500): string {
  const value = (body as Record<string, unknown> | undefined)?.[name];
  return typeof value === 'string' ? value.trim().slice(0, maxLength) : '';
}

/** A multi-valued field (checkboxes): always an array of strings. */
export function listField(body: unknown, name: string): string[] {
  const value = (body as Record<string, unknown> | undefined)?.[name];
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

/** Only a path of this console may follow sign-in (never another site). */
export function localPath(value: string | undefined): string {
  return value && /^\/(?![/\\])[\w\-./?=&%]*$/.test(value) ? value : '/alertes';
}
