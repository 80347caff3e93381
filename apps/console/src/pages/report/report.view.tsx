import type { VNode } from 'preact';
import type { AlertPreview } from '../../clients/routing.client';
import { SeverityBadge, TlpBadge } from '../../components/badges';
import {
  CsrfField,
  ErrorSummary,
  Field,
  Radios,
  Select,
  SendOrModify,
  TlpRadios,
  fieldsOf,
} from '../../components/form';
import { Layout, type PageFrame } from '../../components/layout';
import { RecipientsPreview } from '../../components/reason';
import {
  CERTAINTY_CHOICES,
  EVENT_CHOICES,
  REPORT_TLPS,
  SEVERITY_CHOICES,
  URGENCY_CHOICES,
  type ReportErrors,
  type ReportForm,
} from './report.model';

/** A commune as the form offers it. */
export interface CommuneChoice {
  code: string;
  name: string;
  department: string;
  departmentName: string;
  postalCodes: string[];
}

/** Every problem of a report's form, listed above it. */
export function ReportErrorSummary(props: { errors: ReportErrors; problem: string | null }): VNode | null {
  return <ErrorSummary title="Le signalement n’est pas prêt" errors={props.errors} problem={props.problem} />;
}

/**
 * The communes answering the search, as radio buttons; also the fragment htmx swaps in while
 * the person types. Without JavaScript the "Chercher" button posts the form and gets it back
 * with this list filled.
 */
export function CommuneChoices(props: { query: string; communes: CommuneChoice[]; chosen: string }): VNode {
  return (
    <div id="communes-trouvees" aria-live="polite">
      {props.communes.length > 0 ? (
        <Radios
          name="commune"
          legend={props.communes.length > 1 ? 'Choisissez la commune' : 'Commune'}
          value={props.communes.length === 1 ? props.communes[0].code : props.chosen}
          choices={props.communes.map((commune) => ({
            value: commune.code,
            label: `${commune.name} (${commune.departmentName}, ${commune.department})`,
            hint: commune.postalCodes.length > 0 ? `Code postal ${commune.postalCodes.join(', ')}` : undefined,
          }))}
        />
      ) : props.query ? (
        <p class="fr-message fr-message--info">Aucune commune ne correspond à « {props.query} ».</p>
      ) : null}
    </div>
  );
}

/**
 * "Où ?": the commune searched by name or postal code as the person types (htmx asks
 * /signalements/communes), chosen among the answers; without JavaScript the "Chercher la
 * commune" button posts the form to `searchAction`, which shows it again with the answers.
 */
export function CommuneSearch(props: {
  communeQuery: string;
  commune: string;
  communes: CommuneChoice[];
  error?: string;
  searchAction: string;
}): VNode {
  return (
    <fieldset class={`fr-fieldset${props.error ? ' fr-fieldset--error' : ''}`}>
      <legend class="fr-fieldset__legend">Où ?</legend>
      <div class="fr-fieldset__element">
        <div class="fr-input-group">
          <label class="fr-label" for="communeQuery">
            Commune ou code postal
            <span class="fr-hint-text">Par exemple : st etienne, 42000. Les accents sont facultatifs.</span>
          </label>
          <input
            class="fr-input"
            type="search"
            id="communeQuery"
            name="communeQuery"
            value={props.communeQuery}
            autoComplete="off"
            hx-get="/signalements/communes"
            hx-trigger="input changed delay:300ms, search"
            hx-target="#communes-trouvees"
            hx-swap="outerHTML"
            hx-sync="this:replace"
          />
        </div>
        <button
          type="submit"
          class="fr-btn fr-btn--secondary fr-btn--sm fr-mt-1w"
          formAction={props.searchAction}
          name="action"
          value="chercher"
        >
          Chercher la commune
        </button>
      </div>
      <div class="fr-fieldset__element">
        <CommuneChoices query={props.communeQuery} communes={props.communes} chosen={props.commune} />
      </div>
      {props.error ? <p class="fr-message fr-message--error">{props.error}</p> : null}
    </fieldset>
  );
}

/** CAP's three scales, each as the plain question the forms ask. */
const SCALES = [
  { name: 'severity', legend: 'Est-ce grave ?', choices: SEVERITY_CHOICES },
  { name: 'urgency', legend: 'Quand faut-il agir ?', choices: URGENCY_CHOICES },
  { name: 'certainty', legend: 'Est-ce constaté ?', choices: CERTAINTY_CHOICES },
] as const;

/** "What is happening?": Vigie's event types, none chosen at first. */
export function EventCodeSelect(props: { label: string; value: string; error?: string }): VNode {
  return (
    <Select
      id="eventCode"
      name="eventCode"
      label={props.label}
      value={props.value}
      error={props.error}
      choices={[{ value: '', label: 'Choisir' }, ...EVENT_CHOICES]}
    />
  );
}

/** Gravity, urgency and certainty as plain questions (CAP's three scales). */
export function ScaleFields(props: {
  form: Pick<ReportForm, 'severity' | 'urgency' | 'certainty'>;
  errors: Pick<ReportErrors, 'severity' | 'urgency' | 'certainty'>;
}): VNode {
  const { form, errors } = props;
  return (
    <>
      {SCALES.map((scale) => (
        <Radios
          name={scale.name}
          legend={scale.legend}
          value={form[scale.name]}
          error={errors[scale.name]}
          choices={[...scale.choices]}
        />
      ))}
    </>
  );
}

/**
 * What the person says of the incident — gravity, urgency, certainty as plain questions, the
 * summary, the details, who may read it — in the report form and in its update.
 */
export function AssessmentFields(props: { form: ReportForm; errors: ReportErrors }): VNode {
  const { form, errors } = props;
  const field = fieldsOf(form, errors);
  return (
    <>
      <ScaleFields form={form} errors={errors} />
      <Field
        {...field('headline')}
        label="En une ligne"
        hint="Par exemple : Intrusion en cours, entrepôt rue des Docks"
        required
      />
      <Field
        id="description"
        name="description"
        label="Précisions (facultatif)"
        hint="Ce que vous voyez, ce qui est fait. Pas de photo."
        value={form.description}
        multiline
      />
      <div class="fr-checkbox-group fr-mb-3w">
        <input type="checkbox" id="personalData" name="personalData" value="oui" checked={form.personalData} />
        <label class="fr-label" for="personalData">
          Les précisions décrivent des personnes
          <span class="fr-hint-text">Signalement, nom : elles seront effacées après la durée de conservation.</span>
        </label>
      </div>
      <TlpRadios legend="Qui peut lire ce signalement ?" tlps={REPORT_TLPS} value={form.tlp} error={errors.tlp} />
    </>
  );
}

export function ReportPage(
  props: PageFrame & {
    form: ReportForm;
    errors: ReportErrors;
    /** A refusal from a service, in words (not entitled in that département…). */
    problem: string | null;
    communes: CommuneChoice[];
  },
): VNode {
  const { form, errors } = props;
  return (
    <Layout title="Signaler un incident" viewer={props.viewer} csrfToken={props.csrfToken} section="signaler">
      <h1>Signaler un incident</h1>
      <p>
        La préfecture compétente et les partenaires concernés le recevront. Vous verrez qui le recevra, et pourquoi,
        avant d’envoyer.
      </p>
      <ReportErrorSummary errors={errors} problem={props.problem} />
      <section id="brouillons" class="fr-mb-3w" aria-live="polite" hidden>
        <h2 class="fr-h5">Signalements gardés sur cet appareil</h2>
        <p class="fr-text--sm">
          Faits sans réseau : ils partent d’eux-mêmes dès que le réseau revient, une seule fois chacun.
        </p>
        <ul id="brouillons-liste"></ul>
      </section>
      <div id="hors-ligne" class="fr-alert fr-alert--info fr-alert--sm fr-mb-3w" hidden>
        <p>
          Pas de réseau : votre signalement sera gardé sur cet appareil et envoyé dès le retour du réseau, sans aperçu
          des destinataires. Indiquez la commune par son nom ou son code postal.
        </p>
      </div>
      <form method="post" action="/signalements/apercu" data-report-form="true">
        <CsrfField token={props.csrfToken} />
        <input type="hidden" name="draftKey" value={form.draftKey} />
        <CommuneSearch
          communeQuery={form.communeQuery}
          commune={form.commune}
          communes={props.communes}
          error={errors.commune}
          searchAction="/signalements/nouveau"
        />
        <EventCodeSelect label="Que se passe-t-il ?" value={form.eventCode} error={errors.eventCode} />
        <AssessmentFields form={form} errors={errors} />
        <button type="submit" id="apercu" class="fr-btn">
          Voir qui le recevra
        </button>
      </form>
    </Layout>
  );
}

function Hidden(props: { form: ReportForm }): VNode {
  const { form } = props;
  const fields: [string, string][] = [
    ['draftKey', form.draftKey],
    ['communeQuery', form.communeQuery],
    ['commune', form.commune],
    ['eventCode', form.eventCode],
    ['severity', form.severity],
    ['urgency', form.urgency],
    ['certainty', form.certainty],
    ['tlp', form.tlp],
    ['headline', form.headline],
    ['description', form.description],
  ];
  return (
    <>
      {fields.map(([name, value]) => (
        <input type="hidden" name={name} value={value} />
      ))}
      {form.personalData ? <input type="hidden" name="personalData" value="oui" /> : null}
    </>
  );
}

export function ReportPreviewPage(
  props: PageFrame & { form: ReportForm; commune: CommuneChoice | null; preview: AlertPreview },
): VNode {
  const { form, preview } = props;
  return (
    <Layout title="Vérifier avant d’envoyer" viewer={props.viewer} csrfToken={props.csrfToken} section="signaler">
      <h1>Vérifier avant d’envoyer</h1>
      <div class="fr-callout fr-mb-3w">
        <h2 class="fr-callout__title">{form.headline}</h2>
        <p class="fr-callout__text">
          {props.commune ? `${props.commune.name} (${props.commune.departmentName})` : form.commune}
          {' — '}
          {EVENT_CHOICES.find((choice) => choice.value === form.eventCode)?.label ?? form.eventCode}
        </p>
        {form.description ? <p>{form.description}</p> : null}
        <p>
          <SeverityBadge severity={form.severity} /> <TlpBadge tlp={form.tlp} explain />
        </p>
      </div>
      <RecipientsPreview
        caption="Qui recevra ce signalement, et pourquoi"
        recipients={preview.recipients.map((recipient) => ({
          name: recipient.name,
          rule: recipient.rules[0] ?? null,
          reason: recipient.reasons.join(' ; ') || null,
        }))}
        excluded={preview.excluded}
        warnings={preview.warnings}
      />
      <form method="post" action="/signalements">
        <CsrfField token={props.csrfToken} />
        <Hidden form={form} />
        <SendOrModify sendClass="fr-btn" modifyAction="/signalements/nouveau">
          Envoyer le signalement
        </SendOrModify>
      </form>
    </Layout>
  );
}
