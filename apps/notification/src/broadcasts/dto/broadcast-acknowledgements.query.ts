import { CommaSeparatedIds } from '@vigie/platform';

export class BroadcastAcknowledgementsQuery {
  @CommaSeparatedIds('broadcast', 100, '0193a8c2-6d1e-7a7b-8c2f-5e9d0a1b2c3d,0193a8c4-1f2e-7b3c-9d4e-6f7a8b9c0d1e')
  ids: string[];
}
