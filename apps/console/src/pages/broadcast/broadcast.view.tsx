import type { VNode } from 'preact';
import { AlertStatus } from '@vigie/contracts';
import type { Broadcast, BroadcastPreview } from '../../clients/routing.client';
import { SeverityBadge, StatusBadge, TlpBadge } from '../../components/badges';
import {
  Checkboxes,
  CsrfField,
  ErrorSummary,
  Field,
  Notice,
  Radios,
  Table,
  SendOrModify,
  TlpRadios,
  fieldsOf,
} from '../../components/form';
import { SECTORS, SEVERITY, frenchDateTime, label } from '../../components/labels';
import { Layout, type PageFrame } from '../../components/layout';
import { RecipientsPreview } from '../../components/reason';
import { Timestamp } from '../../components/timestamp';
import {
  SEVERITIES,
  TLPS,
  needsTypedConfirmation,
  type BroadcastForm,
  type FormErrors,
  type LiveBroadcastAcknowledgement,
  type RecipientAcknowledgement,
} from './broadcast.model';

export function ComposerPage(
  props: PageFrame & {
    form: BroadcastForm;
    errors: FormErrors;
    conventions: { id: string; name: string }[];
    departments: string[];
  },
): VNode {
  const { form, errors } = props;
  const field = fieldsOf(form, errors);
  return (
    <Layout title="Diffuser un message" viewer={props.viewer} csrfToken={props.csrfToken} section="diffusions">
      <h1>Diffuser un message de vigilance</h1>
      <p>
        Aux partenaires de votre département ({props.departments.join(', ')}). Vous verrez la liste des destinataires
        avant d’envoyer.
      </p>
      <ErrorSummary title="Le message n’est pas prêt" errors={errors} />
      <form method="post" action="/diffusions/apercu">
        <CsrfField token={props.csrfToken} />
        <Radios
          name="status"
          legend="Exercice ou message réel ?"
          value={form.status}
          error={errors.status}
          choices={[
            {
              value: 'Exercise',
              label: 'EXERCICE',
              hint: 'Un entraînement : il est marqué EXERCICE partout et n’est pas reçu par les partenaires qui refusent les exercices.',
            },
            { value: 'Actual', label: 'Message réel', hint: 'Une vraie situation.' },
          ]}
        />
        <Field {...field('headline')} label="Titre" required />
        <Field {...field('description')} label="Message" multiline required />
        <Field id="instruction" name="instruction" label="Consignes (facultatif)" value={form.instruction} multiline />
        <Radios
          name="severity"
          legend="Gravité"
          value={form.severity}
          error={errors.severity}
          choices={SEVERITIES.map((value) => ({ value, label: label(SEVERITY, value) }))}
        />
        <TlpRadios legend="Qui peut lire ce message" tlps={TLPS} value={form.tlp} error={errors.tlp} />
        <Checkboxes
          name="sectors"
          legend="Secteurs (aucun coché : tous)"
          values={form.sectors}
          choices={Object.entries(SECTORS).map(([value, text]) => ({ value, label: text }))}
        />
        {props.conventions.length > 0 ? (
          <Checkboxes
            name="conventions"
            legend="Conventions (aucune cochée : toutes)"
            values={form.conventions}
            choices={props.conventions.map((convention) => ({ value: convention.id, label: convention.name }))}
          />
        ) : null}
        <button type="submit" id="apercu" class="fr-btn">
          Voir les destinataires
        </button>
      </form>
    </Layout>
  );
}

function Hidden(props: { form: BroadcastForm }): VNode {
  const { form } = props;
  return (
    <>
      <input type="hidden" name="headline" value={form.headline} />
      <input type="hidden" name="description" value={form.description} />
      <input type="hidden" name="instruction" value={form.instruction} />
      <input type="hidden" name="severity" value={form.severity} />
      <input type="hidden" name="tlp" value={form.tlp} />
      <input type="hidden" name="status" value={form.status} />
      {form.sectors.map((sector) => (
        <input type="hidden" name="sectors" value={sector} />
      ))}
      {form.conventions.map((convention) => (
        <input type="hidden" name="conventions" value={convention} />
      ))}
    </>
  );
}

export function PreviewPage(
  props: PageFrame & {
    form: BroadcastForm;
    headline: string;
    preview: BroadcastPreview;
    confirmationError: string | null;
    departments: string[];
  },
): VNode {
  const { form, preview } = props;
  const exercise = form.status === 'Exercise';
  return (
    <Layout
      title={`${exercise ? 'EXERCICE — ' : ''}Vérifier avant d’envoyer`}
      viewer={props.viewer}
      csrfToken={props.csrfToken}
      section="diffusions"
      exercise={exercise}
    >
      <h1>{exercise ? 'EXERCICE — vérifier avant d’envoyer' : 'Message RÉEL — vérifier avant d’envoyer'}</h1>
      <div class={`fr-callout fr-mb-3w ${exercise ? 'vigie-callout--exercise' : 'vigie-callout--real'}`}>
        <h2 class="fr-callout__title">{props.headline}</h2>
        <p class="fr-callout__text">{form.description}</p>
        {form.instruction ? <p>Consignes : {form.instruction}</p> : null}
        <p>
          <SeverityBadge severity={form.severity} /> <StatusBadge status={form.status} />{' '}
          <TlpBadge tlp={form.tlp} explain />
        </p>
      </div>
      <RecipientsPreview
        caption="Organisations qui recevront le message, et pourquoi"
        recipients={preview.recipients}
        excluded={preview.excluded}
        warnings={preview.warnings}
      />
      {props.confirmationError ? <Notice tone="error" title={props.confirmationError} /> : null}
      <form method="post" action="/diffusions">
        <CsrfField token={props.csrfToken} />
        <Hidden form={form} />
        {needsTypedConfirmation(form) ? (
          <Field
            id="confirmation"
            name="confirmation"
            label={`Message réel de gravité extrême : tapez le code de votre département (${props.departments.join(' ou ')}) pour confirmer`}
            error={props.confirmationError ?? undefined}
            autocomplete="off"
            required
          />
        ) : null}
        <SendOrModify
          sendClass={`fr-btn ${exercise ? 'vigie-btn--exercise' : 'vigie-btn--danger'}`}
          modifyAction="/diffusions/nouvelle"
        >
          {exercise ? 'Envoyer l’EXERCICE' : 'Envoyer le message RÉEL'}
        </SendOrModify>
      </form>
    </Layout>
  );
}

/** The live-event name of a sent broadcast's acknowledgements: the relay sends its cell's new content under it. */
export const broadcastAcknowledgementsEvent = (broadcastId: string): string => `acquittements-${broadcastId}`;

/** "N sur M" and who acknowledged: a sent broadcast's cell, swapped whole when an acknowledgement arrives. */
export function BroadcastAcknowledgements(props: {
  recipients: number;
  acknowledged: RecipientAcknowledgement[];
}): VNode {
  return (
    <div>
      <p>
        {props.acknowledged.length} sur {props.recipients}
      </p>
      {props.acknowledged.length > 0 ? (
        <ul>
          {props.acknowledged.map((ack) => (
            <li>
              <strong>{ack.organisation}</strong>
              {ack.who ? ` (${ack.who})` : ''}, le <Timestamp at={ack.at} />
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/**
 * What the relay sends when a recipient acknowledges: the broadcast's cell as it now stands, and
 * the sentence the page's status region (aria-live polite) announces, swapped out of band.
 */
export function LiveAcknowledgement(props: { update: LiveBroadcastAcknowledgement }): VNode {
  const { update } = props;
  return (
    <>
      <BroadcastAcknowledgements recipients={update.recipients} acknowledged={update.acknowledged} />
      <span id="flux-etat" hx-swap-oob="innerHTML">
        {update.announcement}
      </span>
    </>
  );
}

/** The status line of the live part: what it says before (and without) JavaScript. */
const LIVE_STATUS = 'Sans JavaScript, rechargez la page pour voir les nouveaux acquittements.';

function BroadcastRows(props: {
  broadcasts: Broadcast[];
  acknowledgements: Map<string, RecipientAcknowledgement[]>;
}): VNode {
  return (
    <Table
      caption="Messages envoyés et reçus, les plus récents d’abord"
      headers={['Message', 'Nature', 'Gravité', 'Envoyé le', 'Destinataires', 'Acquitté par']}
    >
      <tbody>
        {props.broadcasts.map((item) => (
          <tr
            id={`diffusion-${item.broadcast.broadcastId}`}
            class={item.broadcast.status === AlertStatus.Exercise ? 'vigie-row--exercise' : ''}
          >
            <td>{item.broadcast.headline}</td>
            <td>{item.broadcast.status === AlertStatus.Exercise ? 'EXERCICE' : 'Réel'}</td>
            <td>{label(SEVERITY, item.broadcast.severity)}</td>
            <td>{frenchDateTime(item.routedAt)}</td>
            <td>{item.routing ? item.routing.recipients.length : '—'}</td>
            <td data-acknowledgements={item.broadcast.broadcastId}>
              {item.routing ? (
                <div sse-swap={broadcastAcknowledgementsEvent(item.broadcast.broadcastId)} hx-swap="innerHTML">
                  <BroadcastAcknowledgements
                    recipients={item.routing.recipients.length}
                    acknowledged={props.acknowledgements.get(item.broadcast.broadcastId) ?? []}
                  />
                </div>
              ) : (
                '—'
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}

export function BroadcastsPage(
  props: PageFrame & {
    broadcasts: Broadcast[];
    /** The acknowledgements of the broadcasts this organisation sent, by broadcast id. */
    acknowledgements: Map<string, RecipientAcknowledgement[]>;
    sent: string | null;
  },
): VNode {
  // Acknowledgements arrive live only for what this organisation sent (routing explains those alone).
  const live = props.broadcasts.some((item) => item.routing);
  return (
    <Layout title="Messages diffusés" viewer={props.viewer} csrfToken={props.csrfToken} section="diffusions">
      <h1>Messages diffusés</h1>
      {props.sent ? <Notice tone="success" title={`Message envoyé : ${props.sent}`} /> : null}
      <p>
        <a class="fr-btn" href="/diffusions/nouvelle">
          Diffuser un message
        </a>
      </p>
      {live ? (
        <div hx-ext="sse" sse-connect="/diffusions/flux">
          <p
            class="fr-text--sm"
            id="flux-etat"
            role="status"
            aria-live="polite"
            data-connected="Flux en direct : connecté. Les acquittements des destinataires s’affichent ici dès qu’ils arrivent."
          >
            {LIVE_STATUS}
          </p>
          <BroadcastRows broadcasts={props.broadcasts} acknowledgements={props.acknowledgements} />
        </div>
      ) : (
        <BroadcastRows broadcasts={props.broadcasts} acknowledgements={props.acknowledgements} />
      )}
    </Layout>
  );
}
