export * from './geography';
export * from './commune-search';
export * from './commune-map';
