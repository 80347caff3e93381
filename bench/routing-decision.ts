import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import {
  AlertCertainty,
  AlertEventCode,
  AlertSeverity,
  AlertStatus,
  AlertUrgency,
  OrganisationKind,
  OrganisationStatus,
  Sector,
  Tlp,
} from '@vigie/contracts';
import { DEFAULT_RULES } from '../apps/prefect-routing/src/rule-engine/default-rules';
import type { DirectoryEntry } from '../apps/prefect-routing/src/rule-engine/directory-entry';
import { decide, type RoutableMessage } from '../apps/prefect-routing/src/rule-engine/routing.rules';

/**
 * The CPU one routing decision costs as the directory grows to a national one: a prefecture in
 * each of 95 départements and N partners spread over them, each subscribed to every alert of its
 * own département under its convention, held frozen as routing holds its directory. An alert in the Rhône is decided
 * with the default rules. Prints milliseconds per decision for each directory size; compare two
 * builds by running each in turn (`node dist/bench/routing-decision.js [sizes, comma-separated]`).
 */

const DEPARTMENTS = Array.from({ length: 95 }, (_, n) => String(n + 1).padStart(2, '0'))
  .filter((code) => code !== '20')
  .concat(['2A', '2B']);

/** One convention per département, every partner a member of its own département's. */
const CONVENTIONS = new Map(DEPARTMENTS.map((code) => [code, randomUUID()]));

function nationalDirectory(partners: number): readonly DirectoryEntry[] {
  const organisation = (name: string, kind: OrganisationKind, department: string): DirectoryEntry => ({
    id: randomUUID(),
    name,
    kind,
    status: OrganisationStatus.Active,
    departments: [department],
    sector: kind === OrganisationKind.Prefecture ? null : Sector.PrivateSecurity,
    conventions:
      kind === OrganisationKind.Prefecture
        ? []
        : [{ conventionId: CONVENTIONS.get(department)!, sector: Sector.PrivateSecurity, departments: [department] }],
    subscriptions:
      kind === OrganisationKind.Prefecture
        ? []
        : [
            {
              id: randomUUID(),
              departments: [department],
              eventCodes: [],
              minimumSeverity: AlertSeverity.Minor,
              sectors: [],
              includeExercises: false,
            },
          ],
  });
  const entries = DEPARTMENTS.map((code) => organisation(`Préfecture ${code}`, OrganisationKind.Prefecture, code));
  for (let n = 0; n < partners; n++) {
    entries.push(organisation(`Partner ${n}`, OrganisationKind.SecurityFirm, DEPARTMENTS[n % DEPARTMENTS.length]));
  }
  return Object.freeze(entries);
}

const sizes = (process.argv[2] ?? '1000,10000,50000').split(',').map(Number);
for (const partners of sizes) {
  const directory = nationalDirectory(partners);
  const alert: RoutableMessage = {
    // A partner of the Rhône: the others of its convention there receive the alert.
    senderOrganisationId: directory.findLast((entry) => entry.departments[0] === '69')!.id,
    status: AlertStatus.Actual,
    tlp: Tlp.Green,
    personalData: false,
    location: { department: '69', communeName: 'Lyon' },
    info: [
      {
        eventCode: AlertEventCode.Intrusion,
        severity: AlertSeverity.Moderate,
        urgency: AlertUrgency.Immediate,
        certainty: AlertCertainty.Observed,
      },
    ],
  };
  const options = { rules: DEFAULT_RULES, namedRecipients: [] };
  for (let n = 0; n < 200; n++) decide(alert, directory, options);
  const runs = Math.max(50, Math.round(2_000_000 / directory.length));
  const started = process.cpuUsage();
  let recipients = 0;
  for (let n = 0; n < runs; n++) recipients = decide(alert, directory, options).recipients.length;
  const used = process.cpuUsage(started);
  const ms = (used.user + used.system) / 1000 / runs;
  console.log(`${directory.length} organisations: ${ms.toFixed(3)} ms of CPU per decision (${recipients} recipients)`);
}
