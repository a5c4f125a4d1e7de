export { exp, log, pow } from './portableMath.js';
