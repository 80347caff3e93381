export * from './topics';
export * from './envelope';
export * from './vocabulary/organisation';
export * from './vocabulary/alert';
export * from './events/alert-snapshot';
export * from './events/alert-submitted.v1';
export * from './events/alert-routed.v1';
export * from './events/partner-changed.v1';
