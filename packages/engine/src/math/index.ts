export { cos, exp, expm1, log, log10, log1p, pow, sin } from './portableMath.js';
