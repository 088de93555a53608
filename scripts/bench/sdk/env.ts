// What the two stand-ins (ours.ts, sdk.ts) are told by the bench, through the environment.
export function benchEnv() {
  const env = (name: string) => process.env[name] ?? '';
  return {
    mode: env('BENCH_MODE') as 'none' | 'main' | 'post',
    apiUrl: env('BENCH_API_URL'),
    authUrl: env('BENCH_AUTH_URL'),
    clientId: env('BENCH_CLIENT_ID'),
    clientSecret: env('BENCH_CLIENT_SECRET'),
    project: env('BENCH_PROJECT'),
    keyId: env('BENCH_KEY_ID'),
  };
}
