import { APPS } from './apps';
import { DATABASES } from './databases';
import { FAMILIES } from './families';
import { QUEUES } from './queues';
import type { ImageEntry } from './types';

/**
 * The built-in knowledge base: where images keep their state. Data only — every
 * entry names the documentation that says so (see docs/images.md, generated from it).
 * Users add or override entries with `images` in `.vsaferc.json`.
 */
export const IMAGES: readonly ImageEntry[] = [...DATABASES, ...QUEUES, ...APPS, ...FAMILIES];
