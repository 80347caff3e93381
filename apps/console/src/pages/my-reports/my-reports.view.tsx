import type { VNode } from 'preact';
import { SeverityBadge, StatusBadge } from '../../components/badges';
import { Breadcrumb, Button, CsrfField, Field, Notice } from '../../components/form';
import { MESSAGE_TYPE, SEVERITY, frenchDateTime, label } from '../../components/labels';
import { Layout, type PageFrame } from '../../components/layout';
import { PagedList, PagedTable, isOlderPage, type ListPageView } from '../../components/pager';
import { Timestamp } from '../../components/timestamp';
import type { ReportErrors, ReportForm } from '../report/report.model';
import { AssessmentFields, ReportErrorSummary } from '../report/report.view';
import type { AcknowledgementItem, ReportRow } from './my-reports.model';

/** The live-event name of a report's acknowledgements: the relay sends each one under it. */
export const acknowledgementEvent = (reportId: string): string => `acquittement-${reportId}`;

export function AcknowledgementLine(props: { ack: AcknowledgementItem }): VNode {
  const ack = props.ack;
  return (
    <li>
      <strong>{ack.organisation}</strong>
      {ack.who ? ` (${ack.who})` : ''}, le <Timestamp at={ack.at} />
    </li>
  );
}

/** The acknowledgements of one report; new ones are appended live (htmx SSE). */
function Acknowledgements(props: { row: Pick<ReportRow, 'id' | 'acknowledgements'> }): VNode {
  return (
    <div>
      {props.row.acknowledgements.length === 0 ? (
        <p class="fr-text--sm fr-mb-0 vigie-waiting">Pas encore acquitté.</p>
      ) : null}
      <ul
        class="fr-text--sm fr-mb-0"
        data-acknowledgements={props.row.id}
        sse-swap={acknowledgementEvent(props.row.id)}
        hx-swap="beforeend"
      >
        {props.row.acknowledgements.map((ack) => (
          <AcknowledgementLine ack={ack} />
        ))}
      </ul>
    </div>
  );
}

function Situation(props: { msgType: string }): VNode {
  if (props.msgType === 'Cancel') return <span class="fr-badge fr-badge--sm fr-badge--warning">Annulé</span>;
  if (props.msgType === 'Update') return <span class="fr-badge fr-badge--sm fr-badge--info">Mis à jour</span>;
  return <span class="fr-badge fr-badge--sm fr-badge--success">En cours</span>;
}

export function MyReportsPage(props: PageFrame & ListPageView<ReportRow>): VNode {
  const older = isOlderPage(props);
  return (
    <Layout title="Mes signalements" viewer={props.viewer} csrfToken={props.csrfToken} section="mes-signalements">
      <h1>Mes signalements</h1>
      <p>
        Les alertes envoyées par votre organisation. Les acquittements des préfectures s’affichent ici dès qu’ils
        arrivent.
      </p>
      <PagedList
        list={props}
        newestHref="/mes-signalements"
        newestLabel="Voir les signalements les plus récents"
        pagerLabel="Pages des signalements"
        empty={
          older ? (
            <p>Aucun signalement plus ancien.</p>
          ) : (
            <p>
              Votre organisation n’a encore rien signalé. <a href="/signalements/nouveau">Signaler un incident</a>
            </p>
          )
        }
      >
        <div hx-ext="sse" sse-connect="/mes-signalements/flux">
          <p class="fr-text--sm" id="flux-etat" role="status" aria-live="polite">
            Sans JavaScript, rechargez la page pour voir les nouveaux acquittements.
          </p>
          <PagedTable
            list={props}
            captions={{
              newest: 'Signalements de votre organisation, les plus récents d’abord',
              older: 'Signalements plus anciens de votre organisation, les plus récents d’abord',
            }}
            headers={['Signalement', 'Gravité', 'Situation', 'Envoyé le', 'Acquitté par']}
            row={(row) => (
              <tr id={`signalement-${row.id}`}>
                <td>
                  <a href={`/mes-signalements/${row.id}`}>{row.headline}</a>
                  <p class="fr-text--xs fr-mb-0">
                    {row.event} — {row.commune}
                  </p>
                </td>
                <td>
                  <SeverityBadge severity={row.severity} /> <StatusBadge status={row.status} />
                </td>
                <td>
                  <Situation msgType={row.msgType} />
                </td>
                <td>{frenchDateTime(row.sent)}</td>
                <td>
                  <Acknowledgements row={row} />
                </td>
              </tr>
            )}
          />
        </div>
      </PagedList>
    </Layout>
  );
}

export interface ReportPageModel {
  row: ReportRow;
  chain: { sent: string; msgType: string; headline: string; severity: string | null; note: string | null }[];
  cancelled: boolean;
  justCancelled: boolean;
  justUpdated: boolean;
  noteError: string | null;
  idempotencyKey: string;
}

export function ReportPage(props: PageFrame & { model: ReportPageModel }): VNode {
  const { row, chain } = props.model;
  return (
    <Layout title={row.headline} viewer={props.viewer} csrfToken={props.csrfToken} section="mes-signalements">
      <Breadcrumb trail={[{ href: '/mes-signalements', label: 'Mes signalements' }, { label: row.headline }]} />
      <h1>{row.headline}</h1>
      {props.model.justCancelled ? (
        <Notice tone="success" title="Signalement annulé : les destinataires sont prévenus." />
      ) : null}
      {props.model.justUpdated ? (
        <Notice tone="success" title="Signalement mis à jour : les destinataires reçoivent la mise à jour." />
      ) : null}
      <p>
        {row.event} — {row.commune} — <SeverityBadge severity={row.severity} /> <Situation msgType={row.msgType} />
      </p>
      <section class="fr-mb-4w" aria-labelledby="chaine-titre">
        <h2 id="chaine-titre">Chronologie</h2>
        <ol class="vigie-timeline">
          {chain.map((message) => (
            <li>
              <Timestamp at={message.sent} /> — {label(MESSAGE_TYPE, message.msgType)} : {message.headline}
              {message.severity ? ` (gravité : ${label(SEVERITY, message.severity).toLowerCase()})` : null}
              {message.note ? <span> — {message.note}</span> : null}
            </li>
          ))}
        </ol>
      </section>
      <section class="fr-mb-4w" aria-labelledby="acquittements-titre" hx-ext="sse" sse-connect="/mes-signalements/flux">
        <h2 id="acquittements-titre">Acquitté par</h2>
        <p class="fr-text--sm" id="flux-etat" role="status" aria-live="polite"></p>
        <Acknowledgements row={row} />
      </section>
      {props.model.cancelled ? null : (
        <section aria-labelledby="modifier-titre">
          <h2 id="modifier-titre">Modifier ce signalement</h2>
          <p>
            La situation a changé (plus grave, terminée, mieux connue) ? Envoyez une mise à jour : ceux qui l’ont reçu
            la recevront. <a href={`/mes-signalements/${row.id}/modifier`}>Modifier le signalement</a>
          </p>
        </section>
      )}
      {props.model.cancelled ? null : (
        <section class="fr-mb-4w" aria-labelledby="annuler-titre">
          <h2 id="annuler-titre">Annuler ce signalement</h2>
          <p>Si c’était une fausse alerte, annulez-la : tous ceux qui l’ont reçue en sont prévenus.</p>
          <form method="post" action={`/mes-signalements/${row.id}/annuler`}>
            <CsrfField token={props.csrfToken} />
            <input type="hidden" name="cle" value={props.model.idempotencyKey} />
            <Field
              id="annulation-motif"
              name="motif"
              label="Motif de l’annulation"
              hint="Par exemple : déclenchement intempestif du détecteur"
              required
              multiline
              error={props.model.noteError ?? undefined}
            />
            <button type="submit" class="fr-btn fr-btn--secondary">
              Annuler le signalement (fausse alerte)
            </button>
          </form>
        </section>
      )}
    </Layout>
  );
}

export interface ReportUpdateModel {
  /** The report's first message: its address in the console. */
  id: string;
  headline: string;
  event: string;
  commune: string;
  form: ReportForm;
  errors: ReportErrors;
  /** A refusal, in words (cancelled, no longer entitled, refused). */
  problem: string | null;
  cancelled: boolean;
}

/** The update of a report (CAP Update): the same questions as the report form, answered as it stands. */
export function ReportUpdatePage(props: PageFrame & { model: ReportUpdateModel }): VNode {
  const { model } = props;
  return (
    <Layout
      title="Modifier le signalement"
      viewer={props.viewer}
      csrfToken={props.csrfToken}
      section="mes-signalements"
    >
      <Breadcrumb
        trail={[
          { href: '/mes-signalements', label: 'Mes signalements' },
          { href: `/mes-signalements/${model.id}`, label: model.headline },
          { label: 'Modifier' },
        ]}
      />
      <h1>Modifier le signalement</h1>
      {model.cancelled ? (
        <Notice tone="error" title={model.problem ?? 'Ce signalement a été annulé : il ne peut plus être modifié.'}>
          <p>
            <a href={`/mes-signalements/${model.id}`}>Revenir au signalement</a>
          </p>
        </Notice>
      ) : (
        <>
          <p>
            {model.event} — {model.commune}. Le lieu et la nature restent ceux du signalement ; tous ceux qui l’ont reçu
            recevront la mise à jour.
          </p>
          <ReportErrorSummary errors={model.errors} problem={model.problem} />
          <form method="post" action={`/mes-signalements/${model.id}/modifier`}>
            <CsrfField token={props.csrfToken} />
            <input type="hidden" name="draftKey" value={model.form.draftKey} />
            <AssessmentFields form={model.form} errors={model.errors} />
            <Button>Envoyer la mise à jour</Button>
          </form>
        </>
      )}
    </Layout>
  );
}
