import {
  issueKey,
  prefectureOf,
  registerActivePartner,
  waitUntilAccepted,
  type Partner,
  type RegistryAccess,
  type Stack,
} from '@vigie/testing';
import { PRIVATE_SECURITY, senderAndPrefecture } from '../notification-fixtures';

/** An active security firm of `departments`, a member of the private-security convention unless told otherwise. */
export function securityFirm(
  registry: RegistryAccess,
  name: string,
  departments: string[],
  { conventions = [PRIVATE_SECURITY] }: { conventions?: string[] } = {},
): Promise<Partner> {
  return registerActivePartner(registry, { kind: 'SECURITY_FIRM', name, departments }, { conventions });
}

/** The seeded prefecture of a département, with an API key of its own. */
export async function prefectureWithKey(
  registry: RegistryAccess,
  department: string,
): Promise<{ id: string; name: string; key: string }> {
  const prefecture = await prefectureOf(registry, department);
  return { ...prefecture, key: await issueKey(registry, prefecture.id) };
}

/**
 * A firm that reports and its prefecture (`senderAndPrefecture`), both known to routing, and the
 * firm to notification: the prefecture can send it vigilance messages.
 */
export async function firmAndBroadcastingPrefecture(
  registry: RegistryAccess,
  stack: Stack,
  firmName: string,
  department: string,
): Promise<{ firm: Partner; prefecture: { id: string; name: string; key: string } }> {
  const parties = await senderAndPrefecture(registry, stack, firmName, department);
  await waitUntilAccepted(stack.url('notification'), parties.firm.key);
  await waitUntilAccepted(stack.url('prefect-routing'), parties.firm.key);
  await waitUntilAccepted(stack.url('prefect-routing'), parties.prefecture.key);
  return parties;
}
