/**
 * The only links Pipewright hands to the system browser: https pages of the AWS console and
 * documentation. Everything else is refused, so a crafted document or a compromised renderer
 * cannot make the OS open arbitrary URLs or schemes (file:, smb:, custom handlers).
 */
const ALLOWED_HOST = /^(?:[a-z0-9-]+\.)*aws\.amazon\.com$/;

/** The normalized URL when it may be opened externally, otherwise undefined. */
export function allowedExternalUrl(raw: string): string | undefined {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return undefined;
  }
  if (url.protocol !== "https:") return undefined;
  // Credentials in the URL are a classic way to disguise the real host (https://aws.amazon.com@evil).
  if (url.username !== "" || url.password !== "") return undefined;
  if (url.port !== "") return undefined;
  if (!ALLOWED_HOST.test(url.hostname)) return undefined;
  return url.href;
}
