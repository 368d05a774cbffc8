/**
 * Verify templates as they would be registered in the Kavenegar panel. `%token`, `%token2`,
 * `%token3` are Kavenegar's placeholders; tokens cannot hold spaces, so free text goes through send.json.
 */
export const TEMPLATES: Record<string, string> = {
  'payam-otp': 'کد تایید پیام ایران: %token\nاین کد تا ۵ دقیقه معتبر است.',
  'payam-registered': 'ثبت نام دستگاه در پیام ایران انجام شد. نام کاربری: %token',
  'payam-rejected': 'درخواست ثبت نام دستگاه در پیام ایران رد شد. علت: %token',
};

export function renderTemplate(template: string, tokens: { token: string; token2?: string; token3?: string }): string {
  // Longer placeholders first: `%token` is a prefix of `%token2`.
  return template
    .replaceAll('%token3', tokens.token3 ?? '')
    .replaceAll('%token2', tokens.token2 ?? '')
    .replaceAll('%token', tokens.token);
}
