import type { DirectoryEntry } from './directory-entry';

/**
 * The directory looked up the ways a decision needs, so that a decision costs what the
 * alert's département holds rather than what the whole country does: the organisations
 * operating in each département, those subscribed in each, and each organisation's position.
 * Lists keep the directory's order, so decisions come out in the same order as a scan would give.
 */
export interface DirectoryIndex {
  /** Organisations whose departments include the département. */
  operatingIn(department: string): readonly DirectoryEntry[];
  /** Organisations with a subscription covering the département. */
  subscribedIn(department: string): readonly DirectoryEntry[];
  byId(id: string): DirectoryEntry | undefined;
  /** The organisations of these ids, each once, in the directory's order. */
  byIds(ids: readonly string[]): DirectoryEntry[];
}

const NONE: readonly DirectoryEntry[] = [];

function add(lists: Map<string, DirectoryEntry[]>, key: string, entry: DirectoryEntry): void {
  const list = lists.get(key);
  if (!list) lists.set(key, [entry]);
  else if (list[list.length - 1] !== entry) list.push(entry);
}

function build(directory: readonly DirectoryEntry[]): DirectoryIndex {
  const operating = new Map<string, DirectoryEntry[]>();
  const subscribed = new Map<string, DirectoryEntry[]>();
  const positions = new Map<string, number>();
  directory.forEach((entry, position) => {
    if (!positions.has(entry.id)) positions.set(entry.id, position);
    for (const department of entry.departments) add(operating, department, entry);
    for (const subscription of entry.subscriptions) {
      for (const department of subscription.departments) add(subscribed, department, entry);
    }
  });
  return {
    operatingIn: (department) => operating.get(department) ?? NONE,
    subscribedIn: (department) => subscribed.get(department) ?? NONE,
    byId: (id) => {
      const position = positions.get(id);
      return position === undefined ? undefined : directory[position];
    },
    byIds: (ids) =>
      [...new Set(ids)]
        .map((id) => positions.get(id))
        .filter((position): position is number => position !== undefined)
        .sort((a, b) => a - b)
        .map((position) => directory[position]),
  };
}

/** Indexes of directories that cannot change (frozen by whoever holds them), made once each. */
const held = new WeakMap<readonly DirectoryEntry[], DirectoryIndex>();

/**
 * The index of a directory: made once for a frozen one (routing holds its directory frozen until
 * a change replaces it), made for the call otherwise, which still reads the directory once
 * instead of once per rule.
 */
export function indexOf(directory: readonly DirectoryEntry[]): DirectoryIndex {
  if (!Object.isFrozen(directory)) return build(directory);
  let index = held.get(directory);
  if (!index) {
    index = build(directory);
    held.set(directory, index);
  }
  return index;
}
