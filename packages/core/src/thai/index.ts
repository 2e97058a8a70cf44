export * from './date.js';
export * from './digits.js';
