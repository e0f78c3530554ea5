/** True when CareDesk runs under a test (CAREDESK_TEST set): no update server, throwaway profile allowed. */
export function isTestRun(env: Readonly<Record<string, string | undefined>>): boolean {
  const value = env.CAREDESK_TEST;
  return value !== undefined && value !== '' && value !== '0';
}
