import type { EntityManager } from 'typeorm';
import { runPrepared, type PreparedStatement } from '@vigie/persistence';

/**
 * `message_contents`: what every recipient of one distributed message sees alike (its type, the
 * alert or broadcast), stored once. Deliveries and stream events that carry it name it by
 * `content_id` and hold only their own part; a read lays that part over the content
 * (`content || part`, a jsonb merge), so every read and every attempt gives the same bytes.
 */

const INSERT_CONTENTS: PreparedStatement = {
  name: 'notification.insert-message-contents',
  text: `INSERT INTO message_contents (id, data)
         SELECT * FROM unnest($1::uuid[], $2::jsonb[]) ON CONFLICT (id) DO NOTHING`,
};

export interface MessageContent {
  id: string;
  data: Record<string, unknown>;
}

/** Stores the contents of a batch's messages in one statement. */
export async function insertMessageContents(
  manager: EntityManager,
  contents: readonly MessageContent[],
): Promise<void> {
  if (contents.length === 0) return;
  await runPrepared(manager, INSERT_CONTENTS, [
    contents.map((content) => content.id),
    contents.map((content) => JSON.stringify(content.data)),
  ]);
}

/** The SQL of a row's whole data: its own part laid over its content, when it has one. */
export function withContent(part: string, contentAlias: string): string {
  return `coalesce(${contentAlias}.data || ${part}, ${part})`;
}
