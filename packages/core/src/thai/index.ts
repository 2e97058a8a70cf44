export * from './date.js';
export * from './digits.js';
export * from './words.js';
export * from './urls.js';
