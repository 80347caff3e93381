import { randomUUID } from 'node:crypto';
import { Body, Controller, Get, Logger, Param, Post, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { AlertMessageType } from '@vigie/contracts';
import { IngestionClient, type Alert } from '../../clients/ingestion.client';
import { NotificationClient, type Acknowledgement } from '../../clients/notification.client';
import { ServiceCallError } from '../../clients/service-call';
import { renderFragment, renderPage, sendHtml } from '../../render';
import { Viewer, type SignedIn } from '../../session/viewer';
import { textField } from '../form-body';
import { notFound, pageId } from '../not-found';
import { PageGet } from '../page-routes';
import { LIST_PAGE, sendListPage } from '../paging';
import { readReportForm, type ReportErrors, type ReportForm } from '../report/report.model';
import { relayStream, sseMessage, StreamRequest } from '../stream-relay';
import { pageFrame } from '../viewer-of';
import { acknowledgementItem, chainAcknowledgements, reportRow } from './my-reports.model';
import {
  AcknowledgementLine,
  MyReportsPage,
  ReportPage,
  ReportUpdatePage,
  acknowledgementEvent,
} from './my-reports.view';
import { updateErrors, updateFormOf, updateOf, updateRefusal } from './report-update.model';

const IDEMPOTENCY_KEY = /^[0-9a-f-]{36}$/;

/**
 * "Mes signalements": what the person's organisation reported, who acknowledged each (live),
 * and the cancellation of a false alarm. Only the sender's organisation reaches these pages.
 */
@Controller('mes-signalements')
export class MyReportsController {
  private readonly logger = new Logger('my-reports');

  constructor(
    private readonly ingestion: IngestionClient,
    private readonly notification: NotificationClient,
  ) {}

  /** The most recent reports, then older ones a page at a time (`avant`: ingestion's cursor). */
  @PageGet()
  list(@Viewer() viewer: SignedIn, @Query('avant') before: unknown, @Res() response: Response): Promise<void> {
    return sendListPage(response, {
      path: '/mes-signalements',
      before,
      read: (cursor) => this.ingestion.sent(viewer.bearer, { cursor, limit: LIST_PAGE }),
      item: async (latest) => reportRow(latest, chainAcknowledgements(await this.acknowledgementsOf(viewer, latest))),
      view: (page) => MyReportsPage({ ...pageFrame(viewer), ...page }),
    });
  }

  /** The organisation's stream, of which only acknowledgements are relayed, as list items. */
  @Get('flux')
  relay(@StreamRequest() stream: StreamRequest, @Res() response: Response): Promise<void> {
    return relayStream(this.notification, { ...stream, response, logger: this.logger }, (event) => {
      if (event.event !== 'alert.acknowledged') return sseMessage(event.id, null, '');
      const ack = JSON.parse(event.data) as Acknowledgement & { originalAlertId: string };
      const html = renderFragment(AcknowledgementLine({ ack: acknowledgementItem(ack) }));
      return sseMessage(event.id, acknowledgementEvent(ack.originalAlertId), html);
    });
  }

  @PageGet(':id')
  async show(
    @Param('id', pageId) id: string,
    @Viewer() viewer: SignedIn,
    @Query('annule') cancelled?: string,
    @Query('modifie') updated?: string,
  ): Promise<string> {
    return this.page(id, viewer, { justCancelled: cancelled === '1', justUpdated: updated === '1', noteError: null });
  }

  /** The update form, filled with the report as it stands; a cancelled report says it cannot change. */
  @PageGet(':id/modifier')
  async editUpdate(
    @Param('id', pageId) id: string,
    @Viewer() viewer: SignedIn,
    @Res() response: Response,
  ): Promise<void> {
    const chain = await this.ownChain(id, viewer);
    const latest = chain[chain.length - 1];
    const cancelled = latest.msgType === AlertMessageType.Cancel;
    sendHtml(
      response,
      cancelled ? 409 : 200,
      this.updatePage(viewer, chain, updateFormOf(latest), {}, cancelled ? updateRefusal(409) : null),
    );
  }

  /** A CAP Update through ingestion; the form's key makes a resent form update once. */
  @Post(':id/modifier')
  async update(
    @Param('id', pageId) id: string,
    @Viewer() viewer: SignedIn,
    @Body() body: unknown,
    @Res() response: Response,
  ): Promise<void> {
    const chain = await this.ownChain(id, viewer);
    const latest = chain[chain.length - 1];
    const form = readReportForm(body);
    const errors = updateErrors(form);
    if (latest.msgType === AlertMessageType.Cancel || Object.keys(errors).length > 0) {
      const cancelled = latest.msgType === AlertMessageType.Cancel;
      sendHtml(
        response,
        cancelled ? 409 : 400,
        this.updatePage(viewer, chain, form, cancelled ? {} : errors, cancelled ? updateRefusal(409) : null),
      );
      return;
    }
    try {
      await this.ingestion.update(viewer.bearer, chain[0].alertId, updateOf(latest, form), form.draftKey);
    } catch (error) {
      if (!(error instanceof ServiceCallError)) throw error;
      const refusal = updateRefusal(error.status);
      if (!refusal) throw error;
      // Cancelled meanwhile (another tab, the API): the page shows the chain as it now ends.
      const current = error.status === 409 ? await this.ownChain(id, viewer) : chain;
      sendHtml(
        response,
        error.status === 422 ? 400 : error.status,
        this.updatePage(viewer, current, form, {}, refusal),
      );
      return;
    }
    response.redirect(303, `/mes-signalements/${chain[0].alertId}?modifie=1`);
  }

  /** CAP Cancel through ingestion; the form's key makes a resent form cancel once. */
  @Post(':id/annuler')
  async cancel(
    @Param('id', pageId) id: string,
    @Viewer() viewer: SignedIn,
    @Body() form: unknown,
    @Res() response: Response,
  ): Promise<void> {
    const chain = await this.ownChain(id, viewer);
    const note = textField(form, 'motif', 500).trim();
    if (!note) {
      sendHtml(
        response,
        422,
        await this.page(
          id,
          viewer,
          { justCancelled: false, justUpdated: false, noteError: 'Indiquez pourquoi vous annulez.' },
          chain,
        ),
      );
      return;
    }
    const presented = textField(form, 'cle', 36);
    const key = IDEMPOTENCY_KEY.test(presented) ? presented : randomUUID();
    try {
      await this.ingestion.cancel(viewer.bearer, chain[0].alertId, note, key);
    } catch (error) {
      // Already cancelled (a second click after the first went through): the page shows it.
      if (!(error instanceof ServiceCallError && error.status === 409)) throw error;
    }
    response.redirect(303, `/mes-signalements/${chain[0].alertId}?annule=1`);
  }

  private async page(
    id: string,
    viewer: SignedIn,
    flags: { justCancelled: boolean; justUpdated: boolean; noteError: string | null },
    known?: Alert[],
  ): Promise<string> {
    const chain = known ?? (await this.ownChain(id, viewer));
    const latest = chain[chain.length - 1];
    const acknowledgements = await Promise.all(
      chain.map((message) => this.acknowledgementsFor(viewer, message.alertId)),
    );
    const model = {
      row: reportRow(latest, chainAcknowledgements(acknowledgements)),
      chain: chain.map((message) => ({
        sent: message.sent,
        msgType: message.msgType,
        headline: message.info[0]?.headline ?? message.identifier,
        severity: message.info[0]?.severity ?? null,
        note: message.note ?? null,
      })),
      cancelled: latest.msgType === AlertMessageType.Cancel,
      idempotencyKey: randomUUID(),
      ...flags,
    };
    return renderPage(ReportPage({ ...pageFrame(viewer), model }));
  }

  private updatePage(
    viewer: SignedIn,
    chain: Alert[],
    form: ReportForm,
    errors: ReportErrors,
    problem: string | null,
  ): string {
    const row = reportRow(chain[chain.length - 1], []);
    return renderPage(
      ReportUpdatePage({
        ...pageFrame(viewer),
        model: {
          id: chain[0].alertId,
          headline: row.headline,
          event: row.event,
          commune: row.commune,
          form,
          errors,
          problem,
          cancelled: chain[chain.length - 1].msgType === AlertMessageType.Cancel,
        },
      }),
    );
  }

  /** The chain of a report the person's organisation sent; anything else does not exist here. */
  private async ownChain(id: string, viewer: SignedIn): Promise<Alert[]> {
    const alert = await this.ingestion.alert(viewer.bearer, id);
    if (alert.senderOrganisationId !== viewer.person.organisationId) throw notFound();
    const chain = await this.ingestion.chain(viewer.bearer, id);
    return chain.filter((message) => message.senderOrganisationId === viewer.person.organisationId);
  }

  private async acknowledgementsOf(viewer: SignedIn, latest: Alert): Promise<Acknowledgement[][]> {
    const ids = [...new Set([latest.originalAlertId, latest.alertId])];
    return Promise.all(ids.map((id) => this.acknowledgementsFor(viewer, id)));
  }

  /** A message not (yet) routed is unknown to notification: no acknowledgement. */
  private async acknowledgementsFor(viewer: SignedIn, alertId: string): Promise<Acknowledgement[]> {
    try {
      return await this.notification.acknowledgements(viewer.bearer, alertId);
    } catch (error) {
      if (error instanceof ServiceCallError && error.status === 404) return [];
      throw error;
    }
  }
}
