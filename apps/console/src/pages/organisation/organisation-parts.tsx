/** What the sections of « Mon organisation » share: their rows, the page's model, a section's problems and read-only notice. */
import type { ComponentChildren, VNode } from 'preact';
import type { Invitation, Person } from '../../clients/registry.client';
import { Button, CsrfField, Notice } from '../../components/form';
import { PERSON_ROLE, label } from '../../components/labels';
import type { PageFrame } from '../../components/layout';
import {
  INVITABLE_ROLES,
  type DeliveryLine,
  type InvitationForm,
  type KeyForm,
  type SubscriptionForm,
} from './organisation.model';

export type PersonRow = Pick<Person, 'id' | 'fullName' | 'email' | 'roles' | 'status' | 'lastLoginAt'>;

export type InvitationRow = Pick<Invitation, 'fullName' | 'email' | 'roles' | 'expiresAt'>;

export interface KeyRow {
  id: string;
  label: string;
  prefix: string;
  roles: string[];
  createdAt: string;
  expiresAt: string | null;
  revokedAt: string | null;
}

export interface SubscriptionRow {
  id: string;
  sentence: string;
}

export interface WebhookRow {
  id: string;
  url: string;
  createdAt: string;
  /** Why it receives nothing, in words; null while enabled. */
  disabled: string | null;
}

/** A delivery as the tables show it. */
export type DeliveryRow = DeliveryLine;

/** A section the signed-in person may only read: why, in words. */
export type Section<T> = { rows: T } | { readOnly: string };

export interface OrganisationModel {
  organisationName: string;
  departments: { code: string; name: string }[];
  /** People and invitations: only the organisation's administrators see them. */
  people: Section<{ people: PersonRow[]; invitations: InvitationRow[] }>;
  keys: Section<KeyRow[]>;
  subscriptions: SubscriptionRow[];
  /** May the person add and remove subscriptions (the registry's answer on keys: the same role). */
  mayEditSubscriptions: boolean;
  webhooks: Section<WebhookRow[]>;
  troubled: DeliveryRow[];
  /** What just happened (after a redirect), or what went wrong with which form. */
  done: string | null;
  problems: { form: 'invitation' | 'cle' | 'abonnement' | 'livraison'; messages: string[] } | null;
  invitationForm: InvitationForm;
  keyForm: KeyForm;
  subscriptionForm: SubscriptionForm;
}

export type PageProps<T> = PageFrame & { model: T };

export const roleChoices = INVITABLE_ROLES.map((role) => ({ value: role, label: label(PERSON_ROLE, role) }));

/** One of the page's forms under its heading: the problems of its last post, its fields, its button. */
export function OrganisationForm(props: {
  title: string;
  form: NonNullable<OrganisationModel['problems']>['form'];
  action: string;
  submit: string;
  model: OrganisationModel;
  csrfToken: string;
  children: ComponentChildren;
}): VNode {
  return (
    <>
      <h3>{props.title}</h3>
      <Problems model={props.model} form={props.form} />
      <form method="post" action={props.action}>
        <CsrfField token={props.csrfToken} />
        {props.children}
        <Button>{props.submit}</Button>
      </form>
    </>
  );
}

export function Problems(props: {
  model: OrganisationModel;
  form: NonNullable<OrganisationModel['problems']>['form'];
}): VNode | null {
  const problems = props.model.problems;
  if (!problems || problems.form !== props.form) return null;
  return (
    <Notice tone="error" title="Le formulaire n’a pas été envoyé">
      <ul>
        {problems.messages.map((message) => (
          <li>{message}</li>
        ))}
      </ul>
    </Notice>
  );
}

/**
 * A section of the page under its heading: what `children` draws of its rows, or, to a person
 * who may not see them, why; then what the section shows to everyone (`after`).
 */
export function SectionOf<T>(props: {
  id: string;
  title: string;
  section: Section<T>;
  children: (rows: T) => ComponentChildren;
  after?: ComponentChildren;
}): VNode {
  const { section } = props;
  return (
    <section aria-labelledby={props.id}>
      <h2 id={props.id}>{props.title}</h2>
      {'readOnly' in section ? <p>{section.readOnly}</p> : props.children(section.rows)}
      {props.after}
    </section>
  );
}
