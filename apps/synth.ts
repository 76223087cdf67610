import { synthEntry } from './synth/synth-entry';

/** `npm run synth`: regenerate dist/ (or check it) for every environment or one. */
synthEntry(async () => (await import('../environments')).ENVIRONMENTS);
