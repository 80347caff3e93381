import { request, type RegistryAccess } from '@vigie/testing';

/** Invites a person into an organisation, as an administrator would: the one-time link's token. */
export async function invite(
  access: RegistryAccess,
  organisationId: string,
  person: { email: string; fullName: string; roles: string[] },
): Promise<string> {
  const invited = await request<{ token: string }>(
    'POST',
    `${access.registryUrl}/v1/organizations/${organisationId}/invitations`,
    {
      key: access.adminKey,
      body: person,
    },
  );
  if (invited.status !== 201) throw new Error(`invitation refused: ${invited.status} ${JSON.stringify(invited.body)}`);
  return invited.body.token;
}

/** A person with a password, through the registry's public API (the browser test does it through the console once). */
export async function personWithPassword(
  access: RegistryAccess,
  organisationId: string,
  person: { email: string; fullName: string; roles: string[]; password: string },
): Promise<void> {
  const { password, ...invited } = person;
  const token = await invite(access, organisationId, invited);
  const accepted = await request('POST', `${access.registryUrl}/v1/invitations/accept`, {
    body: { token, password },
  });
  if (accepted.status !== 201)
    throw new Error(`acceptance refused: ${accepted.status} ${JSON.stringify(accepted.body)}`);
}
