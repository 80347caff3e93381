import { CommaSeparatedIds } from '@vigie/platform';

export class AlertStatesQuery {
  @CommaSeparatedIds('alert', 200, '3f0c9b52-6d1e-4a7b-8c2f-5e9d0a1b2c3d,8a1d…')
  ids: string[];
}
