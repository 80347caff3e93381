import { Geography, type Commune } from './geography';

/** Abbreviations people type for the words that open so many commune names. */
const ABBREVIATIONS: Record<string, string> = { st: 'saint', ste: 'sainte', sts: 'saints', stes: 'saintes' };

/**
 * A name as it is compared: no accents or ligatures, lower case, hyphens and apostrophes as
 * spaces, "st"/"ste" spelled out. "Saint-Étienne", "st etienne" and "ST-ETIENNE" read alike.
 */
export function searchKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .map((word) => ABBREVIATIONS[word] ?? word)
    .join(' ');
}

interface Entry {
  commune: Commune;
  key: string;
  words: string[];
}

export interface CommuneSearchOptions {
  /** At most this many answers (default 20). */
  limit?: number;
}

/** Answers rank by how closely they match, then by population: "Saint-Denis" is the big one first. */
const enum Closeness {
  Exact = 0,
  Start = 1,
  Words = 2,
}

/**
 * Finds communes by name or by postal code, as someone types them in a hurry: accents, hyphens
 * and "saint" optional, words in any order, each a prefix ("st et" finds Saint-Étienne). Five
 * digits are a postal code (every commune it serves, for codes shared by several) or an INSEE
 * code; fewer digits, the postal codes that start with them. Built once per process.
 */
export class CommuneSearch {
  private static instance: CommuneSearch | undefined;
  private readonly entries: Entry[];

  private constructor(private readonly geography: Geography) {
    this.entries = geography.communes().map((commune) => {
      const key = searchKey(commune.name);
      return { commune, key, words: key.split(' ') };
    });
  }

  static official(): CommuneSearch {
    CommuneSearch.instance ??= new CommuneSearch(Geography.official());
    return CommuneSearch.instance;
  }

  search(query: string, options: CommuneSearchOptions = {}): Commune[] {
    const limit = Math.min(Math.max(options.limit ?? 20, 1), 50);
    const wanted = searchKey(query);
    if (wanted.length === 0) return [];
    if (/^\d[\dab]{0,4}$/.test(wanted)) return this.byCode(wanted, limit);
    const words = wanted.split(' ');
    const found: { commune: Commune; closeness: Closeness }[] = [];
    for (const entry of this.entries) {
      const closeness = this.closeness(entry, wanted, words);
      if (closeness !== null) found.push({ commune: entry.commune, closeness });
    }
    return found
      .sort(
        (a, b) =>
          a.closeness - b.closeness ||
          b.commune.population - a.commune.population ||
          a.commune.code.localeCompare(b.commune.code),
      )
      .slice(0, limit)
      .map((match) => match.commune);
  }

  private closeness(entry: Entry, wanted: string, words: string[]): Closeness | null {
    if (entry.key === wanted) return Closeness.Exact;
    if (entry.key.startsWith(wanted)) return Closeness.Start;
    // Every word typed starts a different word of the name, in any order.
    const free = [...entry.words];
    for (const word of words) {
      const at = free.findIndex((candidate) => candidate.startsWith(word));
      if (at < 0) return null;
      free.splice(at, 1);
    }
    return Closeness.Words;
  }

  private byCode(digits: string, limit: number): Commune[] {
    if (digits.length === 5) {
      // Postal codes first (what people know), then the commune whose INSEE code it is.
      const byInsee = this.geography.commune(digits.toUpperCase());
      const served = [...this.geography.communesWithPostalCode(digits)].sort((a, b) => b.population - a.population);
      return [...served, ...(byInsee && !served.includes(byInsee) ? [byInsee] : [])].slice(0, limit);
    }
    return this.entries
      .filter((entry) => entry.commune.postalCodes.some((code) => code.startsWith(digits)))
      .map((entry) => entry.commune)
      .sort((a, b) => b.population - a.population)
      .slice(0, limit);
  }
}
