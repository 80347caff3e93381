import type { VNode } from 'preact';
import type { AlertPreview } from '../../clients/routing.client';
import { CsrfField, ErrorSummary, Radios, Select, Table, TlpRadios, fieldsOf } from '../../components/form';
import { Layout, type PageFrame } from '../../components/layout';
import { Reason, ReasonsTable, RoutingWarnings } from '../../components/reason';
import { CommuneSearch, EventCodeSelect, ScaleFields, type CommuneChoice } from '../report/report.view';
import { BENCH_STATUSES, BENCH_TLPS, benchRecipients, type BenchErrors, type BenchForm } from './rules-bench.model';

const PATH = '/administration/banc-de-regles';

/** What the bench tried, and routing's answer. */
export interface Trial {
  summary: string;
  preview: AlertPreview;
}

function TrialResult(props: { trial: Trial }): VNode {
  const { preview } = props.trial;
  const recipients = benchRecipients(preview);
  const count = recipients.length;
  return (
    <section aria-labelledby="resultat" class="fr-mt-6w">
      <h2 id="resultat" tabIndex={-1}>
        {count === 0 ? 'Personne ne recevrait cette alerte' : `${count} destinataire${count > 1 ? 's' : ''}`}
      </h2>
      <p id="essai-resume">{props.trial.summary}.</p>
      <p class="fr-text--sm">Rien n’a été envoyé ni enregistré : c’est un essai des règles en vigueur.</p>
      <RoutingWarnings warnings={preview.warnings} />
      <Table
        caption="Destinataires de l’essai et règles qui les ont choisis"
        headers={['Organisation', 'Règles et raisons']}
        id="essai-destinataires"
      >
        <tbody>
          {recipients.map((recipient) => (
            <tr data-organisation={recipient.organisationId}>
              <td>
                {recipient.name}
                <p class="fr-text--xs fr-mb-0">{recipient.kind}</p>
              </td>
              <td>
                <ul class="fr-mb-0">
                  {recipient.choices.map((choice) => (
                    <li data-rule={choice.rule}>
                      <Reason rule={choice.rule} reason={choice.reason} />
                    </li>
                  ))}
                </ul>
              </td>
            </tr>
          ))}
        </tbody>
      </Table>
      {preview.excluded.length > 0 ? (
        <ReasonsTable
          caption="Organisations écartées, et par quelle règle"
          rows={preview.excluded}
          id="essai-ecartes"
        />
      ) : null}
    </section>
  );
}

/**
 * The rules test bench: an alert's fields, as any organisation the person may try, and who
 * would receive it with the rule that chose each recipient. Nothing is sent.
 */
export function RulesBenchPage(
  props: PageFrame & {
    form: BenchForm;
    errors: BenchErrors;
    /** A refusal from routing, in words. */
    problem: string | null;
    senders: { value: string; label: string }[];
    communes: CommuneChoice[];
    trial: Trial | null;
  },
): VNode {
  const { form, errors } = props;
  const field = fieldsOf(form, errors);
  return (
    <Layout title="Banc d’essai des règles" viewer={props.viewer} csrfToken={props.csrfToken} section="banc-de-regles">
      <h1>Banc d’essai des règles</h1>
      <p>
        Décrivez une alerte comme si une organisation l’envoyait : vous verrez chaque destinataire et la règle qui l’a
        choisi, selon les règles et les abonnements en vigueur. Rien n’est envoyé ni enregistré.
      </p>
      <ErrorSummary title="L’essai n’est pas prêt" errors={errors} problem={props.problem} />
      <form method="post" action={`${PATH}#resultat`} id="banc-formulaire">
        <CsrfField token={props.csrfToken} />
        <Select
          {...field('sender')}
          label="Émetteur de l’alerte"
          choices={[{ value: '', label: 'Choisir' }, ...props.senders]}
        />
        <CommuneSearch
          communeQuery={form.communeQuery}
          commune={form.commune}
          communes={props.communes}
          error={errors.commune}
          searchAction={PATH}
        />
        <EventCodeSelect label="Type d’événement" value={form.eventCode} error={errors.eventCode} />
        <ScaleFields form={form} errors={errors} />
        <TlpRadios legend="Qui peut lire l’alerte ?" tlps={BENCH_TLPS} value={form.tlp} error={errors.tlp} />
        <Radios
          name="status"
          legend="Alerte réelle ou exercice ?"
          value={form.status}
          error={errors.status}
          choices={[...BENCH_STATUSES]}
        />
        <div class="fr-checkbox-group fr-mb-3w">
          <input type="checkbox" id="personalData" name="personalData" value="oui" checked={form.personalData} />
          <label class="fr-label" for="personalData">
            L’alerte décrit des personnes
          </label>
        </div>
        <button type="submit" id="essayer" class="fr-btn" name="action" value="essayer">
          Voir qui la recevrait
        </button>
      </form>
      {props.trial ? <TrialResult trial={props.trial} /> : null}
    </Layout>
  );
}
