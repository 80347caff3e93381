/**
 * The console's own script, loaded after htmx and its SSE extension. Everything works without
 * it; it adds the cue for urgent alerts, live countdowns, live-feed status, printing, and
 * reports kept while offline.
 * Bundled by esbuild into /ressources/console.js (budget: 60 KB gzipped, checked by a test).
 */

import { setUpOfflineReports } from './offline-reports';

const URGENT = new Set(['Extreme', 'Severe']);
let audio: AudioContext | null = null;

/** A short two-tone beep for Extreme and Severe alerts (browsers allow it after a first click). */
function beep(): void {
  try {
    audio ??= new AudioContext();
    const now = audio.currentTime;
    [880, 660].forEach((frequency, index) => {
      const oscillator = audio!.createOscillator();
      const gain = audio!.createGain();
      oscillator.frequency.value = frequency;
      gain.gain.setValueAtTime(0.15, now + index * 0.25);
      gain.gain.exponentialRampToValueAtTime(0.001, now + index * 0.25 + 0.22);
      oscillator.connect(gain).connect(audio!.destination);
      oscillator.start(now + index * 0.25);
      oscillator.stop(now + index * 0.25 + 0.23);
    });
  } catch {
    // No sound available: the visual cue remains.
  }
}

function announce(text: string): void {
  const status = document.getElementById('flux-etat');
  if (status) status.textContent = text;
}

/** A new row arrived on the live feed: announce it, and flag urgent ones by sound and colour. */
function onNewRow(event: Event): void {
  const target = (event as CustomEvent<{ elt?: Element }>).detail?.elt ?? (event.target as Element | null);
  const row =
    target?.querySelector?.('tr[data-severity]') ?? (target?.matches?.('tbody') ? target.firstElementChild : null);
  if (!row) return;
  const headline = row.querySelector('a')?.textContent ?? 'nouvelle alerte';
  const severity = row.getAttribute('data-severity') ?? '';
  announce(`Nouvelle alerte : ${headline}`);
  if (URGENT.has(severity)) {
    beep();
    document.body.classList.add('vigie-urgent-flash');
    window.setTimeout(() => document.body.classList.remove('vigie-urgent-flash'), 4000);
  }
}

const MINUTE = 60_000;

/** "dans 12 min" / "dépassé de 3 min" beside each acknowledgement deadline. */
function refreshCountdowns(): void {
  document.querySelectorAll<HTMLTimeElement>('time.vigie-countdown').forEach((time) => {
    const deadline = Date.parse(time.dateTime);
    if (Number.isNaN(deadline)) return;
    const minutes = Math.round((deadline - Date.now()) / MINUTE);
    let hint = time.nextElementSibling as HTMLElement | null;
    if (!hint || !hint.classList.contains('vigie-countdown-hint')) {
      hint = document.createElement('span');
      hint.className = 'vigie-countdown-hint';
      time.after(hint);
    }
    hint.textContent = minutes >= 0 ? ` (dans ${minutes} min)` : ` (dépassé de ${-minutes} min)`;
  });
}

function onReady(): void {
  document.body.addEventListener('htmx:sseMessage', onNewRow);
  // A page says what its live part shows (data-connected on its status region); the feed's words otherwise.
  document.body.addEventListener('htmx:sseOpen', () =>
    announce(
      document.getElementById('flux-etat')?.dataset.connected ??
        'Flux en direct : connecté. Les nouvelles alertes s’affichent ici.',
    ),
  );
  document.body.addEventListener('htmx:sseError', () => announce('Flux en direct interrompu : reconnexion en cours…'));
  document.querySelectorAll('[data-print]').forEach((button) => button.addEventListener('click', () => window.print()));
  refreshCountdowns();
  window.setInterval(refreshCountdowns, 30_000);
  setUpOfflineReports();
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', onReady);
else onReady();
