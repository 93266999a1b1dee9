export * from './roles';
export * from './statuses';
export * from './channels';
export * from './lifecycle';
export * from './limits';
export * from './errors';
