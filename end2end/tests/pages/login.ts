import type { Locator, Page } from '@playwright/test';
import { DEMO_SECOND_FACTORS, withCode } from '../second-factor';

/** `/login`: the welcome, the login form and, for an account with a second factor, its step. */
export class LoginPage {
  readonly heading: Locator;
  readonly form: Locator;
  readonly email: Locator;
  readonly password: Locator;
  readonly submit: Locator;
  readonly error: Locator;
  /** The second step: the code of the authenticator app (or a recovery code). */
  readonly secondStep: Locator;
  readonly code: Locator;
  readonly confirm: Locator;
  readonly useRecoveryCode: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Welkom bij VIP route' });
    this.form = page.getByRole('form', { name: 'Inloggen' });
    this.email = this.form.getByLabel('E-mailadres');
    this.password = this.form.getByLabel('Wachtwoord', { exact: true });
    this.submit = this.form.getByRole('button', { name: 'Inloggen' });
    this.error = this.form.getByRole('alert');
    this.secondStep = page.getByRole('form', { name: 'Tweede stap' });
    this.code = this.secondStep.getByLabel(/^(Code uit je app|Herstelcode)$/);
    this.confirm = this.secondStep.getByRole('button', { name: 'Bevestigen' });
    this.useRecoveryCode = this.secondStep.getByRole('button', { name: 'Ik gebruik een herstelcode' });
  }

  async goto(): Promise<void> {
    await this.page.goto('/login');
  }

  /**
   * Fills in the form and sends it. A demo account with a second factor then gives the code of
   * its authenticator app, computed from the demo's secret.
   */
  async login(email: string, password: string): Promise<void> {
    await this.email.fill(email);
    await this.password.fill(password);
    await this.submit.click();
    const secret = DEMO_SECOND_FACTORS[email];
    if (secret) await this.giveCode(email, secret);
  }

  /** Types a code of `secret` in the second step and waits for the server's answer. */
  async giveCode(email: string, secret: string): Promise<void> {
    await withCode(email, secret, async (code) => {
      await this.code.fill(code);
      const answer = this.page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/login/second-factor'));
      await this.confirm.click();
      await answer;
    });
  }
}
