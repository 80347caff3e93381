import { Sector } from '@vigie/contracts';
import { ConventionStatus } from './convention.entity';

export interface ConventionDefinition {
  code: string;
  name: string;
  sector: Sector;
  status: ConventionStatus;
  /** YYYY-MM-DD, or null while only announced. */
  signedOn: string | null;
  /** Professional bodies that signed for the sector; empty when the source does not name them. */
  signatories: string[];
}

/**
 * The conventions the registry knows, as the Ministry of the Interior's press release of
 * 21 February 2019 describes them. The seeder keeps the database in line with this list.
 */
export const CONVENTIONS: readonly ConventionDefinition[] = [
  {
    code: 'private-security-2019',
    name: 'Convention de partenariat État – sécurité privée',
    sector: Sector.PrivateSecurity,
    status: ConventionStatus.Signed,
    signedOn: '2019-02-11',
    signatories: ['USP', 'SNES', 'CDSE'],
  },
  {
    code: 'large-retail-2019',
    name: 'Convention de partenariat État – grandes surfaces commerciales',
    sector: Sector.LargeRetail,
    status: ConventionStatus.Signed,
    signedOn: '2019-02-19',
    signatories: ['CNCC', 'PERIFEM', 'Alliance du commerce'],
  },
  {
    code: 'jewellery-2018',
    name: 'Convention de partenariat État – bijoutiers-horlogers',
    sector: Sector.Jewellery,
    status: ConventionStatus.Signed,
    // Only the month is known (December 2018): the first of the month stands for it.
    signedOn: '2018-12-01',
    // The press release does not name the signatories of this convention.
    signatories: [],
  },
  {
    code: 'social-housing',
    name: 'Convention de partenariat État – bailleurs sociaux',
    sector: Sector.SocialHousing,
    status: ConventionStatus.Announced,
    signedOn: null,
    signatories: [],
  },
  {
    code: 'tobacco',
    name: 'Convention de partenariat État – buralistes',
    sector: Sector.Tobacco,
    status: ConventionStatus.Announced,
    signedOn: null,
    signatories: [],
  },
];
