import type { ComponentChildren, VNode } from 'preact';
import { TLP } from './labels';

/** Every form of the console posts its session's CSRF token. */
export function CsrfField(props: { token: string }): VNode {
  return <input type="hidden" name="_csrf" value={props.token} />;
}

export interface FieldProps {
  id: string;
  name: string;
  label: string;
  hint?: string;
  error?: string;
  value?: string;
  type?: string;
  required?: boolean;
  autocomplete?: string;
  multiline?: boolean;
  inputMode?: 'numeric' | 'text';
}

/** The keys of a form whose answers are text: the ones a field shows as typed. */
type TextAnswer<F> = { [K in keyof F]: F[K] extends string ? K : never }[keyof F] & string;

/**
 * The fields of one form, each by the name it is posted under: that name is also its id, and
 * its value and error are the form's and the errors' under the same name.
 */
export function fieldsOf<F>(
  form: F,
  errors: Partial<Record<keyof F, string>>,
): (name: TextAnswer<F>) => Pick<FieldProps, 'id' | 'name' | 'value' | 'error'> {
  return (name) => ({ id: name, name, value: form[name] as string, error: errors[name] });
}

export function Field(props: FieldProps): VNode {
  const errorId = `${props.id}-erreur`;
  const common = {
    id: props.id,
    name: props.name,
    required: props.required,
    'aria-invalid': props.error ? 'true' : undefined,
    'aria-describedby': props.error ? errorId : undefined,
  } as const;
  return (
    <div class={`fr-input-group${props.error ? ' fr-input-group--error' : ''}`}>
      <label class="fr-label" for={props.id}>
        {props.label}
        {props.hint ? <span class="fr-hint-text">{props.hint}</span> : null}
      </label>
      {props.multiline ? (
        <textarea class="fr-input" rows={5} {...common}>
          {props.value ?? ''}
        </textarea>
      ) : (
        <input
          class="fr-input"
          type={(props.type ?? 'text') as 'text'}
          value={props.value ?? ''}
          autoComplete={props.autocomplete}
          inputMode={props.inputMode}
          {...common}
        />
      )}
      {props.error ? (
        <p id={errorId} class="fr-error-text">
          {props.error}
        </p>
      ) : null}
    </div>
  );
}

export interface Choice {
  value: string;
  label: string;
  hint?: string;
}

export function Select(props: {
  id: string;
  name: string;
  label: string;
  choices: Choice[];
  value?: string;
  error?: string;
}): VNode {
  return (
    <div class={`fr-select-group${props.error ? ' fr-select-group--error' : ''}`}>
      <label class="fr-label" for={props.id}>
        {props.label}
      </label>
      <select class="fr-select" id={props.id} name={props.name}>
        {props.choices.map((choice) => (
          <option value={choice.value} selected={choice.value === (props.value ?? '')}>
            {choice.label}
          </option>
        ))}
      </select>
      {props.error ? <p class="fr-error-text">{props.error}</p> : null}
    </div>
  );
}

/** Radio buttons or checkboxes: one fieldset under its legend, a choice a line. */
function ChoiceFieldset(props: {
  type: 'radio' | 'checkbox';
  name: string;
  legend: string;
  choices: Choice[];
  checked: (value: string) => boolean;
  error?: string;
}): VNode {
  return (
    <fieldset class={`fr-fieldset${props.error ? ' fr-fieldset--error' : ''}`}>
      <legend class="fr-fieldset__legend">{props.legend}</legend>
      {props.choices.map((choice) => (
        <div class="fr-fieldset__element">
          <div class={`fr-${props.type}-group`}>
            <input
              type={props.type}
              id={`${props.name}-${choice.value}`}
              name={props.name}
              value={choice.value}
              checked={props.checked(choice.value)}
            />
            <label class="fr-label" for={`${props.name}-${choice.value}`}>
              {choice.label}
              {choice.hint ? <span class="fr-hint-text">{choice.hint}</span> : null}
            </label>
          </div>
        </div>
      ))}
      {props.error ? <p class="fr-message fr-message--error">{props.error}</p> : null}
    </fieldset>
  );
}

export function Radios(props: {
  name: string;
  legend: string;
  choices: Choice[];
  value?: string;
  error?: string;
}): VNode {
  return <ChoiceFieldset type="radio" {...props} checked={(value) => value === props.value} />;
}

export function Checkboxes(props: { name: string; legend: string; choices: Choice[]; values: string[] }): VNode {
  return <ChoiceFieldset type="checkbox" {...props} checked={(value) => props.values.includes(value)} />;
}

/** "Who may read it?": the TLP labels offered, each with its plain name and who may read it. */
export function TlpRadios(props: { legend: string; tlps: readonly string[]; value: string; error?: string }): VNode {
  return (
    <Radios
      name="tlp"
      legend={props.legend}
      value={props.value}
      error={props.error}
      choices={props.tlps.map((value) => ({ value, label: TLP[value].name, hint: TLP[value].explanation }))}
    />
  );
}

export function Button(props: {
  children: ComponentChildren;
  secondary?: boolean;
  name?: string;
  value?: string;
  danger?: boolean;
}): VNode {
  const kind = props.secondary ? ' fr-btn--secondary' : props.danger ? ' vigie-btn--danger' : '';
  return (
    <button type="submit" class={`fr-btn${kind}`} name={props.name} value={props.value}>
      {props.children}
    </button>
  );
}

/** A preview's last word: send it as shown (`children`, styled `sendClass`), or back to its form (`modifyAction`) to change it. */
export function SendOrModify(props: { sendClass: string; modifyAction: string; children: ComponentChildren }): VNode {
  return (
    <ul class="fr-btns-group fr-btns-group--inline">
      <li>
        <button type="submit" id="envoyer" class={props.sendClass}>
          {props.children}
        </button>
      </li>
      <li>
        <button type="submit" class="fr-btn fr-btn--secondary" formAction={props.modifyAction}>
          Modifier
        </button>
      </li>
    </ul>
  );
}

export function Notice(props: {
  tone: 'error' | 'success' | 'info' | 'warning';
  title: string;
  children?: ComponentChildren;
}): VNode {
  return (
    <div class={`fr-alert fr-alert--${props.tone} fr-mb-3w`} role={props.tone === 'error' ? 'alert' : 'status'}>
      <h2 class="fr-alert__title">{props.title}</h2>
      {props.children ? <div>{props.children}</div> : null}
    </div>
  );
}

export function Table(props: {
  caption: string;
  headers: ComponentChildren[];
  children: ComponentChildren;
  id?: string;
}): VNode {
  return (
    <div class="fr-table fr-table--no-caption-offset" id={props.id}>
      <table>
        <caption>{props.caption}</caption>
        <thead>
          <tr>
            {props.headers.map((header) => (
              <th scope="col">{header}</th>
            ))}
          </tr>
        </thead>
        {props.children}
      </table>
    </div>
  );
}

export function Breadcrumb(props: { trail: { href?: string; label: string }[] }): VNode {
  return (
    <nav role="navigation" class="fr-breadcrumb" aria-label="vous êtes ici :">
      <ol class="fr-breadcrumb__list">
        {props.trail.map((step) => (
          <li>
            {step.href ? (
              <a class="fr-breadcrumb__link" href={step.href}>
                {step.label}
              </a>
            ) : (
              <a class="fr-breadcrumb__link" aria-current="page">
                {step.label}
              </a>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}

/** A form that is one button (delete, revoke, send again): posts the CSRF token and nothing else. */
export function ButtonForm(props: {
  action: string;
  csrfToken: string;
  children: ComponentChildren;
  /** The id of the text the button acts on, read with the button's name by screen readers. */
  describedBy?: string;
  secondary?: boolean;
}): VNode {
  return (
    <form method="post" action={props.action} class="vigie-inline-form">
      <CsrfField token={props.csrfToken} />
      <button
        type="submit"
        class={`fr-btn fr-btn--sm${props.secondary ? ' fr-btn--secondary' : ''}`}
        aria-describedby={props.describedBy}
      >
        {props.children}
      </button>
    </form>
  );
}

/** A secret (an API key, an invitation link) shown once, in a field that is easy to select and copy. */
export function ShownOnce(props: { id: string; label: string; value: string; warning: string }): VNode {
  return (
    <div class="fr-alert fr-alert--warning fr-mb-3w" role="status">
      <h2 class="fr-alert__title">{props.warning}</h2>
      <div class="fr-input-group fr-mt-2w">
        <label class="fr-label" for={props.id}>
          {props.label}
        </label>
        <input
          class="fr-input vigie-secret"
          id={props.id}
          readOnly
          value={props.value}
          autoComplete="off"
          spellcheck={false}
        />
      </div>
    </div>
  );
}

/** A link shown as a button (to a page that asks for confirmation, or to go back). */
export function ButtonLink(props: { href: string; children: ComponentChildren; secondary?: boolean }): VNode {
  return (
    <a class={`fr-btn fr-btn--sm${props.secondary ? ' fr-btn--secondary' : ''}`} href={props.href}>
      {props.children}
    </a>
  );
}

/**
 * Every problem of a form, listed above it under `title` ("Le signalement n’est pas prêt"): the
 * field errors, then a refusal from a service in words, if any. Nothing when there is none.
 */
export function ErrorSummary(props: {
  title: string;
  errors: Record<string, string | undefined>;
  problem?: string | null;
}): VNode | null {
  const messages = [
    ...Object.values(props.errors).filter((message): message is string => Boolean(message)),
    ...(props.problem ? [props.problem] : []),
  ];
  if (messages.length === 0) return null;
  return (
    <Notice tone="error" title={props.title}>
      <ul>
        {messages.map((message) => (
          <li>{message}</li>
        ))}
      </ul>
    </Notice>
  );
}
