import type { ComponentChildren, VNode } from 'preact';

export interface Viewer {
  /** Drafts kept in the browser while offline belong to this person only. */
  personId: string;
  fullName: string;
  organisationName: string;
  /** Whether the person's organisation is a prefecture (the duty desk pages). */
  prefecture: boolean;
  /** Whether the person's organisation is the national level (the national pages). */
  national?: boolean;
  /** Whether the person may use the rules test bench (the national level's and prefectures' operators). */
  rulesBench?: boolean;
}

/** What every page of a signed-in person gets from its controller: who is there, and the token its forms post. */
export interface PageFrame {
  viewer: Viewer;
  csrfToken: string;
}

export interface LayoutProps {
  title: string;
  /** Null on pages shown before sign-in. */
  viewer: Viewer | null;
  csrfToken: string | null;
  /** The navigation entry to mark as the current page. */
  section?:
    | 'alertes'
    | 'signaler'
    | 'mes-signalements'
    | 'diffusions-recues'
    | 'diffusions'
    | 'partenaires'
    | 'sites'
    | 'referents'
    | 'carte'
    | 'tendances'
    | 'delais'
    | 'escalades'
    | 'couverture'
    | 'mon-organisation'
    | 'journal'
    | 'banc-de-regles';
  /** An exercise banner across the whole page. */
  exercise?: boolean;
  /**
   * A local path the page moves on to at once (`<meta http-equiv="refresh">`): a navigation the
   * console's own page starts, so that SameSite=Strict cookies go with it.
   */
  moveOnTo?: string;
  children: ComponentChildren;
}

/**
 * Who sees an entry: everyone, the State desks (prefectures, national level), the national
 * level, partners, or those who may use the rules test bench.
 */
type Audience = 'everyone' | 'state' | 'national' | 'partner' | 'rules-bench';

const NAV: { section: NonNullable<LayoutProps['section']>; href: string; label: string; audience: Audience }[] = [
  { section: 'alertes', href: '/alertes', label: 'Alertes', audience: 'everyone' },
  { section: 'signaler', href: '/signalements/nouveau', label: 'Signaler un incident', audience: 'partner' },
  { section: 'mes-signalements', href: '/mes-signalements', label: 'Mes signalements', audience: 'partner' },
  { section: 'diffusions-recues', href: '/diffusions-recues', label: 'Messages reçus', audience: 'partner' },
  { section: 'diffusions', href: '/diffusions/nouvelle', label: 'Diffuser un message', audience: 'state' },
  { section: 'partenaires', href: '/partenaires', label: 'Partenaires', audience: 'state' },
  { section: 'sites', href: '/sites', label: 'Sites', audience: 'state' },
  { section: 'referents', href: '/referents', label: 'Référents', audience: 'state' },
  { section: 'carte', href: '/carte', label: 'Carte de France', audience: 'national' },
  { section: 'tendances', href: '/tendances', label: 'Tendances', audience: 'state' },
  { section: 'delais', href: '/delais-acquittement', label: 'Délais d’acquittement', audience: 'state' },
  { section: 'escalades', href: '/escalades', label: 'Escalades en cours', audience: 'state' },
  { section: 'couverture', href: '/conventions', label: 'Couverture des conventions', audience: 'state' },
  { section: 'mon-organisation', href: '/mon-organisation', label: 'Mon organisation', audience: 'everyone' },
  { section: 'journal', href: '/administration/journal', label: 'Journal d’audit', audience: 'national' },
  {
    section: 'banc-de-regles',
    href: '/administration/banc-de-regles',
    label: 'Banc d’essai des règles',
    audience: 'rules-bench',
  },
];

function shownTo(audience: Audience, viewer: Viewer | null): boolean {
  if (audience === 'everyone') return true;
  if (audience === 'national') return viewer?.national === true;
  if (audience === 'rules-bench') return viewer?.rulesBench === true;
  return audience === 'state' ? viewer?.prefecture === true : viewer?.prefecture === false;
}

/** The page frame: State brand block, navigation, main content, footer (DSFR). */
export function Layout(props: LayoutProps): VNode {
  const csrfHeaders = props.csrfToken ? JSON.stringify({ 'X-CSRF-Token': props.csrfToken }) : undefined;
  return (
    <html lang="fr" data-fr-scheme="light">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1, shrink-to-fit=no" />
        <meta name="format-detection" content="telephone=no" />
        <meta name="htmx-config" content='{"includeIndicatorStyles":false,"allowEval":false,"allowScriptTags":false}' />
        {props.moveOnTo ? <meta http-equiv="refresh" content={`0;url=${props.moveOnTo}`} /> : null}
        <title>{`${props.title} — Vigie`}</title>
        <link rel="icon" href="/ressources/dsfr/favicon/favicon.svg" type="image/svg+xml" />
        <link rel="stylesheet" href="/ressources/dsfr/dsfr.min.css" />
        <link rel="stylesheet" href="/ressources/dsfr/utility/icons/icons.min.css" />
        <link rel="stylesheet" href="/ressources/console.css" />
        <script type="module" src="/ressources/dsfr/dsfr.module.min.js" defer></script>
        <script src="/ressources/htmx.min.js" defer></script>
        <script src="/ressources/sse.js" defer></script>
        <script src="/ressources/console.js" defer></script>
      </head>
      <body hx-headers={csrfHeaders} data-person={props.viewer?.personId}>
        <div class="fr-skiplinks">
          <nav class="fr-container" role="navigation" aria-label="Accès rapide">
            <ul class="fr-skiplinks__list">
              <li>
                <a class="fr-link" href="#contenu">
                  Aller au contenu
                </a>
              </li>
            </ul>
          </nav>
        </div>
        <Header viewer={props.viewer} csrfToken={props.csrfToken} section={props.section} />
        {props.exercise ? (
          <div class="fr-notice fr-notice--warning vigie-exercise-banner" role="note">
            <div class="fr-container">
              <div class="fr-notice__body">
                <p class="fr-notice__title">EXERCICE — ce message n’est pas une situation réelle.</p>
              </div>
            </div>
          </div>
        ) : null}
        <main id="contenu" class="fr-container fr-py-4w" tabIndex={-1}>
          {props.children}
        </main>
        <footer class="fr-footer" role="contentinfo" id="pied">
          <div class="fr-container">
            <div class="fr-footer__body">
              <div class="fr-footer__brand fr-enlarge-link">
                <StateLogo />
              </div>
              <div class="fr-footer__content">
                <p class="fr-footer__content-desc">
                  Vigie partage les alertes de sécurité entre les services de l’État et leurs partenaires privés.
                </p>
              </div>
            </div>
          </div>
        </footer>
      </body>
    </html>
  );
}

/** The State's block mark (Marianne's wording), in the header and the footer. */
function StateLogo(): VNode {
  return (
    <p class="fr-logo">
      République
      <br />
      Française
    </p>
  );
}

function Header(props: Pick<LayoutProps, 'viewer' | 'csrfToken' | 'section'>): VNode {
  const entries = NAV.filter((entry) => shownTo(entry.audience, props.viewer));
  return (
    <header role="banner" class="fr-header">
      <div class="fr-header__body">
        <div class="fr-container">
          <div class="fr-header__body-row">
            <div class="fr-header__brand fr-enlarge-link">
              <div class="fr-header__brand-top">
                <div class="fr-header__logo">
                  <StateLogo />
                </div>
                {props.viewer ? (
                  <div class="fr-header__navbar">
                    <button
                      type="button"
                      class="fr-btn--menu fr-btn"
                      data-fr-opened="false"
                      aria-controls="menu-principal"
                      aria-haspopup="menu"
                      id="menu-principal-bouton"
                      title="Menu"
                    >
                      Menu
                    </button>
                  </div>
                ) : null}
              </div>
              <div class="fr-header__service">
                <a href={props.viewer ? '/alertes' : '/connexion'} title="Accueil — Vigie">
                  <p class="fr-header__service-title">Vigie</p>
                </a>
                <p class="fr-header__service-tagline">Alertes partagées entre l’État et ses partenaires</p>
              </div>
            </div>
            {props.viewer ? (
              <div class="fr-header__tools">
                <div class="fr-header__tools-links">
                  <p class="fr-text--sm fr-mb-1w">
                    {props.viewer.fullName} — {props.viewer.organisationName}
                  </p>
                  <form method="post" action="/deconnexion" class="vigie-inline-form">
                    <input type="hidden" name="_csrf" value={props.csrfToken ?? ''} />
                    <button
                      type="submit"
                      data-sign-out="true"
                      class="fr-btn fr-btn--tertiary fr-btn--sm fr-icon-logout-box-r-line fr-btn--icon-left"
                    >
                      Se déconnecter
                    </button>
                  </form>
                  <form method="post" action="/deconnexion-partout" class="vigie-inline-form">
                    <input type="hidden" name="_csrf" value={props.csrfToken ?? ''} />
                    <button type="submit" class="fr-btn fr-btn--tertiary-no-outline fr-btn--sm">
                      Se déconnecter de tous mes appareils
                    </button>
                  </form>
                </div>
              </div>
            ) : null}
          </div>
        </div>
      </div>
      {props.viewer ? (
        <div class="fr-header__menu fr-modal" id="menu-principal" aria-labelledby="menu-principal-bouton">
          <div class="fr-container">
            <button type="button" class="fr-btn--close fr-btn" aria-controls="menu-principal" title="Fermer">
              Fermer
            </button>
            <div class="fr-header__menu-links"></div>
            <nav class="fr-nav" role="navigation" aria-label="Menu principal">
              <ul class="fr-nav__list">
                {entries.map((entry) => (
                  <li class="fr-nav__item">
                    <a
                      class="fr-nav__link"
                      href={entry.href}
                      aria-current={props.section === entry.section ? 'page' : undefined}
                    >
                      {entry.label}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
          </div>
        </div>
      ) : null}
    </header>
  );
}
