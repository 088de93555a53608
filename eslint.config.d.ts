// Types of eslint.config.js for the test that keeps docs/ARCHITECTURE.md's folder table equal to ROOMS.
export declare const ROOMS: Record<string, { may: readonly string[]; types?: readonly string[] }>;
declare const config: unknown;
export default config;
