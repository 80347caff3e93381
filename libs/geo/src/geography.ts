import { createRequire } from 'node:module';

export interface Commune {
  code: string;
  name: string;
  department: string;
  postalCodes: string[];
  /** Legal population (INSEE), to rank search answers; 0 when unknown. */
  population: number;
}

export interface Department {
  code: string;
  name: string;
  region: string;
  /** INSEE code of the commune that is the seat of the prefecture. */
  chefLieu: string;
  zone: 'metro' | 'drom' | 'com';
  /** e.g. "Préfecture du Rhône", built with the INSEE article type (typeLiaison). */
  prefectureName: string;
  /** The article before the name in a sentence ("le Rhône", "l'Ain", "Paris"): '' when none. */
  article: DepartmentArticle;
}

export type DepartmentArticle = '' | 'le ' | 'la ' | 'les ' | "l'";

interface RawDepartment {
  code: string;
  nom: string;
  region: string;
  chefLieu: string;
  zone: Department['zone'];
  typeLiaison: number;
}

interface RawCommune {
  code: string;
  nom: string;
  departement?: string;
  type: string;
  codesPostaux?: string[];
  population?: number;
}

// INSEE "type de nom en clair": which preposition and article precede the name.
const LINKS = ['de ', "d'", 'du ', 'de la ', 'des ', "de l'", 'des ', 'de las ', 'de los '];

// The same type, as the article alone: "le Rhône", "la Loire", "les Landes", "l'Ain", "Paris".
const ARTICLES: DepartmentArticle[] = ['', '', 'le ', 'la ', 'les ', "l'", 'les '];

function prefectureName(raw: RawDepartment): string {
  return `Préfecture ${LINKS[raw.typeLiaison] ?? 'de '}${raw.nom}`;
}

/**
 * The official lists of départements and communes (INSEE codes, from
 * @etalab/decoupage-administratif). Loaded once per process; lookups are map reads.
 */
export class Geography {
  private static instance: Geography | undefined;
  private readonly departmentsByCode: Map<string, Department>;
  private readonly communesByCode: Map<string, Commune>;
  private readonly communesByPostalCode = new Map<string, Commune[]>();

  private constructor(departments: RawDepartment[], communes: RawCommune[]) {
    this.departmentsByCode = new Map(
      departments.map((raw) => [
        raw.code,
        {
          code: raw.code,
          name: raw.nom,
          region: raw.region,
          chefLieu: raw.chefLieu,
          zone: raw.zone,
          prefectureName: prefectureName(raw),
          article: ARTICLES[raw.typeLiaison] ?? '',
        },
      ]),
    );
    this.communesByCode = new Map();
    // Current communes and the municipal arrondissements of Paris, Lyon and Marseille have
    // their own codes; delegated or associated communes reuse or shadow them, so skip those.
    for (const raw of communes) {
      if (raw.type !== 'commune-actuelle' && raw.type !== 'arrondissement-municipal') continue;
      if (!raw.departement) continue;
      const commune = {
        code: raw.code,
        name: raw.nom,
        department: raw.departement,
        postalCodes: raw.codesPostaux ?? [],
        population: raw.population ?? 0,
      };
      this.communesByCode.set(raw.code, commune);
      // Arrondissements share their city's postal codes with it: index the city only.
      if (raw.type !== 'commune-actuelle') continue;
      for (const postalCode of commune.postalCodes) {
        this.communesByPostalCode.set(postalCode, [...(this.communesByPostalCode.get(postalCode) ?? []), commune]);
      }
    }
  }

  static official(): Geography {
    if (!Geography.instance) {
      const load = createRequire(__filename);
      Geography.instance = new Geography(
        load('@etalab/decoupage-administratif/data/departements.json') as RawDepartment[],
        load('@etalab/decoupage-administratif/data/communes.json') as RawCommune[],
      );
    }
    return Geography.instance;
  }

  commune(code: string): Commune | undefined {
    return this.communesByCode.get(code);
  }

  /** Every current commune and municipal arrondissement. */
  communes(): Commune[] {
    return [...this.communesByCode.values()];
  }

  /** The communes a postal code serves: one, several (shared codes), or none. */
  communesWithPostalCode(postalCode: string): Commune[] {
    return this.communesByPostalCode.get(postalCode) ?? [];
  }

  department(code: string): Department | undefined {
    return this.departmentsByCode.get(code);
  }

  departments(): Department[] {
    return [...this.departmentsByCode.values()];
  }
}
