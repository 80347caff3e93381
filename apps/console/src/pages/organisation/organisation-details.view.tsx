/** The pages of one object of the organisation: a secret shown once, a key to revoke, a person, a webhook. */
import type { VNode } from 'preact';
import {
  Breadcrumb,
  Button,
  ButtonLink,
  Checkboxes,
  CsrfField,
  Notice,
  Radios,
  ShownOnce,
} from '../../components/form';
import { Layout } from '../../components/layout';
import {
  DeliveriesTable,
  roleChoices,
  type DeliveryRow,
  type KeyRow,
  type PageProps,
  type PersonRow,
  type WebhookRow,
} from './organisation.view';

const trail = (label: string) => [{ href: '/mon-organisation', label: 'Mon organisation' }, { label }];

/** The secret (key or invitation link) shown once, right after it was made. */
export function ShownOncePage(
  props: PageProps<{ title: string; fieldLabel: string; value: string; explanation: string }>,
): VNode {
  const { model } = props;
  return (
    <Layout title={model.title} viewer={props.viewer} csrfToken={props.csrfToken} section="mon-organisation">
      <Breadcrumb trail={trail(model.title)} />
      <h1>{model.title}</h1>
      <ShownOnce
        id="secret"
        label={model.fieldLabel}
        value={model.value}
        warning="Copiez-la maintenant : elle ne sera plus jamais affichée."
      />
      <p>{model.explanation}</p>
      <ButtonLink href="/mon-organisation">Retour à mon organisation</ButtonLink>
    </Layout>
  );
}

export function RevokeKeyPage(props: PageProps<{ key: KeyRow }>): VNode {
  const { key } = props.model;
  return (
    <Layout title="Révoquer une clé" viewer={props.viewer} csrfToken={props.csrfToken} section="mon-organisation">
      <Breadcrumb trail={trail('Révoquer une clé')} />
      <h1>
        Révoquer la clé « {key.label} » ({key.prefix}) ?
      </h1>
      <p>
        Les programmes qui l’utilisent seront refusés par tous les services de Vigie dans les secondes qui suivent. La
        révocation est définitive : pour continuer, il faudra créer une nouvelle clé.
      </p>
      <form method="post" action={`/mon-organisation/cles/${key.id}/revocation`}>
        <CsrfField token={props.csrfToken} />
        <p>
          <Button danger>Révoquer définitivement</Button>
        </p>
        <p>
          <ButtonLink href="/mon-organisation#cles" secondary>
            Annuler
          </ButtonLink>
        </p>
      </form>
    </Layout>
  );
}

export function PersonPage(props: PageProps<{ person: PersonRow; problems: string[] }>): VNode {
  const { person, problems } = props.model;
  return (
    <Layout title={person.fullName} viewer={props.viewer} csrfToken={props.csrfToken} section="mon-organisation">
      <Breadcrumb trail={trail(person.fullName)} />
      <h1>{person.fullName}</h1>
      <p>{person.email}</p>
      {problems.length > 0 ? (
        <Notice tone="error" title="Rien n’a été changé">
          <ul>
            {problems.map((problem) => (
              <li>{problem}</li>
            ))}
          </ul>
        </Notice>
      ) : null}
      <form method="post" action={`/mon-organisation/personnes/${person.id}`}>
        <CsrfField token={props.csrfToken} />
        <Checkboxes name="roles" legend="Rôles" choices={roleChoices} values={person.roles} />
        <Radios
          name="status"
          legend="Compte"
          choices={[
            { value: 'ACTIVE', label: 'Actif' },
            {
              value: 'DISABLED',
              label: 'Désactivé',
              hint: 'La personne est déconnectée partout et ne peut plus se connecter.',
            },
          ]}
          value={person.status}
        />
        <Button>Enregistrer</Button>
      </form>
    </Layout>
  );
}

export function WebhookPage(
  props: PageProps<{ webhook: WebhookRow; deliveries: DeliveryRow[]; done: string | null }>,
): VNode {
  const { webhook, deliveries, done } = props.model;
  return (
    <Layout
      title="Livraisons d’un webhook"
      viewer={props.viewer}
      csrfToken={props.csrfToken}
      section="mon-organisation"
    >
      <Breadcrumb trail={trail('Livraisons d’un webhook')} />
      <h1>Livraisons à {webhook.url}</h1>
      {done ? <Notice tone="success" title={done} /> : null}
      <p>{webhook.disabled ? `Ce webhook est ${webhook.disabled} : il ne reçoit rien.` : 'Ce webhook est actif.'}</p>
      {deliveries.length === 0 ? (
        <p>Aucune livraison pour l’instant.</p>
      ) : (
        <DeliveriesTable
          caption="Les livraisons les plus récentes"
          rows={deliveries}
          csrfToken={props.csrfToken}
          id="table-livraisons"
        />
      )}
      <ButtonLink href="/mon-organisation#webhooks" secondary>
        Retour à mon organisation
      </ButtonLink>
    </Layout>
  );
}
