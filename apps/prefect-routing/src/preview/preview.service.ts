import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Caller } from '@vigie/access';
import { AlertCertainty, AlertStatus, AlertUrgency, isEntitledIn, OrganisationStatus, Tlp } from '@vigie/contracts';
import { Geography } from '@vigie/geo';
import { ForbiddenError, InvalidRequestError } from '@vigie/platform';
import { RoutingDirectory } from '../routing/routing-directory';
import { decide, indexOf, type RoutableMessage } from '../rule-engine';
import { benchCovers, benchScope } from './preview.access';
import { PreviewAlertDto, PreviewSenderView, RoutingPreviewView } from './preview.dto';

/** Who a draft alert would reach and why, by the rules in force; nothing is stored or sent. */
@Injectable()
export class PreviewService {
  private readonly geography = Geography.official();

  constructor(
    private readonly dataSource: DataSource,
    private readonly directory: RoutingDirectory,
  ) {}

  async preview(draft: PreviewAlertDto, caller: Caller): Promise<RoutingPreviewView> {
    const location = this.locate(draft);
    const asAnother = draft.senderOrganisationId !== undefined && draft.senderOrganisationId !== caller.organisationId;
    const sender = asAnother ? this.benchSender(draft.senderOrganisationId!, caller, location.department) : null;
    if (!asAnother && caller.organisationId === null) {
      throw new InvalidRequestError([
        { field: 'senderOrganisationId', problems: ['an administrator previews as an organisation: name it'] },
      ]);
    }
    const senderId = sender ?? caller.organisationId!;
    const message: RoutableMessage = {
      senderOrganisationId: senderId,
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
    const index = indexOf(directory);
    const entry = index.byId(senderId);
    const warnings: string[] = [];
    if (asAnother) {
      // The bench tries any organisation it knows; one that may not publish there is said, not refused.
      if (!entry) {
        throw new InvalidRequestError([
          { field: 'senderOrganisationId', problems: [`${senderId} is not an organisation of the directory`] },
        ]);
      }
      if (!isEntitledIn(entry, location.department)) {
        warnings.push(
          `${entry.name} may not publish in département ${location.department}: ingestion would refuse this alert`,
        );
      }
    } else if (!entry || !isEntitledIn(entry, location.department)) {
      // The audience of a département is shown only to whoever may publish there, as ingestion decides.
      throw new ForbiddenError(`not entitled to publish in département ${location.department}`);
    }
    const result = decide(message, directory, { rules, namedRecipients: draft.addresses ?? [] });
    return {
      department: location.department,
      recipients: result.recipients.map((recipient) => ({
        organisationId: recipient.organisationId,
        name: index.byId(recipient.organisationId)!.name,
        kind: index.byId(recipient.organisationId)!.kind,
        rules: recipient.rules,
        reasons: recipient.reasons,
      })),
      excluded: result.excluded.map((exclusion) => ({
        ...exclusion,
        name: index.byId(exclusion.organisationId)?.name ?? exclusion.organisationId,
      })),
      warnings: [...warnings, ...result.warnings],
    };
  }

  /**
   * The organisations that may publish in the département (or, without one, anywhere in the
   * caller's bench scope): whom the rules test bench offers as the sender. Active ones only, as
   * ingestion takes alerts from no other.
   */
  async senders(department: string | undefined, caller: Caller): Promise<PreviewSenderView[]> {
    const scope = benchScope(caller);
    if (scope === undefined) {
      throw new ForbiddenError('the rules test bench is for administrators and prefectures’ operators');
    }
    if (department !== undefined && !benchCovers(scope, department)) {
      throw new ForbiddenError(`not competent for département ${department}`);
    }
    const entries = await this.directory.entries(this.dataSource.manager);
    // Every département anyone operates in or a convention is deployed in: "anywhere" for the national scope.
    const where =
      department !== undefined
        ? [department]
        : (scope ?? [
            ...new Set(
              entries.flatMap((entry) => [
                ...entry.departments,
                ...entry.conventions.flatMap((convention) => convention.departments),
              ]),
            ),
          ]);
    return entries
      .filter((entry) => entry.status === OrganisationStatus.Active)
      .filter((entry) => where.some((code) => isEntitledIn(entry, code)))
      .map((entry) => ({
        organisationId: entry.id,
        name: entry.name,
        kind: entry.kind,
        departments: entry.departments,
      }))
      .sort((a, b) => a.name.localeCompare(b.name, 'fr') || a.organisationId.localeCompare(b.organisationId));
  }

  /** Previewing as another organisation: the rules test bench, where the caller may use it. */
  private benchSender(organisationId: string, caller: Caller, department: string): string {
    const scope = benchScope(caller);
    if (scope === undefined) {
      throw new ForbiddenError(
        'only administrators, the national level’s operators and a prefecture’s operators preview as another organisation',
      );
    }
    if (!benchCovers(scope, department)) throw new ForbiddenError(`not competent for département ${department}`);
    return organisationId;
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
