/** A page position: the (sent, id) of the last alert of the previous page, newest first. */
export interface AlertCursor {
  sent: string;
  id: string;
}

export function encodeCursor(cursor: AlertCursor): string {
  return Buffer.from(`${cursor.sent}|${cursor.id}`).toString('base64url');
}

export function decodeCursor(value: string): AlertCursor | null {
  const [sent, id, ...rest] = Buffer.from(value, 'base64url').toString('utf8').split('|');
  if (rest.length > 0 || !id || Number.isNaN(Date.parse(sent ?? ''))) return null;
  if (!/^[0-9a-f-]{36}$/.test(id)) return null;
  return { sent, id };
}
