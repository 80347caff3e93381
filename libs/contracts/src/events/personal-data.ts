import type { AlertSnapshot } from './alert-snapshot';

/**
 * The alert without what may identify a person: free text, contacts, attachments and precise
 * shapes go; the facts used for statistics stay (status, category, event code, urgency,
 * severity, certainty, dates, commune and département, TLP). The headline becomes the event.
 */
export function withoutPersonalData(alert: AlertSnapshot): AlertSnapshot {
  const place = alert.location.communeName ?? `département ${alert.location.department}`;
  return {
    ...alert,
    note: undefined,
    info: alert.info.map((info) => ({
      ...info,
      headline: info.event,
      description: undefined,
      instruction: undefined,
      contact: undefined,
      senderName: undefined,
      web: undefined,
      audience: undefined,
      parameter: [],
      resource: [],
      area: info.area.map((area) => ({ areaDesc: place, polygon: [], circle: [], geocode: area.geocode })),
    })),
  };
}
