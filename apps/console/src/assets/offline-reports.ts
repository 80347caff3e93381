/**
 * Reports made without network. The service worker (sw.ts) keeps the report form available
 * offline; this part keeps a report submitted offline in IndexedDB, under the draft key made
 * when the draft was created, shows it as "en attente d'envoi", and sends it when the network
 * returns. The key is the alert's idempotency key: a retry after a lost answer, a reload, or
 * two tabs sending at once all land on one alert.
 */
import { createStore, del, entries, set, type UseStore } from 'idb-keyval';

interface KeptReport {
  /** Who made it: only that person's session sends it. */
  person: string;
  fields: Record<string, string>;
  keptAt: string;
  /** Set when the console refused it or needs a choice: shown, no longer sent by itself. */
  problem?: string;
}

const store: UseStore = createStore('vigie-signalements', 'en-attente');
let sending = false;

const person = (): string | null => document.body.dataset.person ?? null;

function csrfToken(): string | null {
  return document.querySelector<HTMLInputElement>('input[name=_csrf]')?.value ?? null;
}

function newDraftKey(form: HTMLFormElement): void {
  const field = form.querySelector<HTMLInputElement>('input[name=draftKey]');
  if (field) field.value = crypto.randomUUID();
}

async function keptByMe(): Promise<[string, KeptReport][]> {
  const me = person();
  return ((await entries<string, KeptReport>(store)) ?? []).filter(([, kept]) => kept.person === me);
}

/** The list of kept reports on the report page, with each one's state in words. */
async function showKept(sent: Map<string, string> = new Map()): Promise<void> {
  const section = document.getElementById('brouillons');
  const list = document.getElementById('brouillons-liste');
  if (!section || !list) return;
  const kept = await keptByMe();
  list.replaceChildren();
  for (const [key, report] of kept) {
    const item = document.createElement('li');
    item.dataset.draft = key;
    item.textContent = `« ${report.fields.headline ?? ''} » — ${report.problem ? `à reprendre : ${report.problem}` : 'en attente d’envoi'}`;
    if (report.problem) {
      const resume = document.createElement('button');
      resume.type = 'button';
      resume.className = 'fr-btn fr-btn--sm fr-btn--secondary fr-ml-1w';
      resume.textContent = 'Reprendre dans le formulaire';
      resume.addEventListener('click', () => void resumeInForm(key, report));
      item.append(' ', resume);
    }
    list.append(item);
  }
  for (const [key, href] of sent) {
    const item = document.createElement('li');
    item.dataset.draft = key;
    const link = document.createElement('a');
    link.href = href;
    link.textContent = 'voir l’alerte';
    item.append('Signalement envoyé — ', link);
    list.append(item);
  }
  section.hidden = list.childElementCount === 0;
}

/** A kept report back in the form, its draft key with it: sending it from there still makes one alert. */
async function resumeInForm(key: string, report: KeptReport): Promise<void> {
  const form = document.querySelector<HTMLFormElement>('form[data-report-form]');
  if (!form) return;
  for (const [name, value] of Object.entries(report.fields)) {
    const fields = form.querySelectorAll<HTMLInputElement>(`[name="${CSS.escape(name)}"]`);
    fields.forEach((field) => {
      if (field.type === 'radio' || field.type === 'checkbox') field.checked = field.value === value;
      else field.value = value;
    });
  }
  await del(key, store);
  await showKept();
  form.querySelector<HTMLInputElement>('#communeQuery')?.focus();
}

/** Sends every report this person kept; stops at the first network failure (the rest waits). */
async function sendKept(): Promise<void> {
  const token = csrfToken();
  if (sending || !navigator.onLine || !token || !person()) return;
  sending = true;
  const sent = new Map<string, string>();
  try {
    for (const [key, report] of await keptByMe()) {
      if (report.problem) continue;
      let answer: Response;
      try {
        answer = await fetch('/signalements/hors-ligne', {
          method: 'POST',
          headers: { accept: 'application/json', 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({ ...report.fields, draftKey: key, _csrf: token }),
          credentials: 'same-origin',
        });
      } catch {
        break; // Still no network: kept, tried again at the next "online" or page load.
      }
      // Anything but the console's JSON (a sign-in page, a stale form's CSRF refusal): kept for later.
      if (!answer.headers.get('content-type')?.includes('application/json')) break;
      if (answer.status === 201) {
        const { href } = (await answer.json()) as { href: string };
        await del(key, store);
        sent.set(key, href);
      } else if ([400, 403, 422].includes(answer.status)) {
        const { message } = (await answer.json()) as { message: string };
        await set(key, { ...report, problem: message }, store);
      } else {
        break; // Session ended or the console is unwell: kept for later.
      }
    }
  } finally {
    sending = false;
  }
  await showKept(sent);
}

/** Offline, the form's submission is kept in the browser instead of posted. */
function onSubmit(event: SubmitEvent): void {
  const form = event.currentTarget as HTMLFormElement;
  const me = person();
  if (navigator.onLine || !me) return;
  event.preventDefault();
  // The commune search needs the network: offline, the name or postal code typed is kept as is.
  if (event.submitter?.getAttribute('value') === 'chercher') return;
  const data = new FormData(form, event.submitter);
  const fields: Record<string, string> = {};
  data.forEach((value, name) => {
    if (typeof value === 'string' && name !== '_csrf' && name !== 'action') fields[name] = value;
  });
  const key = fields.draftKey;
  if (!key || !fields.headline) {
    form.querySelector<HTMLInputElement>('#headline')?.focus();
    return;
  }
  void set(key, { person: me, fields, keptAt: new Date().toISOString() } satisfies KeptReport, store).then(async () => {
    form.reset();
    newDraftKey(form);
    await showKept();
  });
}

function showNetwork(): void {
  const notice = document.getElementById('hors-ligne');
  if (notice) notice.hidden = navigator.onLine;
}

export function setUpOfflineReports(): void {
  if ('serviceWorker' in navigator) void navigator.serviceWorker.register('/sw.js').catch(() => undefined);
  // Signing out forgets the cached pages (a shared device); kept reports stay, tied to their person.
  document.querySelectorAll('form[action^="/deconnexion"]').forEach((form) =>
    form.addEventListener('submit', () => {
      void caches?.delete('vigie-hors-ligne');
    }),
  );
  const form = document.querySelector<HTMLFormElement>('form[data-report-form]');
  if (form) {
    // A page served from the cache carries the key of whatever draft was cached: make a new one.
    if (!navigator.onLine) newDraftKey(form);
    form.addEventListener('submit', onSubmit);
    // Offline, the live commune search would only fail: it waits for the network.
    form.addEventListener('htmx:beforeRequest', (event) => {
      if (!navigator.onLine) event.preventDefault();
    });
    showNetwork();
    window.addEventListener('offline', showNetwork);
    window.addEventListener('online', showNetwork);
  }
  window.addEventListener('online', () => void sendKept());
  void showKept().then(sendKept);
}
