import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Caller } from '@vigie/access';
import { AlertCertainty, AlertStatus, AlertUrgency, isEntitledIn, Tlp } from '@vigie/contracts';
import { Geography } from '@vigie/geo';
import { ForbiddenError, InvalidRequestError } from '@vigie/platform';
import { RoutingDirectory } from '../routing/routing-directory';
import { decide, type RoutableMessage } from '../rule-engine';
import { PreviewAlertDto, RoutingPreviewView } from './preview.dto';

/** Who a draft alert would reach and why, by the rules in force; nothing is stored or sent. */
@Injectable()
export class PreviewService {
  private readonly geography = Geography.official();

  constructor(
    private readonly dataSource: DataSource,
    private readonly directory: RoutingDirectory,
  ) {}

  async preview(draft: PreviewAlertDto, caller: Caller): Promise<RoutingPreviewView> {
    const sender = this.senderOf(draft, caller);
    const location = this.locate(draft);
    const message: RoutableMessage = {
      senderOrganisationId: sender,
      status: draft.status ?? AlertStatus.Actual,
      tlp: draft.tlp ?? Tlp.Amber,
      personalData: draft.personalData ?? false,
      location,
      info: [
        {
          eventCode: draft.eventCode,
          severity: draft.severity,
          urgency: draft.urgency ?? AlertUrgency.Immediate,
          certainty: draft.certainty ?? AlertCertainty.Observed,
        },
      ],
    };
    const { entries: directory, rules } = await this.directory.inputs(this.dataSource.manager);
    const byId = new Map(directory.map((entry) => [entry.id, entry]));
    // The audience of a département is shown only to whoever may publish there, as ingestion decides.
    const entry = byId.get(sender);
    if (!caller.isAdmin && (!entry || !isEntitledIn(entry, location.department))) {
      throw new ForbiddenError(`not entitled to publish in département ${location.department}`);
    }
    const result = decide(message, directory, { rules, namedRecipients: draft.addresses ?? [] });
    return {
      department: location.department,
      recipients: result.recipients.map((recipient) => ({
        organisationId: recipient.organisationId,
        name: byId.get(recipient.organisationId)!.name,
        kind: byId.get(recipient.organisationId)!.kind,
        rules: recipient.rules,
        reasons: recipient.reasons,
      })),
      excluded: result.excluded.map((exclusion) => ({
        ...exclusion,
        name: byId.get(exclusion.organisationId)?.name ?? exclusion.organisationId,
      })),
      warnings: result.warnings,
    };
  }

  /** An organisation previews its own alerts; an administrator may preview as any organisation. */
  private senderOf(draft: PreviewAlertDto, caller: Caller): string {
    if (draft.senderOrganisationId !== undefined && draft.senderOrganisationId !== caller.organisationId) {
      if (!caller.isAdmin) throw new ForbiddenError('only administrators preview as another organisation');
      return draft.senderOrganisationId;
    }
    if (caller.organisationId === null) {
      throw new InvalidRequestError([
        { field: 'senderOrganisationId', problems: ['an administrator previews as an organisation: name it'] },
      ]);
    }
    return caller.organisationId;
  }

  private locate(draft: PreviewAlertDto): RoutableMessage['location'] {
    if (draft.commune !== undefined) {
      const commune = this.geography.commune(draft.commune);
      if (!commune) {
        throw new InvalidRequestError([
          { field: 'commune', problems: [`${draft.commune} is not a commune of the official INSEE list`] },
        ]);
      }
      return { department: commune.department, communeName: commune.name };
    }
    if (!this.geography.department(draft.department!)) {
      throw new InvalidRequestError([{ field: 'department', problems: [`${draft.department} is not a département`] }]);
    }
    return { department: draft.department!, communeName: null };
  }
}
