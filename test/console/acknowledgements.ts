import { request, type Stack } from '@vigie/testing';

/** An acknowledgement as notification lists it: the organisation, and the person who made it, if any. */
export interface ListedAcknowledgement {
  organisationId: string;
  person: { name: string } | null;
}

/** The acknowledgements notification holds of an alert or a vigilance message, as the organisation of `key` reads them. */
export async function acknowledgementsOf(
  stack: Stack,
  subject: { alert: string } | { broadcast: string },
  key: string,
): Promise<ListedAcknowledgement[]> {
  const path = 'alert' in subject ? `alerts/${subject.alert}` : `broadcasts/${subject.broadcast}`;
  const listed = await request<ListedAcknowledgement[]>(
    'GET',
    `${stack.url('notification')}/v1/${path}/acknowledgements`,
    { key },
  );
  return listed.body;
}
