/**
 * A signed-in session kept for this tab only (sessionStorage): closing the tab signs out, and the
 * token never outlives its expiry on the page. Staff pages share one key; the account login has its own.
 */
export function storedSession(key) {
  return {
    get() {
      try {
        const value = JSON.parse(sessionStorage.getItem(key) ?? 'null');
        return value && typeof value.token === 'string' && new Date(value.expiresAt) > new Date() ? value : null;
      } catch {
        return null;
      }
    },
    save: (value) => sessionStorage.setItem(key, JSON.stringify(value)),
    clear: () => sessionStorage.removeItem(key),
  };
}
