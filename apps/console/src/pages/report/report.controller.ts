import { Body, Controller, Post, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { IngestionClient } from '../../clients/ingestion.client';
import { RegistryClient } from '../../clients/registry.client';
import { RoutingClient } from '../../clients/routing.client';
import { ServiceCallError } from '../../clients/service-call';
import { renderFragment, renderPage, sendHtml } from '../../render';
import { Viewer, type SignedIn } from '../../session/viewer';
import { PageGet, PagePost } from '../page-routes';
import { pageFrame } from '../viewer-of';
import {
  alertOf,
  communeChoiceOf,
  communeChoicesFor,
  newReport,
  onlyCommune,
  previewDraftOf,
  readReportForm,
  reportErrors,
  type ReportForm,
} from './report.model';
import { CommuneChoices, ReportPage, ReportPreviewPage, type CommuneChoice } from './report.view';

/**
 * A partner reports an incident: the form (commune searched by name or postal code) → who
 * would receive it and why (routing's preview) → sent. The draft's key, made when the form is
 * first shown, is the alert's idempotency key: sending twice creates one alert.
 */
@Controller('signalements')
export class ReportController {
  constructor(
    private readonly registry: RegistryClient,
    private readonly routing: RoutingClient,
    private readonly ingestion: IngestionClient,
  ) {}

  @PageGet('nouveau')
  start(@Viewer() viewer: SignedIn): string {
    return this.formPage(viewer, newReport(), [], false, null);
  }

  /** "Chercher la commune" without JavaScript, and "Modifier" from the preview. */
  @PagePost('nouveau')
  async edit(@Viewer() viewer: SignedIn, @Body() body: unknown): Promise<string> {
    const form = readReportForm(body);
    const searching = (body as Record<string, unknown> | undefined)?.action === 'chercher';
    if (searching) form.commune = '';
    return this.formPage(viewer, form, await this.communesFor(viewer, form), false, null);
  }

  /** The search answers while the person types (htmx). */
  @PageGet('communes')
  async communes(@Viewer() viewer: SignedIn, @Query('communeQuery') query?: string): Promise<string> {
    const typed = typeof query === 'string' ? query.trim().slice(0, 100) : '';
    const communes = typed ? await this.registry.communes(viewer.bearer, typed) : [];
    return renderFragment(CommuneChoices({ query: typed, communes, chosen: '' }));
  }

  @PagePost('apercu')
  async preview(@Viewer() viewer: SignedIn, @Body() body: unknown, @Res() response: Response): Promise<void> {
    const form = await this.completeForm(viewer, body, response);
    if (!form) return;
    try {
      const preview = await this.routing.previewAlert(viewer.bearer, previewDraftOf(form));
      sendHtml(
        response,
        200,
        renderPage(
          ReportPreviewPage({
            ...pageFrame(viewer),
            form,
            commune: communeChoiceOf(form.commune),
            preview,
          }),
        ),
      );
    } catch (error) {
      await this.refused(viewer, form, error, response);
    }
  }

  @Post()
  async send(@Viewer() viewer: SignedIn, @Body() body: unknown, @Res() response: Response): Promise<void> {
    const form = await this.completeForm(viewer, body, response);
    if (!form) return;
    try {
      const sent = await this.ingestion.submit(viewer.bearer, alertOf(form), form.draftKey);
      response.redirect(303, `/alertes/${encodeURIComponent(sent.id)}`);
    } catch (error) {
      await this.refused(viewer, form, error, response);
    }
  }

  /**
   * A report kept in the browser while the network was gone, sent when it came back (JSON
   * answers for the page's script). Same checks as the form; the commune typed offline is
   * resolved here when it names one commune, otherwise the person is asked to choose it. The
   * draft's key makes every retry, in this tab or another, land on the same alert.
   */
  @PagePost('hors-ligne')
  async sendKept(@Viewer() viewer: SignedIn, @Body() body: unknown, @Res() response: Response): Promise<void> {
    const form = readReportForm(body);
    if (!form.commune && form.communeQuery) {
      const answers = await this.registry.communes(viewer.bearer, form.communeQuery);
      const one = onlyCommune(form.communeQuery, answers);
      if (!one) {
        response.status(422).json({
          error: 'commune',
          message: `Choisissez la commune : « ${form.communeQuery} » en désigne plusieurs, ou aucune.`,
        });
        return;
      }
      form.commune = one.code;
    }
    const errors = reportErrors(form);
    if (Object.keys(errors).length > 0) {
      response.status(errors.commune ? 422 : 400).json({ error: 'invalid', message: Object.values(errors).join(' ') });
      return;
    }
    try {
      const sent = await this.ingestion.submit(viewer.bearer, alertOf(form), form.draftKey);
      response.status(201).json({ id: sent.id, href: `/alertes/${encodeURIComponent(sent.id)}` });
    } catch (error) {
      if (!(error instanceof ServiceCallError) || error.status >= 500 || error.status === 401) throw error;
      response.status(error.status === 403 ? 403 : 400).json({
        error: 'refused',
        message:
          error.status === 403
            ? 'Votre organisation ne peut pas signaler d’incident dans ce département.'
            : 'Le signalement a été refusé : vérifiez les champs.',
      });
    }
  }

  /** A service said no (not entitled in that département, invalid field): the form again, with why. */
  /** The report posted, or null once the form was sent back (400) with its errors. */
  private async completeForm(viewer: SignedIn, body: unknown, response: Response): Promise<ReportForm | null> {
    const form = readReportForm(body);
    if (Object.keys(reportErrors(form)).length === 0) return form;
    sendHtml(response, 400, this.formPage(viewer, form, await this.communesFor(viewer, form), true, null));
    return null;
  }

  private async refused(viewer: SignedIn, form: ReportForm, error: unknown, response: Response): Promise<void> {
    if (!(error instanceof ServiceCallError) || error.status >= 500 || error.status === 401) throw error;
    const problem =
      error.status === 403
        ? 'Votre organisation ne peut pas signaler d’incident dans ce département.'
        : 'Le signalement a été refusé : vérifiez les champs.';
    sendHtml(
      response,
      error.status === 403 ? 403 : 400,
      this.formPage(viewer, form, await this.communesFor(viewer, form), false, problem),
    );
  }

  /** The answers to what was typed, or the commune already chosen. */
  private communesFor(viewer: SignedIn, form: ReportForm): Promise<CommuneChoice[]> {
    return communeChoicesFor(form, (typed) => this.registry.communes(viewer.bearer, typed));
  }

  private formPage(
    viewer: SignedIn,
    form: ReportForm,
    communes: CommuneChoice[],
    showErrors: boolean,
    problem: string | null,
  ): string {
    return renderPage(
      ReportPage({
        ...pageFrame(viewer),
        form,
        errors: showErrors ? reportErrors(form) : {},
        problem,
        communes,
      }),
    );
  }
}
