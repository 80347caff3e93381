export * from './geography';
export * from './commune-search';
