import type { VNode } from 'preact';
import { Layout, type Viewer } from '../../components/layout';

export interface ErrorModel {
  status: number;
  title: string;
  message: string;
  viewer: Viewer | null;
  csrfToken: string | null;
}

export function ErrorPage(model: ErrorModel): VNode {
  return (
    <Layout title={model.title} viewer={model.viewer} csrfToken={model.csrfToken}>
      <h1>{model.title}</h1>
      <p class="fr-text--lead">{model.message}</p>
      <p>Code d’erreur : {model.status}</p>
      <ul class="fr-btns-group fr-btns-group--inline">
        <li>
          <a class="fr-btn" href="/alertes">
            Retour aux alertes
          </a>
        </li>
      </ul>
    </Layout>
  );
}
