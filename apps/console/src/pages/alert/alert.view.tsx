import type { VNode } from 'preact';
import { AlertMessageType, AlertStatus } from '@vigie/contracts';
import { SeverityBadge, StateBadge, StatusBadge, TlpBadge, UrgencyBadge } from '../../components/badges';
import { CommuneMapFigure } from '../../components/commune-map';
import { Breadcrumb, CsrfField, Field, Notice, Table } from '../../components/form';
import {
  CERTAINTY,
  CHANNEL,
  DELIVERY_STATUS,
  ESCALATION,
  MESSAGE_TYPE,
  SCOPE,
  SEVERITY,
  STATUS,
  URGENCY,
  frenchDateTime,
  label,
} from '../../components/labels';
import { Layout, type PageFrame } from '../../components/layout';
import { ExcludedOrganisations, Reason } from '../../components/reason';
import { Timestamp } from '../../components/timestamp';
import type { AlertPageModel } from './alert.model';

function Fact(props: { term: string; children: preact.ComponentChildren }): VNode {
  return (
    <div class="vigie-fact">
      <dt>{props.term}</dt>
      <dd>{props.children}</dd>
    </div>
  );
}

/** The acknowledgement block: swapped in place by htmx after acknowledging. */
export function AcknowledgeSection(props: { model: AlertPageModel; csrfToken: string }): VNode {
  const { model } = props;
  const mine = model.mine;
  return (
    <section id="acquitter" class="fr-mb-4w" aria-labelledby="acquitter-titre">
      <h2 id="acquitter-titre">Acquittement</h2>
      {mine.acknowledgedAt ? (
        <Notice
          tone="success"
          title={`Alerte acquittée par votre organisation le ${frenchDateTime(mine.acknowledgedAt)}.`}
        />
      ) : mine.canAcknowledge ? (
        <form
          method="post"
          action={`/alertes/${model.alert.alertId}/acquitter`}
          hx-post={`/alertes/${model.alert.alertId}/acquitter`}
          hx-target="#acquitter"
          hx-swap="outerHTML"
          hx-disabled-elt="find button"
        >
          <CsrfField token={props.csrfToken} />
          <p>
            Acquitter indique à l’émetteur et à la chaîne d’escalade que votre organisation a pris l’alerte en compte.
          </p>
          <Field
            id="acquitter-note"
            name="note"
            label="Note (facultative)"
            hint="Par exemple : patrouille envoyée sur place."
            multiline
          />
          <button type="submit" class="fr-btn fr-icon-check-line fr-btn--icon-left">
            Acquitter l’alerte
          </button>
        </form>
      ) : (
        <p>Votre organisation a émis cette alerte : ce sont ses destinataires qui l’acquittent.</p>
      )}
    </section>
  );
}

export function AlertPage(props: PageFrame & { model: AlertPageModel }): VNode {
  const { model } = props;
  const alert = model.alert;
  const info = alert.info[0];
  const exercise = alert.status === AlertStatus.Exercise;
  return (
    <Layout
      title={`${exercise ? 'EXERCICE — ' : ''}${info.headline}`}
      viewer={props.viewer}
      csrfToken={props.csrfToken}
      section="alertes"
      exercise={exercise}
    >
      <Breadcrumb trail={[{ href: '/alertes', label: 'Alertes' }, { label: info.headline }]} />
      <h1>
        {exercise ? 'EXERCICE — ' : ''}
        {info.headline}
      </h1>
      <p>
        <SeverityBadge severity={info.severity} /> <UrgencyBadge urgency={info.urgency} />{' '}
        <StatusBadge status={alert.status} />{' '}
        {alert.msgType !== AlertMessageType.Alert ? (
          <StateBadge tone="info">{label(MESSAGE_TYPE, alert.msgType)}</StateBadge>
        ) : null}
      </p>
      <p>
        <TlpBadge tlp={alert.tlp} explain />
      </p>
      {model.justAcknowledged ? <Notice tone="success" title="Acquittement enregistré." /> : null}
      {model.mine.reason ? (
        <p class="vigie-reason">
          <strong>Pourquoi vous la recevez :</strong> <Reason rule={model.mine.rule} reason={model.mine.reason} />
        </p>
      ) : null}
      <AcknowledgeSection model={model} csrfToken={props.csrfToken} />
      <section class="fr-mb-4w" aria-labelledby="detail-titre">
        <h2 id="detail-titre">Détail de l’alerte</h2>
        <dl class="vigie-facts">
          <Fact term="Événement">{info.event}</Fact>
          <Fact term="Gravité">{label(SEVERITY, info.severity)}</Fact>
          <Fact term="Urgence">{label(URGENCY, info.urgency)}</Fact>
          <Fact term="Certitude">{label(CERTAINTY, info.certainty)}</Fact>
          <Fact term="Nature">{label(STATUS, alert.status)}</Fact>
          <Fact term="Type de message">{label(MESSAGE_TYPE, alert.msgType)}</Fact>
          <Fact term="Portée">{label(SCOPE, alert.scope)}</Fact>
          <Fact term="Lieu">
            {alert.location.communeName ?? 'Commune non précisée'} ({alert.location.department})
            {info.area[0]?.areaDesc ? ` — ${info.area[0].areaDesc}` : ''}
          </Fact>
          <Fact term="Émetteur">{info.senderName ?? alert.sender}</Fact>
          <Fact term="Envoyée le">{frenchDateTime(alert.sent)}</Fact>
          {info.onset ? <Fact term="Début">{frenchDateTime(info.onset)}</Fact> : null}
          {info.expires ? <Fact term="Fin de validité">{frenchDateTime(info.expires)}</Fact> : null}
          {info.description ? <Fact term="Description">{info.description}</Fact> : null}
          {info.instruction ? <Fact term="Consignes">{info.instruction}</Fact> : null}
          {info.contact ? <Fact term="Contact">{info.contact}</Fact> : null}
          {alert.note ? <Fact term="Note de l’émetteur">{alert.note}</Fact> : null}
          <Fact term="Identifiant">{alert.identifier}</Fact>
          {alert.personalData ? <Fact term="Données personnelles">Oui : conservation limitée</Fact> : null}
        </dl>
        <CommuneMapFigure communeCode={alert.location.commune} communeName={alert.location.communeName} />
      </section>
      <section class="fr-mb-4w" aria-labelledby="chaine-titre">
        <h2 id="chaine-titre">Chronologie</h2>
        <ol class="vigie-timeline">
          {model.chain.map((message) => (
            <li>
              <Timestamp at={message.sent} /> — {label(MESSAGE_TYPE, message.msgType)} :{' '}
              {message.current ? (
                <strong>{message.headline} (ce message)</strong>
              ) : (
                <a href={message.href}>{message.headline}</a>
              )}
              {message.note ? <span> — {message.note}</span> : null}
            </li>
          ))}
        </ol>
      </section>
      {model.escalation ? (
        <section class="fr-mb-4w" aria-labelledby="escalade-titre">
          <h2 id="escalade-titre">Escalade</h2>
          <p>
            {label(ESCALATION, model.escalation.status)}
            {model.escalation.nextStepAt && model.escalation.status === 'armed' ? (
              <>
                {' '}
                — prochaine étape ({label(ESCALATION, model.escalation.nextStep)}) le{' '}
                <time class="vigie-countdown" dateTime={model.escalation.nextStepAt}>
                  {frenchDateTime(model.escalation.nextStepAt)}
                </time>
              </>
            ) : null}
          </p>
          <ol class="vigie-timeline">
            {model.escalation.steps.map((step) => (
              <li>
                <Timestamp at={step.at} /> — {label(ESCALATION, step.step)} : {step.detail}
              </li>
            ))}
          </ol>
        </section>
      ) : null}
      <section class="fr-mb-4w" aria-labelledby="acquittements-titre">
        <h2 id="acquittements-titre">Acquittements</h2>
        {model.acknowledgements.length === 0 ? (
          <p>Aucun acquittement pour l’instant.</p>
        ) : (
          <Table caption="Qui a acquitté, et quand" headers={['Personne', 'Organisation', 'Par', 'Note', 'Le']}>
            <tbody>
              {model.acknowledgements.map((ack) => (
                <tr>
                  <td>{ack.who}</td>
                  <td>{ack.organisation}</td>
                  <td>{label(CHANNEL, ack.channel)}</td>
                  <td>{ack.note}</td>
                  <td>{frenchDateTime(ack.at)}</td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </section>
      {model.recipients.length > 0 ? (
        <section class="fr-mb-4w" aria-labelledby="destinataires-titre">
          <h2 id="destinataires-titre">Destinataires</h2>
          <Table
            caption="Qui l’a reçue, pourquoi, et l’état de la remise"
            headers={['Destinataire', 'Pourquoi', 'Remise']}
          >
            <tbody>
              {model.recipients.map((recipient) => (
                <tr>
                  <td>{recipient.name}</td>
                  <td>{recipient.reason ? <Reason rule={recipient.rule} reason={recipient.reason} /> : '—'}</td>
                  <td>
                    {recipient.deliveries.length === 0
                      ? 'Flux temps réel uniquement'
                      : recipient.deliveries.map((delivery) => (
                          <p class="fr-mb-0 fr-text--sm">
                            {label(CHANNEL, delivery.channel)} : {label(DELIVERY_STATUS, delivery.status)}
                            {delivery.attempts > 1 ? ` (${delivery.attempts} essais)` : ''}
                            {delivery.lastError && delivery.status !== 'sent' ? ` — ${delivery.lastError}` : ''}
                          </p>
                        ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </Table>
          <ExcludedOrganisations summary="Organisations écartées" excluded={model.excluded} />
        </section>
      ) : null}
    </Layout>
  );
}
