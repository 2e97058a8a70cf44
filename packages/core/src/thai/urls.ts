/** Whether a web address can be followed and shown decoded; one that cannot is kept as text. */
export function isWellFormedUrl(url: string): boolean {
  try {
    decodeURI(url);
    return /^https?:$/.test(new URL(url).protocol);
  } catch {
    return false;
  }
}

/**
 * A web address as people read it, with its Thai decoded
 * (`…/page/sub/10676/%E0%B9%82…` → `…/page/sub/10676/โครงสร้าง`), or as written when it
 * cannot be decoded (`%E0%B8` alone).
 */
export function readableUrl(url: string): string {
  try {
    return decodeURI(url);
  } catch {
    return url;
  }
}
