export * from './compileNetwork.js';
