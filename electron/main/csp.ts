/**
 * The renderer's Content Security Policy. Sent as a header by the app:// protocol handler, and mirrored in
 * renderer/index.html's meta tag so the page is protected however it is loaded (the browser test host too).
 */
const DIRECTIVES = [
  "default-src 'self'",
  "script-src 'self'",
  // Mantine and React set style attributes at runtime.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
];

/** The header value. */
export const CONTENT_SECURITY_POLICY = DIRECTIVES.join('; ');

/** The meta-tag value: browsers ignore frame-ancestors in a meta tag, so it lives in the header only. */
export const CONTENT_SECURITY_POLICY_META = DIRECTIVES.filter((directive) => !directive.startsWith('frame-ancestors')).join('; ');
