export * from './data-source.factory';
export * from './prepared';
