import { Body, Controller, Get, Logger, Post, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { NotificationClient, type BroadcastAcknowledgement } from '../../clients/notification.client';
import { RegistryClient } from '../../clients/registry.client';
import { RoutingClient } from '../../clients/routing.client';
import { ServiceCallError } from '../../clients/service-call';
import { renderFragment, renderPage, sendHtml } from '../../render';
import { NotForYou } from '../../session/session.errors';
import { Viewer, type SignedIn } from '../../session/viewer';
import { PageGet, PagePost } from '../page-routes';
import { relayStream, sseMessage, StreamRequest, type StreamEvent } from '../stream-relay';
import { pageFrame } from '../viewer-of';
import {
  EMPTY_FORM,
  acknowledgementsByBroadcast,
  confirmationError,
  draftOf,
  formErrors,
  liveAcknowledgement,
  readBroadcastForm,
  type BroadcastForm,
  type FormErrors,
} from './broadcast.model';
import {
  BroadcastsPage,
  ComposerPage,
  LiveAcknowledgement,
  PreviewPage,
  broadcastAcknowledgementsEvent,
} from './broadcast.view';

/**
 * The broadcast composer: form → preview of the recipients (routing's answer) → confirmation.
 * Who receives it, and whether this person may send it, is routing's decision.
 */
@Controller('diffusions')
export class BroadcastController {
  private readonly logger = new Logger('broadcast');

  constructor(
    private readonly routing: RoutingClient,
    private readonly registry: RegistryClient,
    private readonly notification: NotificationClient,
  ) {}

  @PageGet()
  async list(@Viewer() viewer: SignedIn, @Query('envoye') sent?: string): Promise<string> {
    const broadcasts = await this.routing.broadcasts(viewer.bearer);
    // Routing explains a broadcast to its sender only: those are the ones whose acknowledgements are shown.
    const own = broadcasts.filter((item) => item.routing).map((item) => item.broadcast.broadcastId);
    const acknowledgements = acknowledgementsByBroadcast(
      await this.notification.broadcastAcknowledgements(viewer.bearer, own),
    );
    const confirmed = sent
      ? (broadcasts.find((item) => item.broadcast.broadcastId === sent)?.broadcast.headline ?? null)
      : null;
    return renderPage(
      BroadcastsPage({
        ...pageFrame(viewer),
        broadcasts,
        acknowledgements,
        sent: confirmed,
      }),
    );
  }

  /**
   * The organisation's stream, of which only acknowledgements of its broadcasts are relayed: each
   * as the broadcast's cell as it now stands (count and who) and a sentence for the status region.
   */
  @Get('flux')
  relay(@StreamRequest() stream: StreamRequest, @Res() response: Response): Promise<void> {
    return relayStream(this.notification, { ...stream, response, logger: this.logger }, (event) =>
      this.acknowledged(stream.viewer, event),
    );
  }

  private async acknowledged(viewer: SignedIn, event: StreamEvent): Promise<string> {
    if (event.event !== 'broadcast.acknowledged') return sseMessage(event.id, null, '');
    const { broadcastId, organisationId } = JSON.parse(event.data) as BroadcastAcknowledgement;
    try {
      const [sent, acknowledgements] = await Promise.all([
        this.routing.broadcast(viewer.bearer, broadcastId),
        this.notification.broadcastAcknowledgements(viewer.bearer, [broadcastId]),
      ]);
      if (!sent.routing) return sseMessage(event.id, null, '');
      const update = liveAcknowledgement(
        { id: broadcastId, headline: sent.broadcast.headline, recipients: sent.routing.recipients.length },
        acknowledgements,
        organisationId,
      );
      return sseMessage(
        event.id,
        broadcastAcknowledgementsEvent(broadcastId),
        renderFragment(LiveAcknowledgement({ update })),
      );
    } catch (error) {
      // A service that does not answer now: the event is passed over (a reload shows it), the relay goes on.
      this.logger.warn(`broadcast acknowledgement not relayed: ${(error as Error).message}`);
      return sseMessage(event.id, null, '');
    }
  }

  @PageGet('nouvelle')
  async compose(@Viewer() viewer: SignedIn): Promise<string> {
    return this.composer(viewer, EMPTY_FORM, {});
  }

  /** "Modifier" from the preview: the form again, as typed. */
  @PagePost('nouvelle')
  async edit(@Viewer() viewer: SignedIn, @Body() body: unknown): Promise<string> {
    return this.composer(viewer, readBroadcastForm(body), {});
  }

  @PagePost('apercu')
  async preview(@Viewer() viewer: SignedIn, @Body() body: unknown, @Res() response: Response): Promise<void> {
    const form = await this.completeForm(viewer, body, response);
    if (!form) return;
    response.type('html').send(await this.previewPage(viewer, form, null));
  }

  @Post()
  async send(@Viewer() viewer: SignedIn, @Body() body: unknown, @Res() response: Response): Promise<void> {
    const form = await this.completeForm(viewer, body, response);
    if (!form) return;
    const refused = confirmationError(form, viewer.person.departments);
    if (refused) {
      sendHtml(response, 400, await this.previewPage(viewer, form, refused));
      return;
    }
    const sent = await this.routing.sendBroadcast(viewer.bearer, draftOf(form));
    response.redirect(303, `/diffusions?envoye=${sent.broadcast.broadcastId}`);
  }

  private async previewPage(viewer: SignedIn, form: BroadcastForm, refused: string | null): Promise<string> {
    const draft = draftOf(form);
    const preview = await this.routing.previewBroadcast(viewer.bearer, draft);
    return renderPage(
      PreviewPage({
        ...pageFrame(viewer),
        form,
        headline: draft.headline,
        preview,
        confirmationError: refused,
        departments: viewer.person.departments,
      }),
    );
  }

  /** The form posted by a State desk, or null once the composer was sent back (400) with its errors. */
  private async completeForm(viewer: SignedIn, body: unknown, response: Response): Promise<BroadcastForm | null> {
    this.requireStateDesk(viewer);
    const form = readBroadcastForm(body);
    const errors = formErrors(form);
    if (Object.keys(errors).length === 0) return form;
    sendHtml(response, 400, await this.composer(viewer, form, errors));
    return null;
  }

  private async composer(viewer: SignedIn, form: BroadcastForm, errors: FormErrors): Promise<string> {
    this.requireStateDesk(viewer);
    const conventions = await this.registry.conventions(viewer.bearer).catch((error: unknown) => {
      if (error instanceof ServiceCallError && error.status < 500) return [];
      throw error;
    });
    return renderPage(
      ComposerPage({
        ...pageFrame(viewer),
        form,
        errors,
        conventions,
        departments: viewer.person.departments,
      }),
    );
  }

  /** Only State desks broadcast; routing refuses the others anyway, this spares them a dead end. */
  private requireStateDesk(viewer: SignedIn): void {
    if (!viewer.stateDesk) throw new NotForYou();
  }
}
