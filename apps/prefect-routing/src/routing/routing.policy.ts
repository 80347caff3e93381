import type { AlertSnapshot, RoutedRecipient } from '@vigie/contracts';

export interface Prefecture {
  id: string;
  name: string;
  departments: string[];
}

export const COMPETENT_PREFECTURE_RULE = 'competent-prefecture';

/**
 * Who receives an alert, each with the rule and a sentence saying why. Today: the active
 * prefecture(s) competent for the alert's département.
 */
export function decideRecipients(alert: AlertSnapshot, prefectures: Prefecture[]): RoutedRecipient[] {
  const { department, communeName } = alert.location;
  return prefectures
    .filter((prefecture) => prefecture.departments.includes(department))
    .map((prefecture) => ({
      organisationId: prefecture.id,
      rule: COMPETENT_PREFECTURE_RULE,
      reason: `${prefecture.name} is competent for département ${department}${communeName ? ` (${communeName})` : ''}`,
    }));
}
