/**
 * Captcha answers kept in memory for automated tests only (TEST_HOOKS, refused in production), so a
 * browser test can read what a person would read off the image. Entries go when the challenge expires.
 */
export function createTestAnswers(ttlSeconds: number) {
  const answers = new Map<string, string>();
  return {
    remember(id: string, answer: string) {
      answers.set(id, answer);
      setTimeout(() => answers.delete(id), ttlSeconds * 1000).unref();
    },
    answerOf: (id: string) => answers.get(id),
  };
}

export type TestAnswers = ReturnType<typeof createTestAnswers>;
