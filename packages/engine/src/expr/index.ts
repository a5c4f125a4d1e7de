export * from './ast.js';
export * from './parse.js';
export * from './compile.js';
