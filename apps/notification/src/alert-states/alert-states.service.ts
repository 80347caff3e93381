import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Caller } from '@vigie/access';
import { organisationOf } from '../caller-organisation';
import type { AlertStateView } from './alert-state.view';
import { alertStates } from './alert-states.queries';

/**
 * The state of many alerts at once for one organisation, so that a list needs one call rather
 * than one per alert. Alerts the organisation neither sent nor received are left out.
 */
@Injectable()
export class AlertStatesService {
  constructor(private readonly dataSource: DataSource) {}

  async of(ids: string[], caller: Caller): Promise<AlertStateView[]> {
    const rows = await alertStates(this.dataSource.manager, ids, organisationOf(caller));
    return rows.map((row) => ({
      ...row,
      acknowledgedAt: row.acknowledgedAt?.toISOString() ?? null,
      escalation: row.escalation && { ...row.escalation, nextStepAt: row.escalation.nextStepAt?.toISOString() ?? null },
    }));
  }
}
