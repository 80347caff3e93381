/**
 * What `npm run demo` seeds for the console, through the public APIs only: a night of alerts in
 * the Rhône (several firms, severities and types, an update chain, a cancellation, an exercise,
 * an escalation under way), a few elsewhere, a broadcast, and the demo's person accounts.
 */
import {
  registerActivePartner,
  request,
  waitUntilAccepted,
  type Partner,
  type RegistryAccess,
  type Stack,
} from '../libs/testing/src';

export interface DemoAccounts {
  officer: { email: string; password: string };
  firmUser: { email: string; password: string; organisation: string };
  invitationPath: string;
}

interface NightContext {
  stack: Stack;
  registry: RegistryAccess;
  prefecture: { id: string; key: string };
  firm: Partner;
}

const stamp = (): string => new Date().toISOString().slice(11, 19);

function alert(
  commune: string,
  eventCode: string,
  severity: string,
  headline: string,
  extra: Record<string, unknown> = {},
): object {
  return {
    status: 'Actual',
    tlp: 'AMBER',
    location: { commune },
    ...extra,
    info: [
      {
        category: ['Security'],
        eventCode,
        urgency: severity === 'Minor' ? 'Expected' : 'Immediate',
        severity,
        certainty: 'Observed',
        headline,
        description: 'Signalé par l’agent de permanence ; les forces de l’ordre sont informées.',
      },
    ],
  };
}

async function post(stack: Stack, key: string, path: string, body: object): Promise<string> {
  const answer = await request<{ id: string }>('POST', `${stack.url('alert-ingestion')}${path}`, { key, body });
  if (answer.status !== 201) throw new Error(`${path} refused: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body.id;
}

async function firmOf(
  registry: RegistryAccess,
  stack: Stack,
  name: string,
  department: string,
  conventions: string[],
): Promise<Partner> {
  const firm = await registerActivePartner(
    registry,
    { kind: 'SECURITY_FIRM', name: `${name} ${stamp()}`, departments: [department] },
    { conventions },
  );
  await waitUntilAccepted(stack.url('alert-ingestion'), firm.key);
  return firm;
}

/** A dozen alerts and a broadcast; returns how many alerts were sent. */
export async function seedNight(context: NightContext): Promise<number> {
  const { stack, registry, prefecture, firm } = context;
  const lyonWatch = await firmOf(registry, stack, 'Veille Lyonnaise', '69', ['private-security-2019']);
  const subscription = await request('POST', `${registry.registryUrl}/v1/organizations/${lyonWatch.id}/subscriptions`, {
    key: lyonWatch.key,
    body: { departments: ['69'], eventCodes: ['intrusion', 'armed-robbery', 'theft'], minimumSeverity: 'Minor' },
  });
  if (subscription.status !== 201) throw new Error(`subscription refused: ${subscription.status}`);
  const provence = await firmOf(registry, stack, 'Sécurité Phocéenne', '13', ['private-security-2019']);
  const flandres = await firmOf(registry, stack, 'Flandres Protection', '59', ['private-security-2019']);

  let sent = 0;
  const send = async (key: string, body: object): Promise<string> => {
    sent++;
    return post(stack, key, '/v1/alerts', body);
  };
  await send(firm.key, alert('69266', 'theft', 'Moderate', 'Vol de câbles sur un chantier, Villeurbanne'));
  // Extreme and not acknowledged: its escalation runs, with its countdown.
  await send(
    lyonWatch.key,
    alert('69259', 'armed-robbery', 'Extreme', 'Vol à main armée en cours, bijouterie de Vénissieux'),
  );
  await send(firm.key, alert('69123', 'drone-overflight', 'Minor', 'Survol de drone au-dessus du parc de Gerland'));
  const packageId = await send(
    lyonWatch.key,
    alert('69029', 'suspicious-package', 'Severe', 'Colis suspect, galerie marchande de Bron'),
  );
  sent++;
  await post(
    stack,
    lyonWatch.key,
    `/v1/alerts/${packageId}/updates`,
    alert('69029', 'suspicious-package', 'Moderate', 'Colis suspect de Bron : périmètre levé, démineurs sur place'),
  );
  const falseAlarm = await send(
    firm.key,
    alert('69034', 'suspicious-behaviour', 'Moderate', 'Individus en repérage, zone d’activités de Caluire'),
  );
  sent++;
  await post(stack, firm.key, `/v1/alerts/${falseAlarm}/cancel`, { note: 'Fausse alerte : livreurs identifiés' });
  await send(
    firm.key,
    alert('69123', 'terrorist-threat', 'Extreme', 'EXERCICE — menace sur la gare Part-Dieu', { status: 'Exercise' }),
  );
  await send(lyonWatch.key, alert('69290', 'fire', 'Moderate', 'Départ de feu dans un entrepôt, Saint-Priest'));
  await send(
    firm.key,
    alert('69264', 'crowd-disorder', 'Moderate', 'Rixe à la sortie d’une discothèque, Villefranche-sur-Saône'),
  );
  await send(
    lyonWatch.key,
    alert('69091', 'cyber-incident', 'Minor', 'Rançongiciel sur le contrôle d’accès d’un site, Givors'),
  );
  const acknowledged = await send(
    firm.key,
    alert('69123', 'intrusion', 'Severe', 'Intrusion dans un dépôt de bus, Lyon 8e'),
  );
  await send(provence.key, alert('13055', 'intrusion', 'Severe', 'Intrusion sur le port autonome de Marseille'));
  await send(flandres.key, alert('59350', 'theft', 'Minor', 'Vol à l’étalage en réunion, Lille'));

  await waitUntilAccepted(stack.url('notification'), prefecture.key);
  for (let attempt = 0; attempt < 50; attempt++) {
    const ack = await request('POST', `${stack.url('notification')}/v1/alerts/${acknowledged}/acknowledgements`, {
      key: prefecture.key,
    });
    if (ack.status === 201 || ack.status === 200) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await waitUntilAccepted(stack.url('prefect-routing'), prefecture.key);
  const broadcast = await request('POST', `${stack.url('prefect-routing')}/v1/broadcasts`, {
    key: prefecture.key,
    body: {
      headline: 'Vigilance renforcée : vols de câbles de cuivre',
      description:
        'Plusieurs vols sur des chantiers de l’est lyonnais cette semaine. Signalez tout véhicule en repérage.',
      severity: 'Moderate',
      tlp: 'GREEN',
    },
  });
  if (broadcast.status !== 201) throw new Error(`broadcast refused: ${broadcast.status}`);
  return sent;
}

/** Signs in, or creates the person through an invitation the first time (the demo database persists). */
async function ensurePerson(
  registry: RegistryAccess,
  organisationId: string,
  person: { email: string; fullName: string; roles: string[]; password: string },
): Promise<void> {
  const session = await request('POST', `${registry.registryUrl}/v1/sessions`, {
    body: { email: person.email, password: person.password },
  });
  if (session.status === 201) return;
  const invited = await request<{ token: string }>(
    'POST',
    `${registry.registryUrl}/v1/organizations/${organisationId}/invitations`,
    {
      key: registry.adminKey,
      body: { email: person.email, fullName: person.fullName, roles: person.roles },
    },
  );
  if (invited.status !== 201) throw new Error(`invitation refused: ${invited.status} ${JSON.stringify(invited.body)}`);
  const accepted = await request('POST', `${registry.registryUrl}/v1/invitations/accept`, {
    body: { token: invited.body.token, password: person.password },
  });
  if (accepted.status !== 201)
    throw new Error(`invitation not accepted: ${accepted.status} ${JSON.stringify(accepted.body)}`);
}

/** The Rhône duty officer, a user of the Lyon firm, and a fresh invitation link. */
export async function demoAccounts(
  registry: RegistryAccess,
  prefectureId: string,
  firm: Partner,
): Promise<DemoAccounts> {
  const officer = { email: 'permanence@rhone.gouv.fr', password: 'permanence-rhone-69' };
  await ensurePerson(registry, prefectureId, { ...officer, fullName: 'Camille Durand', roles: ['DUTY_OFFICER'] });
  const firmUser = { email: `operateur-${firm.id.slice(0, 8)}@gardiennage.example`, password: 'gardiennage-lyon-69' };
  await ensurePerson(registry, firm.id, { ...firmUser, fullName: 'Sam Bernard', roles: ['DUTY_OFFICER'] });
  const invitation = await request<{ token: string }>(
    'POST',
    `${registry.registryUrl}/v1/organizations/${prefectureId}/invitations`,
    {
      key: registry.adminKey,
      body: {
        email: `adjoint-${stamp().replace(/:/g, '')}@rhone.gouv.fr`,
        fullName: 'Dominique Petit',
        roles: ['DUTY_OFFICER'],
      },
    },
  );
  if (invitation.status !== 201) throw new Error(`invitation refused: ${invitation.status}`);
  return {
    officer,
    firmUser: { ...firmUser, organisation: firm.name },
    invitationPath: `/invitation/${invitation.body.token}`,
  };
}
