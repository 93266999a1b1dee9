export * from './common';
export * from './categories';
export * from './reports';
export * from './stats';
export * from './ioc';
export * from './admin';
export * from './auth';
export * from './review';
