import type { VNode } from 'preact';
import { Notice } from '../../components/form';
import { Layout } from '../../components/layout';
import type { RefusalModel } from './state-sign-in.model';

export function StateSignInRefusedPage(model: RefusalModel): VNode {
  return (
    <Layout title={model.title} viewer={null} csrfToken={null}>
      <h1>{model.title}</h1>
      <Notice tone="error" title="La connexion avec l’identité de l’État n’a pas abouti.">
        <p>{model.message}</p>
      </Notice>
      <a class="fr-btn" href="/connexion">
        Retour à la page de connexion
      </a>
    </Layout>
  );
}

/** Signed in: the console's own page moves on (a same-site navigation, with the session cookie). */
export function MovingOnPage(model: { to: string }): VNode {
  return (
    <Layout title="Connexion réussie" viewer={null} csrfToken={null} moveOnTo={model.to}>
      <h1>Connexion réussie</h1>
      <p>
        <a href={model.to}>Continuer vers Vigie</a>
      </p>
    </Layout>
  );
}
