import type { VNode } from 'preact';
import { CsrfField } from './form';

/** The way in with the State's agent identity, beside the password form (a form: it works without JavaScript). */
export function StateSignInButton(props: { csrfToken: string; returnTo: string }): VNode {
  return (
    <form method="post" action="/connexion/etat" class="fr-mb-4w">
      <CsrfField token={props.csrfToken} />
      <input type="hidden" name="suite" value={props.returnTo} />
      <button type="submit" class="fr-btn fr-btn--secondary fr-icon-government-line fr-btn--icon-left">
        Se connecter avec l’identité de l’État
      </button>
      <p class="fr-hint-text fr-mt-1w">
        Agents des préfectures, des forces de sécurité de l’État et du niveau national.
      </p>
    </form>
  );
}

/** What separates two ways of signing in. */
export function OrSeparator(): VNode {
  return <p class="fr-hr-or">ou</p>;
}
