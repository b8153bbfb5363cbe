import type { Locator, Page } from '@playwright/test';

/** `/login`: the welcome and the login form. */
export class LoginPage {
  readonly heading: Locator;
  readonly form: Locator;
  readonly email: Locator;
  readonly password: Locator;
  readonly submit: Locator;
  readonly error: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Welkom bij VIP route' });
    this.form = page.getByRole('form', { name: 'Inloggen' });
    this.email = this.form.getByLabel('E-mailadres');
    this.password = this.form.getByLabel('Wachtwoord', { exact: true });
    this.submit = this.form.getByRole('button', { name: 'Inloggen' });
    this.error = this.form.getByRole('alert');
  }

  async goto(): Promise<void> {
    await this.page.goto('/login');
  }

  async login(email: string, password: string): Promise<void> {
    await this.email.fill(email);
    await this.password.fill(password);
    await this.submit.click();
  }
}
