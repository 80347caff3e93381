import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Caller } from '@vigie/access';
import {
  AlertCertainty,
  AlertEventCode,
  AlertSeverity,
  AlertStatus,
  AlertUrgency,
  BroadcastRoutedV1,
  Tlp,
  newEventId,
  type BroadcastSnapshot,
  type RoutedRecipient,
} from '@vigie/contracts';
import { Geography } from '@vigie/geo';
import { Outbox } from '@vigie/messaging';
import { ForbiddenError, NotFoundError } from '@vigie/platform';
import { RoutingDirectory } from '../routing/routing-directory';
import { routedParts, routedRecipients } from '../routing/routing.service';
import { BROADCAST_RULES, decide, indexOf, type DirectoryEntry, type Exclusion } from '../rule-engine';
import { broadcastReach } from './broadcast-permissions';
import type { Broadcast } from './broadcast.entity';
import { broadcastById, insertBroadcast, latestBroadcasts } from './broadcasts.queries';
import { BroadcastPreviewView, BroadcastView, SendBroadcastDto } from './dto/send-broadcast.dto';

const LISTED = 100;

/**
 * Vigilance messages from the State to its partners, routed by the same engine as alerts —
 * audience, entitlement, exercise opt-in and TLP — once per département, then merged.
 */
@Injectable()
export class BroadcastsService {
  private readonly everyDepartment = Geography.official()
    .departments()
    .map((department) => department.code);

  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly directory: RoutingDirectory,
  ) {}

  async send(input: SendBroadcastDto, caller: Caller): Promise<BroadcastView> {
    const reach = broadcastReach(caller, input.departments, this.everyDepartment);
    if ('refused' in reach) throw new ForbiddenError(reach.refused);
    return this.dataSource.transaction(async (manager) => {
      const directory = await this.directory.entries(manager);
      const sender = indexOf(directory).byId(caller.organisationId!)!;
      const broadcast = snapshotOf(input, sender, reach.departments);
      const outcome = route(broadcast, directory);
      const stored: Broadcast = {
        id: broadcast.broadcastId,
        senderOrganisationId: sender.id,
        snapshot: broadcast,
        ...outcome,
        routedAt: new Date(),
        decisionId: newEventId(),
      };
      await insertBroadcast(manager, stored);
      for (const slice of routedParts(stored.recipients)) {
        await this.outbox.add(manager, {
          definition: BroadcastRoutedV1,
          key: broadcast.broadcastId,
          origin: { correlationId: broadcast.broadcastId },
          payload: { broadcast, decisionId: stored.decisionId, routedAt: stored.routedAt.toISOString(), ...slice },
        });
      }
      return view(stored, caller);
    });
  }

  /** Who a draft broadcast would reach and why, by name; nothing is stored or sent. */
  async preview(input: SendBroadcastDto, caller: Caller): Promise<BroadcastPreviewView> {
    const reach = broadcastReach(caller, input.departments, this.everyDepartment);
    if ('refused' in reach) throw new ForbiddenError(reach.refused);
    const directory = await this.directory.entries(this.dataSource.manager);
    const index = indexOf(directory);
    const sender = index.byId(caller.organisationId!)!;
    const outcome = route(snapshotOf(input, sender, reach.departments), directory);
    return {
      departments: reach.departments,
      recipients: outcome.recipients.map((recipient) => ({
        organisationId: recipient.organisationId,
        name: index.byId(recipient.organisationId)?.name ?? recipient.organisationId,
        kind: index.byId(recipient.organisationId)?.kind ?? '',
        rule: recipient.rule,
        reason: recipient.reason,
      })),
      excluded: outcome.excluded.map((exclusion) => ({
        organisationId: exclusion.organisationId,
        name: index.byId(exclusion.organisationId)?.name ?? exclusion.organisationId,
        reason: exclusion.reason,
      })),
      warnings: outcome.warnings,
    };
  }

  /** Broadcasts the caller's organisation sent or received, newest first; all of them for administrators. */
  async list(caller: Caller): Promise<BroadcastView[]> {
    if (!caller.isAdmin && !caller.organisationId) return [];
    const organisationId = caller.isAdmin ? null : caller.organisationId;
    return (await latestBroadcasts(this.dataSource.manager, organisationId, LISTED)).map((broadcast) =>
      view(broadcast, caller),
    );
  }

  async get(id: string, caller: Caller): Promise<BroadcastView> {
    const broadcast = await broadcastById(this.dataSource.manager, id);
    const visible =
      broadcast &&
      (caller.isAdmin ||
        broadcast.senderOrganisationId === caller.organisationId ||
        broadcast.recipients.some((recipient) => recipient.organisationId === caller.organisationId));
    if (!visible) throw new NotFoundError('broadcast', id);
    return view(broadcast, caller);
  }
}

function snapshotOf(input: SendBroadcastDto, sender: DirectoryEntry, departments: string[]): BroadcastSnapshot {
  return {
    broadcastId: newEventId(),
    senderOrganisationId: sender.id,
    senderName: sender.name,
    sent: new Date().toISOString(),
    status: input.status ?? AlertStatus.Actual,
    tlp: input.tlp ?? Tlp.Green,
    severity: input.severity ?? AlertSeverity.Moderate,
    headline: input.headline,
    description: input.description,
    ...(input.instruction ? { instruction: input.instruction } : {}),
    ...(input.expires ? { expires: new Date(input.expires).toISOString() } : {}),
    audience: {
      departments,
      sectors: input.sectors ?? [],
      conventions: input.conventions ?? [],
      ...(input.eventCode ? { eventCode: input.eventCode } : {}),
    },
  };
}

/** One decision per département, merged: a partner present in several receives it once. */
function route(
  broadcast: BroadcastSnapshot,
  directory: readonly DirectoryEntry[],
): Pick<Broadcast, 'recipients' | 'excluded' | 'warnings'> {
  const recipients = new Map<string, RoutedRecipient>();
  const excluded = new Map<string, Exclusion>();
  const warnings = new Set<string>();
  for (const department of broadcast.audience.departments) {
    const result = decide(
      {
        senderOrganisationId: broadcast.senderOrganisationId,
        status: broadcast.status,
        tlp: broadcast.tlp,
        personalData: false,
        location: { department, communeName: null },
        info: [
          {
            eventCode: broadcast.audience.eventCode ?? AlertEventCode.Other,
            severity: broadcast.severity,
            urgency: AlertUrgency.Immediate,
            certainty: AlertCertainty.Observed,
          },
        ],
      },
      directory,
      { rules: BROADCAST_RULES, audience: broadcast.audience, maxPartners: Number.POSITIVE_INFINITY },
    );
    for (const recipient of routedRecipients(result)) {
      if (!recipients.has(recipient.organisationId)) recipients.set(recipient.organisationId, recipient);
    }
    for (const exclusion of result.excluded) {
      if (!excluded.has(exclusion.organisationId)) excluded.set(exclusion.organisationId, exclusion);
    }
    result.warnings.forEach((warning) => warnings.add(warning));
  }
  if (recipients.size === 0) warnings.add('no partner receives this broadcast');
  return {
    recipients: [...recipients.values()],
    excluded: [...excluded.values()].filter((exclusion) => !recipients.has(exclusion.organisationId)),
    warnings: [...warnings],
  };
}

/** Recipients see the message; its sender and administrators also see who received it and why. */
function view(broadcast: Broadcast, caller: Caller): BroadcastView {
  const explained = caller.isAdmin || broadcast.senderOrganisationId === caller.organisationId;
  return {
    broadcast: broadcast.snapshot,
    routedAt: broadcast.routedAt.toISOString(),
    ...(explained
      ? { routing: { recipients: broadcast.recipients, excluded: broadcast.excluded, warnings: broadcast.warnings } }
      : {}),
  };
}
