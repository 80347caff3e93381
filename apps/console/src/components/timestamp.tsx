import type { VNode } from 'preact';
import { frenchDateTime } from './labels';

/** A moment as a duty officer reads it, with the machine-readable instant kept in `datetime`. */
export function Timestamp(props: { at: string }): VNode {
  return <time dateTime={props.at}>{frenchDateTime(props.at)}</time>;
}

/** A table's cell that holds a moment. */
export function TimestampCell(props: { at: string }): VNode {
  return (
    <td>
      <Timestamp at={props.at} />
    </td>
  );
}
