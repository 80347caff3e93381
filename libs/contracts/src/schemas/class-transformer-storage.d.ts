// class-transformer keeps the @Type() metadata (which class a nested property holds) in a
// storage it exports only from its CommonJS build, its types being published apart.
declare module 'class-transformer/cjs/storage' {
  export { defaultMetadataStorage } from 'class-transformer/types/storage';
}
