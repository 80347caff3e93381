import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Caller } from '@vigie/access';
import {
  AlertCancelledV1,
  AlertMessageType,
  AlertSubmittedV1,
  AlertUpdatedV1,
  isEntitledIn,
  newEventId,
  type AlertLocation,
  type AlertSnapshot,
  type EventDefinition,
} from '@vigie/contracts';
import { Geography } from '@vigie/geo';
import { Outbox } from '@vigie/messaging';
import { ConflictError, ForbiddenError, InvalidRequestError, NotFoundError, pageOf } from '@vigie/platform';
import { capReference } from '../cap/cap-references';
import { Idempotency } from '../idempotency/idempotent-submission';
import { AlertReadAudit } from './alert-read.audit';
import { cancellationOf, type Cancellation } from './alert.cancellation';
import { decodeCursor, encodeCursor } from './alert.cursor';
import { resolveLocation } from './alert.location';
import { newAlertSnapshot } from './alert.snapshot';
import { AlertWriter, keyClaim, type AlertWrite, type DeclaredOrigin, type WriteOutcome } from './alert.writer';
import {
  chainMessages,
  lockChain,
  senderOf,
  visibleAlert,
  visibleAlerts,
  visibleChainMessages,
  type Sender,
} from './alerts.queries';
import type { ListAlertsQuery } from './dto/list-alerts.query';
import type { SubmitAlertDto, SubmitLocationDto } from './dto/submit-alert.dto';
import { CapReferenceError, referencedChain } from './referenced-chain';

export interface AlertPage {
  alerts: AlertSnapshot[];
  /** Pass it as `cursor` for the next page; null on the last one. */
  nextCursor: string | null;
}

export interface Submission {
  alert: AlertSnapshot;
  /** False when an earlier request with the same Idempotency-Key and body created it. */
  created: boolean;
}

/** How a message came: its Idempotency-Key, and for a CAP document its declared sender and sent. */
export interface RequestDetails {
  idempotencyKey?: string;
  declared?: DeclaredOrigin;
}

/** A message being accepted: who sends it, and how (the key already bound to its request). */
interface Sending {
  caller: Caller;
  idempotency: Idempotency | null;
  declared?: DeclaredOrigin;
}

/** How a change finds its chain: the alert named in the route, or the CAP references alone. */
type ChainTarget = { id: string; references?: string[] } | { references: string[] };

const CHANGES: ReadonlySet<AlertMessageType> = new Set([AlertMessageType.Update, AlertMessageType.Cancel]);

/**
 * Accepts alerts and the updates and cancellations of their chains. Every accepted message
 * and its event commit in one transaction (outbox); chains are immutable and keyed on Kafka by
 * their original alert, so their messages stay in order.
 */
@Injectable()
export class AlertsService {
  // Loaded when the service starts, not on the first request.
  private readonly geography = Geography.official();

  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly writer: AlertWriter,
    private readonly reads: AlertReadAudit,
  ) {}

  /**
   * A new alert; or, for a CAP Update or Cancel, a new message in the chain of the earlier
   * messages its references name.
   */
  async submit(input: SubmitAlertDto, caller: Caller, details: RequestDetails = {}): Promise<Submission> {
    const sending = this.sending(caller, details, 'POST /v1/alerts', input);
    if (input.msgType && CHANGES.has(input.msgType)) {
      if (!input.references?.length) {
        throw new InvalidRequestError([
          {
            field: 'references',
            problems: [`a ${input.msgType} names the earlier messages it changes (sender,identifier,sent)`],
          },
        ]);
      }
      const target = { references: input.references };
      return input.msgType === AlertMessageType.Update
        ? this.changeContent(target, input, sending)
        : this.end(target, cancellationOf(input), sending);
    }
    if (input.references?.length) {
      throw new InvalidRequestError([
        { field: 'references', problems: ['only an Update or a Cancel references earlier messages'] },
      ]);
    }
    const sender = await this.sender(caller);
    const snapshot = newAlertSnapshot(input, {
      alertId: newEventId(),
      senderOrganisationId: sender.id,
      sent: new Date(),
      ...this.entitledLocation(sender, input.location),
    });
    return this.store(snapshot, AlertSubmittedV1, sending);
  }

  /** A new message in the chain of alert `id`, with the content given; same status as the original. */
  async update(id: string, input: SubmitAlertDto, caller: Caller, details: RequestDetails = {}): Promise<Submission> {
    if (input.msgType === AlertMessageType.Cancel) {
      throw new InvalidRequestError([
        { field: 'msgType', problems: [`a Cancel goes to POST /v1/alerts/${id}/cancel`] },
      ]);
    }
    const sending = this.sending(caller, details, `POST /v1/alerts/${id}/updates`, input);
    return this.changeContent({ id, references: input.references }, input, sending);
  }

  /** Ends the chain of alert `id`: a Cancel message carrying the latest content and the reason. */
  async cancel(id: string, input: Cancellation, caller: Caller, details: RequestDetails = {}): Promise<Submission> {
    const sending = this.sending(caller, details, `POST /v1/alerts/${id}/cancel`, input);
    return this.end({ id, references: input.references }, input, sending);
  }

  private async changeContent(target: ChainTarget, input: SubmitAlertDto, sending: Sending): Promise<Submission> {
    const replayed = await this.earlierAnswer(sending);
    if (replayed) return replayed;
    const sender = await this.sender(sending.caller);
    const chain = await this.openChain(target, sending.caller);
    if (input.status !== chain[0].status) {
      throw new InvalidRequestError([
        { field: 'status', problems: [`an update keeps the status of the alert it updates (${chain[0].status})`] },
      ]);
    }
    const snapshot = newAlertSnapshot(input, {
      alertId: newEventId(),
      senderOrganisationId: sender.id,
      sent: new Date(),
      ...this.entitledLocation(sender, input.location),
      earlier: chain,
      msgType: AlertMessageType.Update,
    });
    return this.store(snapshot, AlertUpdatedV1, sending);
  }

  private async end(target: ChainTarget, input: Cancellation, sending: Sending): Promise<Submission> {
    const replayed = await this.earlierAnswer(sending);
    if (replayed) return replayed;
    const chain = await this.openChain(target, sending.caller);
    if (input.status && input.status !== chain[0].status) {
      throw new InvalidRequestError([
        { field: 'status', problems: [`a cancellation keeps the status of the alert it cancels (${chain[0].status})`] },
      ]);
    }
    const latest = chain[chain.length - 1];
    const alertId = newEventId();
    const snapshot: AlertSnapshot = {
      ...latest,
      alertId,
      identifier: input.identifier ?? alertId,
      sent: new Date().toISOString(),
      msgType: AlertMessageType.Cancel,
      note: input.note,
      references: chain.map(capReference),
    };
    return this.store(snapshot, AlertCancelledV1, sending);
  }

  /**
   * An alert its sender sent or that was routed to the caller; anything else is not found. The
   * read is recorded for the audit trail in the same transaction (ADR 42).
   */
  get(id: string, caller: Caller): Promise<AlertSnapshot> {
    return this.dataSource.transaction(async (manager) => {
      const alert = await visibleAlert(manager, id, caller.organisationId!);
      if (!alert) throw new NotFoundError('alert', id);
      await this.reads.record(manager, caller, 'alert', alert, 1);
      return alert;
    });
  }

  /**
   * The caller's alerts and those routed to it, newest first, a page at a time; its TLP:RED
   * alerts are recorded as read.
   */
  async list(query: ListAlertsQuery, caller: Caller): Promise<AlertPage> {
    const cursor = query.cursor ? decodeCursor(query.cursor) : undefined;
    if (cursor === null)
      throw new InvalidRequestError([{ field: 'cursor', problems: ['cursor is not one this API returned'] }]);
    const limit = query.limit ?? 50;
    const rows = await visibleAlerts(
      this.dataSource.manager,
      caller.organisationId!,
      {
        ...query,
        from: query.from ? new Date(query.from) : undefined,
        to: query.to ? new Date(query.to) : undefined,
      },
      // One more than a page tells whether another follows.
      { after: cursor, limit: limit + 1 },
    );
    const { page, nextCursor } = pageOf(rows, limit, (last) =>
      encodeCursor({ sent: last.sent.toISOString(), id: last.id }),
    );
    const alerts = page.map((row) => row.snapshot);
    await this.reads.recordListed(caller, alerts);
    return { alerts, nextCursor };
  }

  /** Every message of the chain of one of the caller's alerts, oldest first; the read is recorded. */
  history(id: string, caller: Caller): Promise<AlertSnapshot[]> {
    return this.dataSource.transaction(async (manager) => {
      const { alert, chain } = await this.ownChain(manager, id, caller);
      await this.reads.record(manager, caller, 'alert-history', alert, chain.length);
      return chain;
    });
  }

  /**
   * The chain of an alert the caller may read, oldest first: every message of it the caller
   * sent or received (a recipient of the update sees the original it received too). The read is
   * recorded.
   */
  chain(id: string, caller: Caller): Promise<AlertSnapshot[]> {
    return this.dataSource.transaction(async (manager) => {
      const anchor = await visibleAlert(manager, id, caller.organisationId!);
      if (!anchor) throw new NotFoundError('alert', id);
      const messages = await visibleChainMessages(manager, anchor.originalAlertId, caller.organisationId!);
      await this.reads.record(manager, caller, 'alert-chain', anchor, messages.length);
      return messages;
    });
  }

  /** Every message of the chain of one of the caller's alerts, oldest first (sender only). */
  private async ownChain(
    manager: EntityManager,
    id: string,
    caller: Caller,
  ): Promise<{ alert: AlertSnapshot; chain: AlertSnapshot[] }> {
    const alert = await visibleAlert(manager, id, caller.organisationId!);
    if (!alert || alert.senderOrganisationId !== caller.organisationId) throw new NotFoundError('alert', id);
    return { alert, chain: await chainMessages(manager, alert.originalAlertId) };
  }

  /**
   * Stores a message and its event in one transaction (the outbox). A new alert shares its
   * transaction with those submitted meanwhile (AlertWriter); a change of a chain is stored
   * alone, after its chain was checked under the chain's lock.
   */
  private async store(
    snapshot: AlertSnapshot,
    definition: EventDefinition<{ alert: AlertSnapshot }>,
    { idempotency, declared }: Sending,
  ): Promise<Submission> {
    const write: AlertWrite = {
      snapshot,
      idempotency,
      declared,
      // The alert's id correlates everything that follows from it, in every service's logs.
      event: this.outbox.prepare({
        definition,
        key: snapshot.originalAlertId,
        payload: { alert: snapshot },
        origin: { correlationId: snapshot.alertId },
      }),
    };
    const outcome =
      snapshot.msgType === AlertMessageType.Alert ? await this.writer.storeNew(write) : await this.storeChange(write);
    if (outcome === 'created') return { alert: snapshot, created: true };
    const earlier = await idempotency!.earlier(this.dataSource, snapshot.senderOrganisationId);
    if (!earlier) throw new ConflictError('this Idempotency-Key was just released; send the request again');
    return { alert: earlier, created: false };
  }

  private storeChange(write: AlertWrite): Promise<WriteOutcome> {
    return this.dataSource.transaction(async (manager) => {
      if (write.idempotency && !(await Idempotency.claimAll(manager, keyClaim(write))).size) return 'replayed';
      // One change at a time per chain: the chain read below is the one this message extends.
      await lockChain(manager, write.snapshot.originalAlertId);
      const chain = await chainMessages(manager, write.snapshot.originalAlertId);
      if (chain.some((message) => message.msgType === AlertMessageType.Cancel)) {
        throw new ConflictError('this alert was cancelled; it can no longer change');
      }
      await this.writer.insert(manager, [write]);
      return 'created';
    });
  }

  /**
   * The answer to a change already made with this Idempotency-Key, looked up before the chain:
   * the chain has changed since (a replayed Cancel finds it cancelled).
   */
  private async earlierAnswer({ caller, idempotency }: Sending): Promise<Submission | undefined> {
    const earlier = await idempotency?.earlier(this.dataSource, caller.organisationId!);
    return earlier && { alert: earlier, created: false };
  }

  private sending(caller: Caller, details: RequestDetails, operation: string, body: unknown): Sending {
    return { caller, idempotency: Idempotency.of(details.idempotencyKey, operation, body), declared: details.declared };
  }

  /** The sender as the directory knows it: what says where it may publish. */
  private async sender(caller: Caller): Promise<Sender> {
    // Read with the caller's key, from the same directory: no second read on the request path.
    if (caller.organisationId && caller.kind && caller.conventions) {
      return {
        id: caller.organisationId,
        kind: caller.kind,
        departments: caller.departments,
        conventions: caller.conventions,
      };
    }
    const sender = await senderOf(this.dataSource.manager, caller.organisationId!);
    if (!sender) throw new NotFoundError('organisation', caller.organisationId!);
    return sender;
  }

  private entitledLocation(
    sender: Sender,
    input: SubmitLocationDto | undefined,
  ): { location: AlertLocation; circle?: string } {
    if (!input) throw new InvalidRequestError([{ field: 'location', problems: ['location should not be empty'] }]);
    const resolved = resolveLocation(input, this.geography);
    if ('problems' in resolved) throw new InvalidRequestError(resolved.problems);
    const { department } = resolved.location;
    if (!isEntitledIn(sender, department)) {
      throw new ForbiddenError(
        `not entitled to publish in département ${department}: no convention deployed there counts you as a member`,
      );
    }
    return resolved;
  }

  /**
   * The chain a change joins, which must not have been cancelled: that of the caller's alert
   * `id`, or the one the CAP references name. With both, the references must name that chain.
   */
  private async openChain(target: ChainTarget, caller: Caller): Promise<AlertSnapshot[]> {
    const referenced = target.references?.length
      ? await referencedChain(this.dataSource.manager, caller.organisationId!, target.references)
      : undefined;
    const { chain } = await this.ownChain(this.dataSource.manager, 'id' in target ? target.id : referenced!, caller);
    if (referenced && referenced !== chain[0].originalAlertId) {
      throw new CapReferenceError(
        'references_across_alerts',
        'the references name messages of another alert than the one this change is posted to',
      );
    }
    if (chain.some((message) => message.msgType === AlertMessageType.Cancel)) {
      throw new ConflictError('this alert was cancelled; it can no longer change');
    }
    return chain;
  }
}
