import { Body, Controller, Inject, Param, Post, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Geography } from '@vigie/geo';
import { NotificationClient, type Webhook } from '../../clients/notification.client';
import { RegistryClient, type ApiKey } from '../../clients/registry.client';
import { ServiceCallError } from '../../clients/service-call';
import { CONSOLE_CONFIG, type ConsoleConfig } from '../../config';
import { renderPage, sendHtml } from '../../render';
import { ConsoleSessionStore, type ConsoleSession, type ShownOnce } from '../../session/console-session.store';
import { Session, Viewer, type SignedIn } from '../../session/viewer';
import { notFound, pageId } from '../not-found';
import { PageGet } from '../page-routes';
import { pageFrame } from '../viewer-of';
import { PersonPage, RevokeKeyPage, ShownOncePage, WebhookPage } from './organisation-details.view';
import {
  deliveryLines,
  keyPrefix,
  type InvitableRole,
  readInvitation,
  readKey,
  readPersonChange,
  readSubscription,
  webhookDisabled,
} from './organisation.model';
import { OrganisationPage, type KeyRow, type OrganisationModel } from './organisation.view';
import { subscriptionSentence } from './subscription-sentence';

/** How many deliveries each list shows. */
const RECENT = 50;

/** What a redirect after a change says, by its ?fait= value. */
const DONE: Record<string, string> = {
  'cle-revoquee': 'La clé est révoquée : plus aucun service ne l’accepte.',
  'personne-modifiee': 'Les changements sont enregistrés.',
  'abonnement-ajoute': 'L’abonnement est ajouté.',
  'abonnement-supprime': 'L’abonnement est supprimé.',
  renvoyee: 'La livraison est renvoyée : elle part dans les secondes qui viennent.',
};

/** What the page of a secret shown once says, by kind, and where it sends the person once it has been taken. */
const SHOWN_ONCE: Record<
  ShownOnce['kind'],
  { gone: string; title: string; fieldLabel: (about: string) => string; explanation: string }
> = {
  invitation: {
    gone: '/mon-organisation#personnes',
    title: 'Invitation créée',
    fieldLabel: (about) => `Lien d’invitation pour ${about}`,
    explanation:
      'Transmettez ce lien à la personne, par un canal sûr : en l’ouvrant, elle choisit son mot de passe. Il sert une fois et vaut 7 jours.',
  },
  'api-key': {
    gone: '/mon-organisation#cles',
    title: 'Clé d’API créée',
    fieldLabel: (about) => `Clé « ${about} »`,
    explanation:
      'Enregistrez-la dans le programme qui l’utilise. Vigie n’en garde qu’une empreinte : si elle est perdue, révoquez-la et créez-en une autre.',
  },
};

const EMPTY_FORMS: Pick<OrganisationModel, 'invitationForm' | 'keyForm' | 'subscriptionForm'> = {
  invitationForm: { fullName: '', email: '', role: 'DUTY_OFFICER' },
  keyForm: { label: '', roles: [] },
  subscriptionForm: {
    departments: [],
    eventCodes: [],
    minimumSeverity: 'Severe',
    sectors: [],
    includeExercises: false,
  },
};

/** A section the registry or notification refuses (403) to this person: shown as read-only, not as an error. */
async function unlessRefused<T>(call: Promise<T>): Promise<T | null> {
  try {
    return await call;
  } catch (error) {
    if (error instanceof ServiceCallError && error.status === 403) return null;
    throw error;
  }
}

const statusOf = (error: unknown): number | null => (error instanceof ServiceCallError ? error.status : null);

const keyRow = (key: ApiKey): KeyRow => ({
  id: key.id,
  label: key.label ?? 'Sans nom',
  prefix: keyPrefix(key.id),
  roles: key.roles,
  createdAt: key.createdAt,
  expiresAt: key.expiresAt ?? null,
  revokedAt: key.revokedAt ?? null,
});

/**
 * "Mon organisation": the signed-in person's own organisation — its people and invitations,
 * API keys, subscriptions, webhooks and the deliveries that fail. Who may see or change each
 * part is the services' answer (a refused read is a read-only section); every id in a URL is
 * looked up among the organisation's own, so another organisation's is a page that does not exist.
 */
@Controller('mon-organisation')
export class OrganisationController {
  constructor(
    private readonly registry: RegistryClient,
    private readonly notification: NotificationClient,
    private readonly sessions: ConsoleSessionStore,
    @Inject(CONSOLE_CONFIG) private readonly config: ConsoleConfig,
  ) {}

  @PageGet()
  async overview(@Viewer() viewer: SignedIn, @Query('fait') done?: string): Promise<string> {
    return this.page(viewer, { done: (done && DONE[done]) || null });
  }

  @Post('invitations')
  async invite(
    @Viewer() viewer: SignedIn,
    @Session() session: ConsoleSession,
    @Body() body: unknown,
    @Res() response: Response,
  ): Promise<void> {
    const { form, problems } = readInvitation(body);
    const again = (status: number, messages: string[]) =>
      this.again(response, viewer, status, { problems: { form: 'invitation', messages }, invitationForm: form });
    if (problems.length > 0) return again(400, problems);
    try {
      const invited = await this.registry.invite(viewer.bearer, viewer.person.organisationId, {
        email: form.email,
        fullName: form.fullName,
        roles: [form.role as InvitableRole], // readInvitation refused any other
      });
      session.shownOnce = {
        kind: 'invitation',
        about: form.email,
        value: `${this.config.publicUrl}/invitation/${invited.token}`,
      };
    } catch (error) {
      if (statusOf(error) === 409)
        return again(409, ['Une personne a déjà un compte avec cette adresse électronique.']);
      if (statusOf(error) === 400) return again(400, ['Vérifiez le nom et l’adresse électronique.']);
      throw error;
    }
    response.redirect(303, '/mon-organisation/invitation-creee');
  }

  @PageGet('invitation-creee')
  shownInvitation(@Viewer() viewer: SignedIn, @Session() session: ConsoleSession, @Res() response: Response): void {
    this.shownOnce('invitation', viewer, session, response);
  }

  @Post('cles')
  async issueKey(
    @Viewer() viewer: SignedIn,
    @Session() session: ConsoleSession,
    @Body() body: unknown,
    @Res() response: Response,
  ): Promise<void> {
    const { form, problems } = readKey(body);
    if (problems.length > 0) {
      return this.again(response, viewer, 400, { problems: { form: 'cle', messages: problems }, keyForm: form });
    }
    const issued = await this.registry.issueApiKey(viewer.bearer, viewer.person.organisationId, form);
    session.shownOnce = { kind: 'api-key', about: form.label, value: issued.key };
    response.redirect(303, '/mon-organisation/cle-creee');
  }

  @PageGet('cle-creee')
  shownKey(@Viewer() viewer: SignedIn, @Session() session: ConsoleSession, @Res() response: Response): void {
    this.shownOnce('api-key', viewer, session, response);
  }

  @PageGet('cles/:id/revocation')
  async confirmRevocation(@Param('id', pageId) id: string, @Viewer() viewer: SignedIn): Promise<string> {
    const key = (await this.registry.apiKeys(viewer.bearer, viewer.person.organisationId)).find(
      (candidate) => candidate.id === id && !candidate.revokedAt,
    );
    if (!key) throw notFound();
    return renderPage(RevokeKeyPage({ model: { key: keyRow(key) }, ...pageFrame(viewer) }));
  }

  @Post('cles/:id/revocation')
  async revoke(@Param('id', pageId) id: string, @Viewer() viewer: SignedIn, @Res() response: Response): Promise<void> {
    await this.registry.revokeApiKey(viewer.bearer, id);
    response.redirect(303, '/mon-organisation?fait=cle-revoquee#cles');
  }

  @PageGet('personnes/:id')
  async person(@Param('id', pageId) id: string, @Viewer() viewer: SignedIn): Promise<string> {
    return this.personPage(viewer, id, []);
  }

  @Post('personnes/:id')
  async changePerson(
    @Param('id', pageId) id: string,
    @Viewer() viewer: SignedIn,
    @Body() body: unknown,
    @Res() response: Response,
  ): Promise<void> {
    const { form, problems } = readPersonChange(body);
    if (problems.length > 0) {
      sendHtml(response, 400, await this.personPage(viewer, id, problems));
      return;
    }
    await this.registry.updatePerson(viewer.bearer, id, form);
    response.redirect(303, '/mon-organisation?fait=personne-modifiee#personnes');
  }

  @Post('abonnements')
  async subscribe(@Viewer() viewer: SignedIn, @Body() body: unknown, @Res() response: Response): Promise<void> {
    const { form, problems } = readSubscription(body, viewer.person.departments);
    const again = (status: number, messages: string[]) =>
      this.again(response, viewer, status, { problems: { form: 'abonnement', messages }, subscriptionForm: form });
    if (problems.length > 0) return again(400, problems);
    try {
      await this.registry.subscribe(viewer.bearer, viewer.person.organisationId, form);
    } catch (error) {
      if (statusOf(error) === 409) return again(409, ['L’organisation a déjà le nombre maximal d’abonnements.']);
      throw error;
    }
    response.redirect(303, '/mon-organisation?fait=abonnement-ajoute#abonnements');
  }

  @Post('abonnements/:id/suppression')
  async unsubscribe(
    @Param('id', pageId) id: string,
    @Viewer() viewer: SignedIn,
    @Res() response: Response,
  ): Promise<void> {
    await this.registry.unsubscribe(viewer.bearer, viewer.person.organisationId, id);
    response.redirect(303, '/mon-organisation?fait=abonnement-supprime#abonnements');
  }

  @PageGet('webhooks/:id')
  async webhook(
    @Param('id', pageId) id: string,
    @Viewer() viewer: SignedIn,
    @Query('fait') done?: string,
  ): Promise<string> {
    // Notification answers 404 for a webhook that is not the organisation's: so does this page.
    const deliveries = await this.notification.webhookDeliveries(viewer.bearer, id, RECENT);
    const webhook = (await this.notification.webhooks(viewer.bearer)).find((candidate) => candidate.id === id);
    if (!webhook) throw notFound();
    return renderPage(
      WebhookPage({
        model: {
          webhook: { id, url: webhook.url, createdAt: webhook.createdAt, disabled: webhookDisabled(webhook) },
          deliveries: deliveryLines(
            deliveries.map((delivery) => ({ ...delivery, channel: 'webhook', webhookId: id })),
            [webhook],
          ),
          done: (done && DONE[done]) || null,
        },
        ...pageFrame(viewer),
      }),
    );
  }

  @Post('webhooks/:id/livraisons/:deliveryId/renvoi')
  async redeliver(
    @Param('id', pageId) id: string,
    @Param('deliveryId', pageId) deliveryId: string,
    @Viewer() viewer: SignedIn,
    @Res() response: Response,
  ): Promise<void> {
    try {
      await this.notification.redeliver(viewer.bearer, id, deliveryId);
    } catch (error) {
      if (statusOf(error) !== 409) throw error;
      const messages = [
        'Cette livraison ne peut pas être renvoyée : elle est déjà en cours, ou le webhook est désactivé.',
      ];
      return this.again(response, viewer, 409, { problems: { form: 'livraison', messages } });
    }
    response.redirect(303, `/mon-organisation/webhooks/${id}?fait=renvoyee`);
  }

  /** The secret just created, shown once; after that (a reload, a back button) the section it belongs to. */
  private shownOnce(kind: ShownOnce['kind'], viewer: SignedIn, session: ConsoleSession, response: Response): void {
    const secret = this.sessions.takeShownOnce(session, kind);
    const page = SHOWN_ONCE[kind];
    if (!secret) return response.redirect(303, page.gone);
    const model = {
      title: page.title,
      fieldLabel: page.fieldLabel(secret.about),
      value: secret.value,
      explanation: page.explanation,
    };
    response.type('html').send(renderPage(ShownOncePage({ model, ...pageFrame(viewer) })));
  }

  private async personPage(viewer: SignedIn, id: string, problems: string[]): Promise<string> {
    const person = (await this.registry.people(viewer.bearer, viewer.person.organisationId)).find(
      (candidate) => candidate.id === id,
    );
    if (!person) throw notFound();
    return renderPage(PersonPage({ model: { person, problems }, ...pageFrame(viewer) }));
  }

  /** The page again, with what the person typed and why it was not sent. */
  private async again(
    response: Response,
    viewer: SignedIn,
    status: number,
    extra: Partial<OrganisationModel>,
  ): Promise<void> {
    sendHtml(response, status, await this.page(viewer, extra));
  }

  private async page(viewer: SignedIn, extra: Partial<OrganisationModel>): Promise<string> {
    const model = { ...(await this.model(viewer)), ...extra };
    return renderPage(OrganisationPage({ model, ...pageFrame(viewer) }));
  }

  private async model(viewer: SignedIn): Promise<OrganisationModel> {
    const { bearer } = viewer;
    const organisationId = viewer.person.organisationId;
    const [people, invitations, keys, subscriptions, webhooks, failing, dead] = await Promise.all([
      unlessRefused(this.registry.people(bearer, organisationId)),
      unlessRefused(this.registry.invitations(bearer, organisationId)),
      unlessRefused(this.registry.apiKeys(bearer, organisationId)),
      this.registry.subscriptions(bearer, organisationId),
      unlessRefused(this.notification.webhooks(bearer)),
      unlessRefused(this.notification.deliveriesInState(bearer, 'failing', RECENT)),
      unlessRefused(this.notification.deliveriesInState(bearer, 'dead', RECENT)),
    ]);
    const geography = Geography.official();
    const known: Webhook[] = webhooks ?? [];
    return {
      organisationName: viewer.person.organisationName,
      departments: viewer.person.departments.map((code) => ({
        code,
        name: geography.department(code)?.name ?? code,
      })),
      people:
        people && invitations
          ? { rows: { people, invitations } }
          : { readOnly: 'Seuls les administrateurs de l’organisation voient et gèrent ses personnes.' },
      keys: keys
        ? { rows: keys.map(keyRow) }
        : { readOnly: 'Seuls les administrateurs de l’organisation voient et gèrent ses clés d’API.' },
      subscriptions: subscriptions.map((subscription) => ({
        id: subscription.id,
        sentence: subscriptionSentence(subscription, (code) => geography.department(code)),
      })),
      mayEditSubscriptions: keys !== null,
      webhooks: webhooks
        ? {
            rows: webhooks.map((webhook) => ({
              id: webhook.id,
              url: webhook.url,
              createdAt: webhook.createdAt,
              disabled: webhookDisabled(webhook),
            })),
          }
        : { readOnly: 'Les webhooks se consultent avec le rôle de permanence, qui reçoit les alertes.' },
      troubled: deliveryLines([...(failing ?? []), ...(dead ?? [])], known),
      done: null,
      problems: null,
      ...EMPTY_FORMS,
    };
  }
}
