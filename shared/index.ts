export * from './domain';
export * from './schemas';
export * from './realtime/events';
