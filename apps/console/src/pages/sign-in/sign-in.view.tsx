import type { VNode } from 'preact';
import { CsrfField, Field, Notice } from '../../components/form';
import { Layout } from '../../components/layout';
import { OrSeparator, StateSignInButton } from '../../components/state-sign-in';

export interface SignInModel {
  csrfToken: string;
  email: string;
  returnTo: string;
  error: string | null;
  info: string | null;
  /** State sign-in (OpenID Connect) is configured: its button comes first. */
  stateSignIn: boolean;
}

export function SignInPage(model: SignInModel): VNode {
  return (
    <Layout title="Se connecter" viewer={null} csrfToken={model.csrfToken}>
      <div class="fr-grid-row fr-grid-row--center">
        <div class="fr-col-12 fr-col-md-8 fr-col-lg-6">
          <h1>Se connecter à Vigie</h1>
          {model.info ? <Notice tone="success" title={model.info} /> : null}
          {model.error ? <Notice tone="error" title={model.error} /> : null}
          {model.stateSignIn ? (
            <>
              <StateSignInButton csrfToken={model.csrfToken} returnTo={model.returnTo} />
              <OrSeparator />
            </>
          ) : null}
          <form method="post" action="/connexion">
            <CsrfField token={model.csrfToken} />
            <input type="hidden" name="suite" value={model.returnTo} />
            <Field
              id="email"
              name="email"
              type="email"
              label="Adresse électronique"
              autocomplete="username"
              value={model.email}
              required
            />
            <Field
              id="password"
              name="password"
              type="password"
              label="Mot de passe"
              autocomplete="current-password"
              required
            />
            <button type="submit" class="fr-btn">
              Se connecter
            </button>
          </form>
          <p class="fr-mt-3w fr-text--sm">
            Pas encore de compte ? Votre organisation ou la préfecture vous envoie un lien d’invitation.
          </p>
        </div>
      </div>
    </Layout>
  );
}

export interface InvitationModel {
  csrfToken: string;
  token: string;
  invitation: { email: string; fullName: string; organisationName: string } | null;
  error: string | null;
}

export function InvitationPage(model: InvitationModel): VNode {
  return (
    <Layout title="Créer mon compte" viewer={null} csrfToken={model.csrfToken}>
      <div class="fr-grid-row fr-grid-row--center">
        <div class="fr-col-12 fr-col-md-8 fr-col-lg-6">
          <h1>Créer mon compte</h1>
          {model.invitation ? (
            <>
              <p>
                {model.invitation.fullName}, vous êtes invité(e) à rejoindre Vigie pour{' '}
                {model.invitation.organisationName} avec l’adresse {model.invitation.email}.
              </p>
              {model.error ? <Notice tone="error" title={model.error} /> : null}
              <form method="post" action={`/invitation/${encodeURIComponent(model.token)}`}>
                <CsrfField token={model.csrfToken} />
                <Field
                  id="password"
                  name="password"
                  type="password"
                  label="Mot de passe"
                  hint="Au moins 12 caractères."
                  autocomplete="new-password"
                  required
                />
                <button type="submit" class="fr-btn">
                  Créer mon compte
                </button>
              </form>
            </>
          ) : (
            <>
              <Notice tone="error" title={model.error ?? 'Ce lien d’invitation n’est pas valide.'} />
              <a class="fr-btn" href="/connexion">
                Se connecter
              </a>
            </>
          )}
        </div>
      </div>
    </Layout>
  );
}
