import { Body, Controller, Res } from '@nestjs/common';
import type { Response } from 'express';
import { RegistryClient } from '../../clients/registry.client';
import { RoutingClient, type PreviewSender } from '../../clients/routing.client';
import { ServiceCallError } from '../../clients/service-call';
import { renderPage, sendHtml } from '../../render';
import { NotForYou } from '../../session/session.errors';
import { Viewer, type SignedIn } from '../../session/viewer';
import { PageGet, PagePost } from '../page-routes';
import { communeChoiceOf, communeChoicesFor } from '../report/report.model';
import type { CommuneChoice } from '../report/report.view';
import { pageFrame } from '../viewer-of';
import {
  benchDraftOf,
  benchErrors,
  mayUseRulesBench,
  newBenchForm,
  readBenchForm,
  senderChoices,
  trialWords,
  type BenchErrors,
  type BenchForm,
} from './rules-bench.model';
import { RulesBenchPage, type Trial } from './rules-bench.view';

/**
 * The rules test bench (administration): an alert tried as any organisation the person may
 * try, through routing's preview. Routing decides who may (the national level's operators
 * everywhere, a prefecture's in its départements) and sends nothing.
 */
@Controller('administration/banc-de-regles')
export class RulesBenchController {
  constructor(
    private readonly registry: RegistryClient,
    private readonly routing: RoutingClient,
  ) {}

  @PageGet()
  async start(@Viewer() viewer: SignedIn): Promise<string> {
    const senders = await this.senders(viewer);
    return this.page(viewer, { form: newBenchForm(), errors: {}, problem: null, senders, communes: [], trial: null });
  }

  /** "Voir qui la recevrait", and "Chercher la commune" without JavaScript. */
  @PagePost()
  async try(@Viewer() viewer: SignedIn, @Body() body: unknown, @Res() response: Response): Promise<void> {
    const senders = await this.senders(viewer);
    const form = readBenchForm(body);
    const searching = (body as Record<string, unknown> | undefined)?.action === 'chercher';
    if (searching) form.commune = '';
    const communes = await this.communesFor(viewer, form);
    const errors = searching ? {} : benchErrors(form, senders);
    const answer = (status: number, page: { errors: BenchErrors; problem: string | null; trial: Trial | null }) =>
      sendHtml(response, status, this.page(viewer, { form, senders, communes, ...page }));
    if (searching) return void answer(200, { errors, problem: null, trial: null });
    if (Object.keys(errors).length > 0) return void answer(400, { errors, problem: null, trial: null });
    try {
      const preview = await this.routing.previewAlert(viewer.bearer, benchDraftOf(form));
      const sender = senders.find((candidate) => candidate.organisationId === form.sender)!;
      const commune = communeChoiceOf(form.commune);
      const place = commune ? `${commune.name} (${commune.departmentName})` : form.commune;
      answer(200, { errors, problem: null, trial: { summary: trialWords(form, sender.name, place), preview } });
    } catch (error) {
      if (!(error instanceof ServiceCallError) || error.status >= 500 || error.status === 401) throw error;
      const problem =
        error.status === 403
          ? 'Vous ne pouvez pas essayer une alerte dans ce département : il n’est pas de votre compétence.'
          : 'Routage a refusé l’essai : vérifiez les champs.';
      answer(error.status === 403 ? 403 : 400, { errors, problem, trial: null });
    }
  }

  /** Whom the person may try an alert as; routing refuses anyone the bench is not for. */
  private async senders(viewer: SignedIn): Promise<PreviewSender[]> {
    if (!mayUseRulesBench(viewer.person)) throw new NotForYou();
    return this.routing.previewSenders(viewer.bearer);
  }

  private communesFor(viewer: SignedIn, form: BenchForm): Promise<CommuneChoice[]> {
    return communeChoicesFor(form, (typed) => this.registry.communes(viewer.bearer, typed));
  }

  private page(
    viewer: SignedIn,
    model: {
      form: BenchForm;
      errors: BenchErrors;
      problem: string | null;
      senders: PreviewSender[];
      communes: CommuneChoice[];
      trial: Trial | null;
    },
  ): string {
    return renderPage(
      RulesBenchPage({
        ...pageFrame(viewer),
        ...model,
        senders: senderChoices(model.senders),
      }),
    );
  }
}
