/**
 * The intrusion the demo (scripts/demo.ts) and the alert-flow specs post, as a firm's alarm centre
 * writes its info block: a warehouse of the quai Rambaud, in Lyon, broken into.
 */
export const quaiRambaudIntrusion = {
  category: ['Security'],
  eventCode: 'intrusion',
  urgency: 'Immediate',
  severity: 'Severe',
  certainty: 'Observed',
  headline: 'Intrusion en cours, entrepôt quai Rambaud',
};
