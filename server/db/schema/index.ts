export * from './areas';
export * from './units';
export * from './categories';
export * from './routing';
export * from './users';
export * from './reports';
export * from './admin';
export * from './spam';
