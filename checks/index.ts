import type { Check } from '../src/engine/types.js';
import committedSecret from './security/committed-secret.js';

/** Every check, explicitly; a test keeps this list and the files under checks/ in step. */
export const checks: readonly Check[] = [committedSecret];
