import { Body, Controller, Headers, Param, Post, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { CommuneMap } from '@vigie/geo';
import { IngestionClient } from '../../clients/ingestion.client';
import { NotificationClient } from '../../clients/notification.client';
import { RegistryClient } from '../../clients/registry.client';
import { RoutingClient } from '../../clients/routing.client';
import { ServiceCallError } from '../../clients/service-call';
import { renderFragment, renderPage } from '../../render';
import { Viewer, type SignedIn } from '../../session/viewer';
import { textField } from '../form-body';
import { pageId } from '../not-found';
import { PageGet } from '../page-routes';
import { pageFrame } from '../viewer-of';
import { alertPageModel, type AlertPageModel } from './alert.model';
import { AcknowledgeSection, AlertPage } from './alert.view';

/** What a service may refuse to show this person (a routing decision to a partner): shown as absent. */
async function unlessHidden<T>(read: Promise<T>, fallback: T): Promise<T> {
  try {
    return await read;
  } catch (error) {
    if (error instanceof ServiceCallError && (error.status === 404 || error.status === 403)) return fallback;
    throw error;
  }
}

@Controller('alertes/:id')
export class AlertController {
  constructor(
    private readonly ingestion: IngestionClient,
    private readonly routing: RoutingClient,
    private readonly notification: NotificationClient,
    private readonly registry: RegistryClient,
  ) {
    CommuneMap.official(); // loads the map data at start, not on the first alert page
  }

  @PageGet()
  async show(
    @Param('id', pageId) id: string,
    @Viewer() viewer: SignedIn,
    @Query('acquittee') acknowledged?: string,
  ): Promise<string> {
    const model = await this.model(id, viewer, acknowledged === '1');
    return renderPage(AlertPage({ model, ...pageFrame(viewer) }));
  }

  /** Idempotent: a second click (or a replayed form) finds it already acknowledged. */
  @Post('acquitter')
  async acknowledge(
    @Param('id', pageId) id: string,
    @Viewer() viewer: SignedIn,
    @Headers('hx-request') htmx: string | undefined,
    @Body() form: unknown,
    @Res() response: Response,
  ): Promise<void> {
    await this.notification.acknowledge(viewer.bearer, id, textField(form, 'note', 500));
    if (htmx) {
      const model = await this.model(id, viewer, true);
      response.type('html').send(renderFragment(AcknowledgeSection({ model, csrfToken: viewer.csrfToken })));
      return;
    }
    response.redirect(303, `/alertes/${id}?acquittee=1#acquitter`);
  }

  private async model(id: string, viewer: SignedIn, justAcknowledged: boolean): Promise<AlertPageModel> {
    const bearer = viewer.bearer;
    const alert = await this.ingestion.alert(bearer, id);
    const [chain, decision, deliveries, acknowledgements, escalation, states, organisations] = await Promise.all([
      unlessHidden(this.ingestion.chain(bearer, id), [alert]),
      unlessHidden(this.routing.decision(bearer, id), null),
      unlessHidden(this.notification.deliveries(bearer, id), []),
      unlessHidden(this.notification.acknowledgements(bearer, id), []),
      this.notification.escalation(bearer, id),
      this.notification.states(bearer, [id]),
      viewer.stateDesk
        ? unlessHidden(this.registry.organisations(bearer, { department: alert.location.department }), [])
        : Promise.resolve([]),
    ]);
    const names = new Map(organisations.map((organisation) => [organisation.id, organisation.name]));
    names.set(viewer.person.organisationId, viewer.person.organisationName);
    return alertPageModel({
      alert,
      chain,
      decision,
      deliveries,
      acknowledgements,
      escalation,
      state: states[0],
      names,
      organisationId: viewer.person.organisationId,
      justAcknowledged,
    });
  }
}
