import { Body, Controller, Param, Post, Query, Res, type PipeTransform } from '@nestjs/common';
import type { Response } from 'express';
import { RegistryClient, type Organisation } from '../../clients/registry.client';
import { renderPage, sendHtml } from '../../render';
import { NotForYou } from '../../session/session.errors';
import { Viewer, type SignedIn } from '../../session/viewer';
import { textField } from '../form-body';
import { notFound, pageId } from '../not-found';
import { PageGet } from '../page-routes';
import { pageFrame } from '../viewer-of';
import { PartnersPage, type PartnersModel } from './partners.view';

const STATE_KINDS = new Set(['PREFECTURE', 'NATIONAL_LEVEL', 'STATE_FORCE']);

/** The registry's status change, by the word of the partner page's URL. */
const STATUS_CHANGES = new Map<string, 'activate' | 'suspend'>([
  ['suspendre', 'suspend'],
  ['activer', 'activate'],
]);

interface PartnerChange {
  id: string;
  change: 'activate' | 'suspend';
}

/** The partner and the change a URL names; an id that is not a UUID, or any other word, is a page that does not exist. */
const partnerChange: PipeTransform<Record<string, string>, Promise<PartnerChange>> = {
  transform: async (params) => {
    const change = STATUS_CHANGES.get(params.change);
    if (!change) throw notFound();
    await pageId.transform(params.id, { type: 'param', data: 'id' });
    return { id: params.id, change };
  },
};

/** The partners of the duty officer's départements, and activating or suspending them (the registry audits it). */
@Controller('partenaires')
export class PartnersController {
  constructor(private readonly registry: RegistryClient) {}

  @PageGet()
  async list(@Viewer() viewer: SignedIn, @Query('modifie') changed?: string): Promise<string> {
    const model = await this.model(viewer, null, changed ? `Statut de ${changed.slice(0, 200)} modifié.` : null);
    return renderPage(PartnersPage({ model, ...pageFrame(viewer) }));
  }

  /** `/:id/suspendre` or `/:id/activer`: the same form, a reason, for either change. */
  @Post(':id/:change')
  async change(
    @Param(partnerChange) { id, change }: PartnerChange,
    @Body() body: unknown,
    @Viewer() viewer: SignedIn,
    @Res() response: Response,
  ): Promise<void> {
    const reason = textField(body, 'reason', 500);
    if (!reason) {
      const model = await this.model(viewer, id, null);
      sendHtml(response, 400, renderPage(PartnersPage({ model, ...pageFrame(viewer) })));
      return;
    }
    const organisation = await this.registry.changeStatus(viewer.bearer, id, change, reason);
    response.redirect(303, `/partenaires?modifie=${encodeURIComponent(organisation.name)}`);
  }

  private async model(
    viewer: SignedIn,
    missingReasonFor: string | null,
    changed: string | null,
  ): Promise<PartnersModel> {
    if (!viewer.stateDesk) throw new NotForYou();
    const departments = viewer.person.departments;
    const [lists, conventions] = await Promise.all([
      Promise.all(departments.map((department) => this.registry.organisations(viewer.bearer, { department }))),
      this.registry.conventions(viewer.bearer),
    ]);
    const members = await Promise.all(
      conventions.map(async (convention) => ({
        convention,
        members: await this.registry.conventionMembers(viewer.bearer, convention.id),
      })),
    );
    const conventionsOf = (id: string): string[] =>
      members
        .filter((entry) => entry.members.some((member) => member.organisationId === id))
        .map((entry) => entry.convention.name);
    const unique = new Map<string, Organisation>();
    for (const organisation of lists.flat())
      if (!STATE_KINDS.has(organisation.kind)) unique.set(organisation.id, organisation);
    return {
      departments,
      partners: [...unique.values()]
        .sort((a, b) => a.name.localeCompare(b.name, 'fr'))
        .map((organisation) => ({
          id: organisation.id,
          name: organisation.name,
          kind: organisation.kind,
          status: organisation.status,
          conventions: conventionsOf(organisation.id),
          statusChangedAt: organisation.statusChangedAt,
          statusReason: organisation.statusReason ?? null,
        })),
      missingReasonFor,
      changed,
    };
  }
}
