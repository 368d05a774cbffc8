const KEY = 'payam.registration';

/** The only thing the browser keeps: which registration this is and its token. All state is on the server. */
export const session = {
  get() {
    try {
      const value = JSON.parse(localStorage.getItem(KEY) ?? 'null');
      return value && typeof value.id === 'string' && typeof value.token === 'string' ? value : null;
    } catch {
      return null;
    }
  },
  save: (id, token) => localStorage.setItem(KEY, JSON.stringify({ id, token })),
  clear: () => localStorage.removeItem(KEY),
};
