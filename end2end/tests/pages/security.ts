import type { Locator, Page } from '@playwright/test';

/** `/security`: the second login step and changing one's password. */
export class SecurityPage {
  readonly heading: Locator;
  readonly required: Locator;
  readonly factor: Locator;
  readonly setUp: Locator;
  readonly qrCode: Locator;
  readonly key: Locator;
  readonly code: Locator;
  readonly confirm: Locator;
  readonly recoveryCodes: Locator;
  readonly saved: Locator;
  readonly password: Locator;
  readonly currentPassword: Locator;
  readonly newPassword: Locator;
  readonly change: Locator;
  readonly changed: Locator;

  constructor(readonly page: Page) {
    const main = page.getByRole('main');
    this.heading = main.getByRole('heading', { level: 1, name: 'Beveiliging' });
    this.required = main.getByText('Als coördinator zie je de dossiers van je hele regio.', { exact: false });
    this.factor = page.getByRole('region', { name: 'Tweede stap bij inloggen' });
    this.setUp = this.factor.getByRole('button', { name: 'Instellen' });
    this.qrCode = this.factor.getByRole('img', { name: 'QR-code om met je app te scannen' });
    this.key = this.factor.getByLabel('Sleutel');
    this.code = this.factor.getByLabel('Code uit je app');
    this.confirm = this.factor.getByRole('button', { name: 'Bevestigen' });
    this.recoveryCodes = this.factor.getByRole('list', { name: 'Gelukt! Bewaar je herstelcodes' });
    this.saved = this.factor.getByRole('link', { name: 'Ik heb ze bewaard: naar de start' });
    this.password = page.getByRole('form', { name: 'Wachtwoord wijzigen' });
    this.currentPassword = this.password.getByLabel('Huidig wachtwoord', { exact: true });
    this.newPassword = this.password.getByLabel('Nieuw wachtwoord', { exact: true });
    this.change = this.password.getByRole('button', { name: 'Wachtwoord wijzigen' });
    this.changed = this.password.getByRole('status');
  }

  async goto(): Promise<void> {
    await this.page.goto('/security');
  }
}
