import { z } from 'zod';
import { lazySchema } from './lazy-schema';

// zod 4 probes `new Function('')` to pick a JIT parser; extension CSPs forbid it and
// `web-ext lint` reports it as DANGEROUS_EVAL. Every module imports zod from here.
z.config({ jitless: true });

export { lazySchema, z };
