import type { Locator, Page } from '@playwright/test';

/** `/accounts`: the invitation form and the list of accounts. */
export class AccountsPage {
  readonly heading: Locator;
  readonly invite: Locator;
  readonly email: Locator;
  readonly role: Locator;
  readonly municipality: Locator;
  readonly submit: Locator;
  readonly link: Locator;
  readonly accounts: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Accounts' });
    this.invite = page.getByRole('region', { name: 'Iemand uitnodigen' });
    this.email = this.invite.getByLabel('E-mailadres');
    this.role = this.invite.getByLabel('Rol');
    this.municipality = this.invite.getByLabel('Gemeente');
    this.submit = this.invite.getByRole('button', { name: 'Uitnodiging maken' });
    this.link = this.invite.getByLabel('Uitnodigingslink');
    this.accounts = page.getByRole('region', { name: 'Alle accounts' });
  }

  /** The line of an account in the list, by its email address. */
  account(email: string): Locator {
    return this.accounts
      .getByRole('listitem')
      .filter({ has: this.page.getByText(email, { exact: true }) });
  }

  async goto(): Promise<void> {
    await this.page.goto('/accounts');
  }
}
